import { expect, test } from 'vitest'
import { callState } from '../../app/calls/call-state'
import {
  formatLondonDate,
  formatLondonDateTime,
  londonTimeToInstant,
} from '../../app/utils/london-time'

test('10:30 on 15 March 2025 in London is 10:30 UTC (before the clocks go forward)', () => {
  expect(londonTimeToInstant(2025, 3, 15, 10, 30).toISOString()).toBe('2025-03-15T10:30:00.000Z')
})

test('midnight at the end of 1 May 2025 in London is 23:00 UTC on 1 May (British Summer Time)', () => {
  expect(londonTimeToInstant(2025, 5, 2, 0, 0).toISOString()).toBe('2025-05-01T23:00:00.000Z')
})

test('a closing time of midnight is written as the end of the day before, GOV.UK style', () => {
  expect(formatLondonDateTime(new Date('2025-05-01T23:00:00Z'))).toBe(
    'midnight at the end of Thursday 1 May 2025',
  )
})

test('opening times are written with am or pm and the weekday', () => {
  expect(formatLondonDateTime(new Date('2025-03-15T10:30:00Z'))).toBe(
    '10:30am on Saturday 15 March 2025',
  )
  expect(formatLondonDateTime(new Date('2025-06-01T11:00:00Z'))).toBe(
    'midday on Sunday 1 June 2025',
  )
  expect(formatLondonDateTime(new Date('2025-06-01T16:00:00Z'))).toBe('5pm on Sunday 1 June 2025')
  expect(formatLondonDate(new Date('2025-12-31T23:30:00Z'))).toBe('31 December 2025')
})

const call = {
  opens_at: new Date('2025-03-15T10:30:00Z'),
  closes_at: new Date('2025-05-01T23:00:00Z'),
}

test('a call is scheduled until the moment it opens', () => {
  expect(callState(call, new Date('2025-03-15T10:29:59Z'))).toBe('scheduled')
  expect(callState(call, new Date('2025-03-15T10:30:00Z'))).toBe('open')
})

test('a response one second after closing is refused: the call is closed at its closing instant', () => {
  expect(callState(call, new Date('2025-05-01T22:59:59Z'))).toBe('open')
  expect(callState(call, new Date('2025-05-01T23:00:00Z'))).toBe('closed')
  expect(callState(call, new Date('2025-05-01T23:00:01Z'))).toBe('closed')
})

test('London wall-clock time for spreadsheets and CSV changes at 01:00 UTC on the days the clocks change', async () => {
  const { formatLondonStamp } = await import('../../app/utils/london-time')
  expect(
    [
      '2026-03-29T00:59:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:00Z',
      '2026-10-25T01:00:00Z',
    ].map((iso) => formatLondonStamp(new Date(iso))),
  ).toEqual(['2026-03-29 00:59', '2026-03-29 02:00', '2026-10-25 01:59', '2026-10-25 01:00'])
})
