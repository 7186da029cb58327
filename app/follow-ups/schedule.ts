// When follow-ups are due. Pure: the scheduled job (./invitations.server.ts) and retention
// (app/data-protection/) apply these rules; unit tests pin them down.

/** How long an emailed follow-up link works. */
export const LINK_VALID_DAYS = 60
/** When an unanswered invitation gets its one reminder. */
export const REMINDER_AFTER_DAYS = 14

const DAY = 86_400_000

export interface FollowUpRound {
  round: number
  months: number
  dueAt: Date
}

/** The rounds' months after first publication, from the validated configuration. */
export function followUpIntervals(config: {
  FOLLOW_UP_FIRST_MONTHS: number
  FOLLOW_UP_SECOND_MONTHS: number
}): number[] {
  return [config.FOLLOW_UP_FIRST_MONTHS, config.FOLLOW_UP_SECOND_MONTHS]
}

/**
 * The same day `months` calendar months later (UTC), or the last day of that month when it is
 * shorter: 31 August + 6 months is 28 (or 29) February, never 3 March.
 */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime())
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

export function roundsFor(publishedAt: Date, intervals: readonly number[]): FollowUpRound[] {
  return intervals.map((months, i) => ({
    round: i + 1,
    months,
    dueAt: addMonths(publishedAt, months),
  }))
}

/**
 * The round to invite a school to now, if any: the latest round that has fallen due, unless it
 * (or a later one) was already sent. An earlier round that was never sent is skipped rather than
 * sent late beside the next; a round more than the link's lifetime overdue is missed, so that
 * switching the feature on does not email every school published long ago.
 */
export function dueRound(
  publishedAt: Date,
  intervals: readonly number[],
  now: Date,
  sentRounds: readonly number[],
): FollowUpRound | null {
  const due = roundsFor(publishedAt, intervals).filter((r) => r.dueAt.getTime() <= now.getTime())
  const latest = due.at(-1)
  if (!latest) return null
  if (sentRounds.some((round) => round >= latest.round)) return null
  if (now.getTime() - latest.dueAt.getTime() > LINK_VALID_DAYS * DAY) return null
  return latest
}

export const linkExpiry = (invitedAt: Date) => new Date(invitedAt.getTime() + LINK_VALID_DAYS * DAY)

/** The moment before which an invitation sent at `invitedAt` gets no reminder. */
export const reminderFrom = (invitedAt: Date) =>
  new Date(invitedAt.getTime() + REMINDER_AFTER_DAYS * DAY)

/** Sent before this instant, an unanswered, unreminded, open invitation is reminded now. */
export const remindInvitationsSentBefore = (now: Date) =>
  new Date(now.getTime() - REMINDER_AFTER_DAYS * DAY)

export interface InvitationState {
  status: string
  invitedAt: Date
  expiresAt: Date
  remindedAt: Date | null
}

export function reminderDue(invitation: InvitationState, now: Date): boolean {
  return (
    invitation.status === 'invited' &&
    invitation.remindedAt === null &&
    now.getTime() >= reminderFrom(invitation.invitedAt).getTime() &&
    now.getTime() < invitation.expiresAt.getTime()
  )
}

/** Not answered in time: the link has expired and nothing was sent. */
export function isLapsed(invitation: Pick<InvitationState, 'status' | 'expiresAt'>, now: Date) {
  return invitation.status === 'invited' && now.getTime() >= invitation.expiresAt.getTime()
}

/**
 * Whether a consenting school may still be asked: true until the last round has been answered or
 * has lapsed (or was missed). Retention keeps their contact details exactly while this holds.
 */
export function followUpsOutstanding(
  publishedAt: Date,
  intervals: readonly number[],
  now: Date,
  lastRound: Pick<InvitationState, 'status' | 'expiresAt'> | null,
): boolean {
  if (lastRound) return lastRound.status === 'invited' && !isLapsed(lastRound, now)
  const last = roundsFor(publishedAt, intervals).at(-1)
  if (!last) return false
  return now.getTime() <= last.dueAt.getTime() + LINK_VALID_DAYS * DAY
}
