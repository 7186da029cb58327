import { expect, test } from 'vitest'
import {
  addMonths,
  dueRound,
  followUpIntervals,
  followUpsOutstanding,
  isLapsed,
  linkExpiry,
  reminderDue,
} from '../../app/follow-ups/schedule'
import { parseEnv } from '../../app/utils/env.server'

const day = 86_400_000
const at = (iso: string) => new Date(iso)
const published = at('2027-03-12T10:00:00Z')
const intervals = [6, 12]

test('months are calendar months, and a short month takes its last day', () => {
  expect(addMonths(published, 6).toISOString()).toBe('2027-09-12T10:00:00.000Z')
  expect(addMonths(at('2027-08-31T09:00:00Z'), 6).toISOString()).toBe('2028-02-29T09:00:00.000Z')
  expect(addMonths(at('2026-08-31T09:00:00Z'), 6).toISOString()).toBe('2027-02-28T09:00:00.000Z')
  expect(addMonths(at('2027-01-31T00:00:00Z'), 1).toISOString()).toBe('2027-02-28T00:00:00.000Z')
  expect(addMonths(at('2027-12-15T00:00:00Z'), 12).toISOString()).toBe('2028-12-15T00:00:00.000Z')
  expect(addMonths(at('2027-09-12T10:00:00Z'), -6).toISOString()).toBe('2027-03-12T10:00:00.000Z')
})

test('no round is due before 6 months, the first is due on the day', () => {
  expect(dueRound(published, intervals, at('2027-09-12T09:59:59Z'), [])).toBeNull()
  expect(dueRound(published, intervals, at('2027-09-12T10:00:00Z'), [])).toMatchObject({
    round: 1,
    months: 6,
  })
})

test('a round already sent is never due again', () => {
  expect(dueRound(published, intervals, at('2027-10-01T00:00:00Z'), [1])).toBeNull()
})

test('the second round is due at 12 months whether or not the first was answered', () => {
  expect(dueRound(published, intervals, at('2028-03-12T10:00:00Z'), [1])).toMatchObject({
    round: 2,
    months: 12,
  })
  expect(dueRound(published, intervals, at('2028-03-13T00:00:00Z'), [1, 2])).toBeNull()
})

test('a first round never sent is skipped once the second is due, not sent beside it', () => {
  expect(dueRound(published, intervals, at('2028-03-20T00:00:00Z'), [])).toMatchObject({ round: 2 })
})

test('a round more than 60 days overdue is missed rather than sent late', () => {
  const due = addMonths(published, 12).getTime()
  expect(dueRound(published, intervals, new Date(due + 60 * day), [1])).toMatchObject({ round: 2 })
  expect(dueRound(published, intervals, new Date(due + 61 * day), [1])).toBeNull()
  // Switching the feature on does not email schools published years ago.
  expect(dueRound(at('2020-01-01T00:00:00Z'), intervals, published, [])).toBeNull()
})

test('the intervals come from the configuration, 6 and 12 months by default', () => {
  expect(followUpIntervals(parseEnv({}))).toEqual([6, 12])
  expect(
    followUpIntervals(parseEnv({ FOLLOW_UP_FIRST_MONTHS: '3', FOLLOW_UP_SECOND_MONTHS: '9' })),
  ).toEqual([3, 9])
  expect(dueRound(published, [3, 9], at('2027-06-12T10:00:00Z'), [])).toMatchObject({ months: 3 })
})

test('the intervals are validated: whole months, the second at least 3 after the first', () => {
  expect(() => parseEnv({ FOLLOW_UP_FIRST_MONTHS: 'six' })).toThrow(
    /FOLLOW_UP_FIRST_MONTHS must be a whole number between 1 and 60/,
  )
  expect(() => parseEnv({ FOLLOW_UP_FIRST_MONTHS: '0' })).toThrow(/FOLLOW_UP_FIRST_MONTHS/)
  expect(() => parseEnv({ FOLLOW_UP_SECOND_MONTHS: '121' })).toThrow(/FOLLOW_UP_SECOND_MONTHS/)
  expect(() => parseEnv({ FOLLOW_UP_FIRST_MONTHS: '6', FOLLOW_UP_SECOND_MONTHS: '8' })).toThrow(
    /FOLLOW_UP_SECOND_MONTHS must be at least 3 more than FOLLOW_UP_FIRST_MONTHS/,
  )
})

test('a link lasts 60 days; one reminder after 14 days while it is unanswered and open', () => {
  const invitedAt = at('2027-09-12T10:00:00Z')
  const invitation = {
    status: 'invited',
    invitedAt,
    expiresAt: linkExpiry(invitedAt),
    remindedAt: null,
  }
  expect(invitation.expiresAt.toISOString()).toBe('2027-11-11T10:00:00.000Z')
  expect(reminderDue(invitation, new Date(invitedAt.getTime() + 14 * day - 1))).toBe(false)
  expect(reminderDue(invitation, new Date(invitedAt.getTime() + 14 * day))).toBe(true)
  expect(reminderDue({ ...invitation, remindedAt: new Date() }, at('2027-10-01T00:00:00Z'))).toBe(
    false,
  )
  expect(reminderDue({ ...invitation, status: 'submitted' }, at('2027-10-01T00:00:00Z'))).toBe(
    false,
  )
  expect(reminderDue(invitation, invitation.expiresAt)).toBe(false)
  expect(isLapsed(invitation, new Date(invitation.expiresAt.getTime() - 1))).toBe(false)
  expect(isLapsed(invitation, invitation.expiresAt)).toBe(true)
  expect(isLapsed({ ...invitation, status: 'submitted' }, at('2030-01-01T00:00:00Z'))).toBe(false)
})

test('follow-ups are outstanding until the last round is answered or lapses', () => {
  const lastDue = addMonths(published, 12)
  // Before the last round is sent: outstanding, up to 60 days past its due date.
  expect(followUpsOutstanding(published, intervals, at('2027-10-01T00:00:00Z'), null)).toBe(true)
  expect(
    followUpsOutstanding(published, intervals, new Date(lastDue.getTime() + 60 * day), null),
  ).toBe(true)
  expect(
    followUpsOutstanding(published, intervals, new Date(lastDue.getTime() + 61 * day), null),
  ).toBe(false)
  const open = { status: 'invited', expiresAt: linkExpiry(lastDue) }
  expect(followUpsOutstanding(published, intervals, lastDue, open)).toBe(true)
  expect(followUpsOutstanding(published, intervals, open.expiresAt, open)).toBe(false)
  expect(
    followUpsOutstanding(published, intervals, lastDue, { ...open, status: 'submitted' }),
  ).toBe(false)
})
