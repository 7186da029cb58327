import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

// Where a respondent's personal data lives, and the statements that remove it. Contact details
// are in their own columns; the approver's name and role are in the consent answers.

const withoutApprover = (column: 'answers' | 'original_answers') =>
  sql<never>`${sql.ref(column)} #- '{consent,approverName}' #- '{consent,approverRole}'`

/**
 * Declares, for the rest of this transaction, that it removes personal data: the database then
 * lets it scrub audit events and the approver in frozen answers, and nothing more.
 */
async function declareScrubbing(db: Kysely<DB>) {
  if (!db.isTransaction) throw new Error('Personal data is removed inside a transaction')
  await sql`SELECT set_config('iip.scrubbing_personal_data', 'on', true)`.execute(db)
}

/** Sent responses to calls that closed before `cutoff` whose contact details are still held. */
export async function findContactsDue(db: Kysely<DB>, cutoff: Date) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('calls as c', 'c.id', 's.call_id')
    .select(['s.id', 's.respondent_email'])
    .where('s.status', '!=', 'draft')
    .where('s.contact_removed_at', 'is', null)
    .where('c.closes_at', '<=', cutoff)
    .execute()
}

/** Drafts never sent, to calls that closed before `cutoff`. */
export async function findUnsentDraftsDue(db: Kysely<DB>, cutoff: Date) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('calls as c', 'c.id', 's.call_id')
    .select(['s.id', 's.respondent_email'])
    .where('s.status', '=', 'draft')
    .where('c.closes_at', '<=', cutoff)
    .execute()
}

export async function findSubmissionsByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('submissions')
    .selectAll()
    .where(sql`lower(respondent_email)`, '=', email.trim().toLowerCase())
    .orderBy('created_at')
    .execute()
}

/** Removes names, email addresses, roles and the approver; the evidence stays. */
export async function removeContactDetails(db: Kysely<DB>, submissionIds: string[]) {
  if (submissionIds.length === 0) return 0
  await declareScrubbing(db)
  const result = await db
    .updateTable('submissions')
    .set({
      respondent_name: null,
      respondent_email: null,
      respondent_role: null,
      may_contact: false,
      contact_removed_at: sql`now()`,
      answers: withoutApprover('answers'),
      original_answers: sql`CASE WHEN original_answers IS NULL THEN NULL ELSE ${withoutApprover('original_answers')} END`,
      updated_at: sql`now()`,
    })
    .where('id', 'in', submissionIds)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Deletes submissions with everything that hangs off them (their schools, links, files' records,
 * notes, double coding, reviews, and an unpublished case study draft). Returns the stored files
 * that no submission refers to any more, for the caller to delete from disk.
 */
export async function deleteSubmissions(db: Kysely<DB>, submissionIds: string[]) {
  if (submissionIds.length === 0) return { deleted: 0, orphanFiles: [] as string[] }
  const files = await db
    .selectFrom('submission_files')
    .select('sha256')
    .where('submission_id', 'in', submissionIds)
    .execute()
  await db.deleteFrom('reviews').where('submission_id', 'in', submissionIds).execute()
  await db.deleteFrom('case_studies').where('submission_id', 'in', submissionIds).execute()
  const result = await db
    .deleteFrom('submissions')
    .where('id', 'in', submissionIds)
    .executeTakeFirst()
  const hashes = [...new Set(files.map((f) => f.sha256))]
  const stillUsed =
    hashes.length === 0
      ? []
      : await db
          .selectFrom('submission_files')
          .select('sha256')
          .where('sha256', 'in', hashes)
          .execute()
  const used = new Set(stillUsed.map((f) => f.sha256))
  return { deleted: Number(result.numDeletedRows), orphanFiles: hashes.filter((h) => !used.has(h)) }
}

/**
 * What a moderator redacted lives on in the audit log as the "before" of the edit that removed
 * it. Replaces those values (edits that gave a reason) for these submissions' case studies; the
 * events themselves, who did what and when, stay. The only change the audit log allows.
 */
export async function scrubRedactedText(db: Kysely<DB>, submissionIds: string[]) {
  if (submissionIds.length === 0) return 0
  await declareScrubbing(db)
  const result = await sql`
    UPDATE audit_events e
    SET before = (SELECT jsonb_object_agg(key, '"[removed: personal data]"'::jsonb)
                  FROM jsonb_object_keys(e.before) AS key)
    FROM case_studies cs
    WHERE e.subject_type = 'case_study' AND e.subject_id = cs.id::text
      AND cs.submission_id = ANY(${submissionIds}::uuid[])
      AND e.action = 'case_study.edited' AND e.after ? 'reason'
      AND jsonb_typeof(e.before) = 'object'
      AND e.before <> (SELECT jsonb_object_agg(key, '"[removed: personal data]"'::jsonb)
                       FROM jsonb_object_keys(e.before) AS key)`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/**
 * What hangs off these submissions, for a subject access export: their schools, files' records,
 * links, case studies, moderators' decisions and notes, and audit events.
 */
export async function findSubjectRecords(db: Kysely<DB>, submissionIds: string[]) {
  if (submissionIds.length === 0)
    return { schools: [], files: [], links: [], caseStudies: [], reviews: [], notes: [], audit: [] }
  const [schools, files, links, caseStudies, reviews, notes, audit] = await Promise.all([
    db
      .selectFrom('submission_establishments')
      .selectAll()
      .where('submission_id', 'in', submissionIds)
      .execute(),
    db
      .selectFrom('submission_files')
      .select(['submission_id', 'file_name', 'media_type', 'size_bytes', 'created_at'])
      .where('submission_id', 'in', submissionIds)
      .execute(),
    db
      .selectFrom('respondent_tokens')
      .select(['submission_id', 'purpose', 'created_at', 'expires_at'])
      .where('submission_id', 'in', submissionIds)
      .execute(),
    db
      .selectFrom('case_studies')
      .select(['submission_id', 'slug', 'status', 'title', 'organisation_named', 'published_at'])
      .where('submission_id', 'in', submissionIds)
      .execute(),
    db
      .selectFrom('reviews')
      .select(['submission_id', 'decision', 'from_status', 'to_status', 'reason', 'created_at'])
      .where('submission_id', 'in', submissionIds)
      .execute(),
    db
      .selectFrom('submission_notes')
      .select(['submission_id', 'body', 'created_at'])
      .where('submission_id', 'in', submissionIds)
      .execute(),
    db
      .selectFrom('audit_events')
      .select(['action', 'subject_type', 'subject_id', 'before', 'after', 'created_at'])
      .where('subject_id', 'in', submissionIds)
      .orderBy('id')
      .execute(),
  ])
  return { schools, files, links, caseStudies, reviews, notes, audit }
}

/** Emails to this address still in the job queue. */
export async function findQueuedEmailsTo(db: Kysely<DB>, email: string) {
  const result = await sql<{ payload: unknown; run_at: Date; attempts: number }>`
    SELECT j.payload, j.run_at, j.attempts FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'send_email' AND lower(j.payload->>'to') = ${email.trim().toLowerCase()}`.execute(
    db,
  )
  return result.rows
}

/** Which of these submissions have a published case study. */
export async function findPublishedSubmissionIds(db: Kysely<DB>, submissionIds: string[]) {
  const rows = await db
    .selectFrom('case_studies')
    .select('submission_id')
    .where('status', '=', 'published')
    .where(
      'submission_id',
      'in',
      submissionIds.length ? submissionIds : ['00000000-0000-0000-0000-000000000000'],
    )
    .execute()
  return rows.map((r) => r.submission_id)
}
