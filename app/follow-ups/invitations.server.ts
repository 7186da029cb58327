import type { Kysely } from 'kysely'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findInvitationRecipient,
  insertInvitation,
  listFollowUpCandidates,
  listRemindersDue,
  markReminded,
} from '../../db/repositories/follow-ups'
import type { DB } from '../../db/types'
import { queueEmail } from '../notifications/email.server'
import { hashToken, newToken } from '../submissions/respondent-session.server'
import { followUpEmail } from './emails'
import { addMonths, dueRound, linkExpiry, remindInvitationsSentBefore } from './schedule'

export const FOLLOW_UP_TASK = 'follow_up_invitations'

export interface FollowUpRunReport {
  invited: number
  reminded: number
}

export const followUpLink = (baseUrl: string, token: string) => `${baseUrl}/follow-up/open/${token}`

/**
 * The scheduled follow-up job (graphile-worker, several times an hour, and on demand): invites the
 * schools whose round has fallen due and reminds those who have not answered in 14 days.
 *
 * Safe to run twice at once or to retry after a failure: each invitation is a row that the
 * unique (case study, round) constraint admits once, written in the same transaction as its
 * email job; each reminder is a conditional UPDATE that only one runner wins. A school is never
 * emailed twice for a round, and never without the row that records it.
 */
export async function runFollowUps(
  db: Kysely<DB>,
  input: { intervals: readonly number[]; baseUrl: string; now: Date },
): Promise<FollowUpRunReport> {
  const { now, intervals } = input
  const first = Math.min(...intervals)
  // A few days' slack (months differ in length); dueRound makes the exact decision.
  const candidates = await listFollowUpCandidates(db, {
    publishedBefore: new Date(addMonths(now, -first).getTime() + 4 * 86_400_000),
    roundCount: intervals.length,
  })
  let invited = 0
  for (const candidate of candidates) {
    if (!candidate.publishedAt) continue
    const due = dueRound(new Date(candidate.publishedAt), intervals, now, candidate.rounds)
    if (!due) continue
    const sent = await db.transaction().execute(async (trx) => {
      const recipient = await findInvitationRecipient(trx, candidate.caseStudyId)
      if (!recipient?.respondent_email) return false
      const token = newToken()
      const expiresAt = linkExpiry(now)
      const id = await insertInvitation(trx, {
        caseStudyId: candidate.caseStudyId,
        round: due.round,
        months: due.months,
        tokenHash: hashToken(token),
        invitedAt: now,
        expiresAt,
      })
      if (!id) return false
      await queueEmail(
        trx,
        followUpEmail({
          to: recipient.respondent_email,
          reference: recipient.reference,
          title: recipient.title,
          months: due.months,
          round: due.round,
          link: followUpLink(input.baseUrl, token),
          expiresAt,
          reminder: false,
        }),
      )
      await recordAuditEvent(trx, {
        actorId: null,
        action: 'follow_up.invited',
        subjectType: 'follow_up',
        subjectId: id,
        after: { caseStudyId: candidate.caseStudyId, round: due.round, months: due.months },
      })
      return true
    })
    if (sent) invited++
  }

  let reminded = 0
  const sentBefore = remindInvitationsSentBefore(now)
  for (const due of await listRemindersDue(db, { sentBefore, now })) {
    const sent = await db.transaction().execute(async (trx) => {
      const recipient = await findInvitationRecipient(trx, due.caseStudyId)
      if (!recipient?.respondent_email) return false
      const token = newToken()
      const row = await markReminded(trx, {
        id: due.id,
        tokenHash: hashToken(token),
        sentBefore,
        now,
      })
      if (!row) return false
      await queueEmail(
        trx,
        followUpEmail({
          to: recipient.respondent_email,
          reference: recipient.reference,
          title: recipient.title,
          months: row.months,
          round: row.round,
          link: followUpLink(input.baseUrl, token),
          expiresAt: new Date(row.expiresAt),
          reminder: true,
        }),
      )
      await recordAuditEvent(trx, {
        actorId: null,
        action: 'follow_up.reminded',
        subjectType: 'follow_up',
        subjectId: row.id,
        after: { round: row.round },
      })
      return true
    })
    if (sent) reminded++
  }
  return { invited, reminded }
}

/**
 * Asks the job runners to check for due follow-ups now rather than at the next quarter hour
 * (after the test clock moves). A pending request already queued is not added twice.
 */
export async function requestFollowUpRun(db: Kysely<DB>) {
  await addJob(db, FOLLOW_UP_TASK, {}, { jobKey: FOLLOW_UP_TASK, maxAttempts: 5 })
}
