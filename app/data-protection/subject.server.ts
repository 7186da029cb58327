import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { removeQueuedEmailsTo } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  cancelFollowUpsForErasure,
  findFollowUpAuditEvents,
  findSubjectFollowUps,
} from '../../db/repositories/follow-ups'
import {
  deleteSubmissions,
  findPublishedSubmissionIds,
  findQueuedEmailsTo,
  findSubjectRecords,
  findSubmissionsByEmail,
  removeContactDetails,
  scrubRedactedText,
} from '../../db/repositories/personal-data'
import type { DB } from '../../db/types'
import { deleteStoredFiles } from '../submissions/files.server'
import type { Env } from '../utils/env.server'

/**
 * Everything held about a respondent, found by their email address: each response with its
 * answers (as sent and as last saved), schools, files, links, the case study made from it, the
 * moderators' decisions and notes about it, its audit events, the follow-ups they were invited to
 * (dates, status, their answers and those follow-ups' audit events; never a link's hash), and
 * emails waiting to be sent.
 */
export async function exportSubjectData(db: Kysely<DB>, email: string) {
  const submissions = await findSubmissionsByEmail(db, email)
  const ids = submissions.map((s) => s.id)
  const none = ids.length === 0
  const [{ schools, files, links, caseStudies, reviews, notes, audit }, followUps, emails] =
    await Promise.all([
      findSubjectRecords(db, ids),
      findSubjectFollowUps(db, ids),
      none ? [] : findQueuedEmailsTo(db, email),
    ])
  const followUpAudit = await findFollowUpAuditEvents(
    db,
    followUps.map((f) => f.id),
  )
  const of = <T extends { submission_id: string | null }>(rows: T[], id: string) =>
    rows.filter((r) => r.submission_id === id).map(({ submission_id: _id, ...rest }) => rest)
  return {
    email: email.trim(),
    exportedAt: new Date().toISOString(),
    responses: submissions.map((s) => ({
      ...s,
      schools: of(schools, s.id),
      files: of(files, s.id),
      links: of(links, s.id),
      caseStudy: of(caseStudies, s.id)[0] ?? null,
      decisions: of(reviews, s.id),
      staffNotes: of(notes, s.id),
      auditEvents: audit.filter((e) => e.subject_id === s.id),
      followUps: of(followUps, s.id).map(({ id, ...followUp }) => ({
        ...followUp,
        auditEvents: followUpAudit.filter((e) => e.subject_id === id),
      })),
    })),
    emailsWaiting: emails,
  }
}

export interface ErasureReport {
  responsesDeleted: number
  responsesAnonymised: number
  filesDeleted: number
  queuedEmailsRemoved: number
  /** Follow-up invitations still open, cancelled so the respondent is asked nothing more. */
  followUpInvitationsCancelled: number
}

/**
 * Erasure (UK GDPR article 17), as the policy in docs/personal-data.md says: a response that has not been
 * published is deleted with everything that hangs off it; a published one keeps its case study
 * (already moderated and anonymised) but loses the respondent's and approver's names, email and
 * role, and the redacted text in its audit events. Either way the respondent is asked nothing
 * more: their agreement to follow-ups is withdrawn and invitations still open are cancelled (their
 * links stop working, no reminder goes, answers never sent are deleted); updates they already sent
 * stay with the published case study, as its evidence does. Audited without the address itself.
 */
export async function eraseSubjectData(
  db: Kysely<DB>,
  env: Env,
  email: string,
): Promise<ErasureReport> {
  const result = await db.transaction().execute(async (trx) => {
    const submissions = await findSubmissionsByEmail(trx, email)
    const published = new Set(
      await findPublishedSubmissionIds(
        trx,
        submissions.map((s) => s.id),
      ),
    )
    const keep = submissions.filter((s) => published.has(s.id)).map((s) => s.id)
    const remove = submissions.filter((s) => !published.has(s.id)).map((s) => s.id)
    // Before anything is deleted, so invitations of responses about to go are counted too.
    const followUpInvitationsCancelled = await cancelFollowUpsForErasure(
      trx,
      submissions.map((s) => s.id),
    )
    await scrubRedactedText(trx, keep)
    const anonymised = await removeContactDetails(trx, keep)
    const { deleted, orphanFiles } = await deleteSubmissions(trx, remove)
    const queuedEmailsRemoved = await removeQueuedEmailsTo(trx, [email])
    await recordAuditEvent(trx, {
      actorId: null,
      action: 'respondent.erased',
      subjectType: 'respondent',
      // A hash, so the log can show a request was met without keeping the address.
      subjectId: createHash('sha256').update(email.trim().toLowerCase()).digest('hex'),
      after: {
        responsesDeleted: deleted,
        responsesAnonymised: anonymised,
        queuedEmailsRemoved,
        followUpInvitationsCancelled,
      },
    })
    return { deleted, anonymised, orphanFiles, queuedEmailsRemoved, followUpInvitationsCancelled }
  })
  const filesDeleted = await deleteStoredFiles(env, result.orphanFiles)
  return {
    responsesDeleted: result.deleted,
    responsesAnonymised: result.anonymised,
    filesDeleted,
    queuedEmailsRemoved: result.queuedEmailsRemoved,
    followUpInvitationsCancelled: result.followUpInvitationsCancelled,
  }
}
