import type { Kysely } from 'kysely'
import { findFollowUpConsents } from '../../db/repositories/follow-ups'
import type { DB } from '../../db/types'
import { followUpsOutstanding } from './schedule'

/** Sent, and not yet decided: a publication (and so follow-ups) may still come. */
const undecided = ['submitted', 'in_review', 'changes_requested', 'approved']

/**
 * Of these submissions, those whose respondent agreed to follow-ups that are still to come:
 * retention keeps their contact details until the last round has been answered or has lapsed,
 * then removes them as it does everyone else's. A case study that is not (or no longer) in the
 * library will not be followed up, so its respondent's details go as usual.
 */
export async function awaitingFollowUp(
  db: Kysely<DB>,
  submissionIds: string[],
  intervals: readonly number[],
  now: Date,
): Promise<Set<string>> {
  const rows = await findFollowUpConsents(db, submissionIds, intervals.length)
  const awaiting = new Set<string>()
  for (const row of rows) {
    if (undecided.includes(row.submissionStatus)) awaiting.add(row.id)
    else if (row.caseStudyStatus === 'published' && row.publishedAt) {
      const lastRound =
        row.lastRoundStatus && row.lastRoundExpiresAt
          ? { status: row.lastRoundStatus, expiresAt: new Date(row.lastRoundExpiresAt) }
          : null
      if (followUpsOutstanding(new Date(row.publishedAt), intervals, now, lastRound))
        awaiting.add(row.id)
    }
  }
  return awaiting
}
