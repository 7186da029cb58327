// Waiting for something that may never happen, without waiting for ever: a test says what it was
// waiting for, rather than running into its hook or test timeout with no clue.

type Outcome<T> = { settled: 'resolved'; value: T } | { settled: 'still waiting' }

/** The promise's value once it resolves, or 'still waiting' if it has not settled within `ms`. */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: 'still waiting' }), ms)
  })
  try {
    return await Promise.race([
      promise.then((value) => ({ settled: 'resolved', value }) as const),
      late,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** The promise's value, or a rejection with `message()` if it has not settled within `ms`. */
export async function finishWithin<T>(promise: Promise<T>, ms: number, message: () => string) {
  const outcome = await settledWithin(promise, ms)
  if (outcome.settled === 'still waiting') throw new Error(message())
  return outcome.value
}
