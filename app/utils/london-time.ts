// Calls open and close on the clock in England. These helpers convert between that wall-clock
// time (GMT in winter, BST in summer) and the instants stored in Postgres.

const zone = 'Europe/London'

// Built once: constructing an Intl formatter costs far more than using one.
const numericFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})
const wordsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hourCycle: 'h23',
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

function offsetMinutes(instant: Date): number {
  const parts = numericFormat.formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
  return Math.round((asUtc - instant.getTime()) / 60_000)
}

/** The instant at which it is the given wall-clock time in London (month is 1–12). */
export function londonTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute)
  // Two passes settle the offset even on the days the clocks change.
  let instant = new Date(guess - offsetMinutes(new Date(guess)) * 60_000)
  instant = new Date(guess - offsetMinutes(instant) * 60_000)
  return instant
}

function londonParts(instant: Date) {
  const parts = wordsFormat.formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    weekday: get('weekday'),
    day: Number(get('day')),
    month: get('month'),
    year: Number(get('year')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  }
}

/** "15 March 2026" */
export function formatLondonDate(instant: Date): string {
  const p = londonParts(instant)
  return `${p.day} ${p.month} ${p.year}`
}

/**
 * GOV.UK style: "10:30am on Sunday 15 March 2026", and a closing time of 00:00 as
 * "midnight at the end of Saturday 1 May 2027" so nobody thinks they have the whole of the 2nd.
 */
export function formatLondonDateTime(instant: Date): string {
  const p = londonParts(instant)
  if (p.hour === 0 && p.minute === 0) {
    const dayBefore = londonParts(new Date(instant.getTime() - 60_000))
    return `midnight at the end of ${dayBefore.weekday} ${dayBefore.day} ${dayBefore.month} ${dayBefore.year}`
  }
  if (p.hour === 12 && p.minute === 0) return `midday on ${p.weekday} ${p.day} ${p.month} ${p.year}`
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12
  const minutes = p.minute === 0 ? '' : `:${String(p.minute).padStart(2, '0')}`
  return `${hour12}${minutes}${p.hour < 12 ? 'am' : 'pm'} on ${p.weekday} ${p.day} ${p.month} ${p.year}`
}

/**
 * The London wall-clock time of an instant as a Date whose UTC fields hold it: what a
 * spreadsheet, which has no time zones, should show ("16:00" in summer, not "15:00").
 */
export function londonWallClock(instant: Date): Date {
  return new Date(instant.getTime() + hourlyOffsetMinutes(instant) * 60_000)
}

// The clocks change on the hour (01:00 UTC), so the offset is the same for a whole UTC hour: an
// export of 50,000 rows asks the formatter once an hour of timestamps, not twice a row.
const offsets = new Map<number, number>()
function hourlyOffsetMinutes(instant: Date): number {
  const hour = Math.floor(instant.getTime() / 3_600_000)
  let offset = offsets.get(hour)
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear()
    offset = offsetMinutes(new Date(hour * 3_600_000))
    offsets.set(hour, offset)
  }
  return offset
}

/** "2026-05-01 16:00": London time for a CSV cell (sorts as text, reads as a time). */
export function formatLondonStamp(instant: Date): string {
  return londonWallClock(instant).toISOString().slice(0, 16).replace('T', ' ')
}
