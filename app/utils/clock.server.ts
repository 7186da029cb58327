/**
 * The time, as the app sees it. In production it is the system clock. Under NODE_ENV=test it
 * can be moved forward (through `/dev/clock`), so that browser tests can watch a call open
 * without waiting for it; nothing else can move it.
 */
export interface Clock {
  now: () => Date
  /** Test runs only: how far ahead of the system clock the app's time is. */
  readonly adjustable: boolean
  setOffset: (milliseconds: number) => void
}

export function createClock(adjustable: boolean): Clock {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    adjustable,
    setOffset: (milliseconds) => {
      if (!adjustable) throw new Error('The clock can only be moved in tests')
      offset = milliseconds
    },
  }
}
