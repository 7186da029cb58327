import type { Kysely } from 'kysely'
import { removeQueuedEmailsTo } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  deleteSubmissions,
  findContactsDue,
  findUnsentDraftsDue,
  removeContactDetails,
  scrubRedactedText,
} from '../../db/repositories/personal-data'
import type { DB } from '../../db/types'
import { awaitingFollowUp } from '../follow-ups/retention.server'
import { followUpIntervals } from '../follow-ups/schedule'
import { deleteStoredFiles } from '../submissions/files.server'
import type { Env } from '../utils/env.server'

export const RETENTION_TASK = 'retention_run'

export interface RetentionReport {
  /** Calls that closed on or before this instant are past retention. */
  cutoff: string
  contactsRemoved: number
  /** Past the cutoff, but kept because the respondent agreed to follow-ups still to come. */
  contactsKeptForFollowUp: number
  draftsDeleted: number
  filesDeleted: number
  redactionsScrubbed: number
  queuedEmailsRemoved: number
}

/**
 * The retention policy, run daily by the app and on demand by `npm run retention:run`. For
 * every call that closed more than RETENTION_CONTACT_DAYS ago: respondents' names, email
 * addresses and roles, and the approver's name and role, are removed from sent responses; drafts
 * never sent are deleted with their files; text that moderators redacted is removed from the
 * audit log; emails still queued to those addresses are dropped. The evidence (answers, case
 * studies, tags) and the audit log's record of who did what stay. Running it twice does nothing
 * more the second time. Respondents who agreed to follow-ups keep their contact details until the
 * last follow-up has been answered or has lapsed (app/follow-ups/retention.server.ts).
 */
export async function runRetention(
  db: Kysely<DB>,
  env: Env,
  now = new Date(),
): Promise<RetentionReport> {
  const cutoff = new Date(now.getTime() - env.RETENTION_CONTACT_DAYS * 86_400_000)
  const report = await db.transaction().execute(async (trx) => {
    const due = await findContactsDue(trx, cutoff)
    const kept = await awaitingFollowUp(
      trx,
      due.map((s) => s.id),
      followUpIntervals(env),
      now,
    )
    const contacts = due.filter((s) => !kept.has(s.id))
    const drafts = await findUnsentDraftsDue(trx, cutoff)
    const addresses = [...contacts, ...drafts]
      .map((s) => s.respondent_email)
      .filter((email): email is string => Boolean(email))
    const contactIds = contacts.map((s) => s.id)
    const redactionsScrubbed = await scrubRedactedText(trx, contactIds)
    const contactsRemoved = await removeContactDetails(trx, contactIds)
    const { deleted, orphanFiles } = await deleteSubmissions(
      trx,
      drafts.map((s) => s.id),
    )
    const queuedEmailsRemoved = await removeQueuedEmailsTo(trx, addresses)
    const counts = {
      cutoff: cutoff.toISOString(),
      contactsRemoved,
      contactsKeptForFollowUp: kept.size,
      draftsDeleted: deleted,
      redactionsScrubbed,
      queuedEmailsRemoved,
    }
    if (contactsRemoved + deleted + redactionsScrubbed + queuedEmailsRemoved > 0) {
      await recordAuditEvent(trx, {
        actorId: null,
        action: 'retention.ran',
        subjectType: 'retention',
        subjectId: cutoff.toISOString().slice(0, 10),
        after: { ...counts, filesToDelete: orphanFiles.length },
      })
    }
    return { ...counts, orphanFiles }
  })
  // Files go once the rows that named them are gone for good.
  const filesDeleted = await deleteStoredFiles(env, report.orphanFiles)
  const { orphanFiles: _orphanFiles, ...counts } = report
  return { ...counts, filesDeleted }
}
