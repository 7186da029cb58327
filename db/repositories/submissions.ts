import { sql, type Kysely } from 'kysely'
import type { DB, Json } from '../types'

type Executor = Kysely<DB>

/** A respondent may change their answers while drafting, and again when a moderator asks. */
export const editableStatuses = ['draft', 'changes_requested']

const responseColumns = [
  's.id',
  's.reference',
  's.call_id',
  's.status',
  's.answers',
  's.respondent_name',
  's.respondent_email',
  's.respondent_role',
  's.may_contact',
  's.personal_data_findings',
  's.submitted_at',
  's.withdrawn_at',
  's.assigned_to',
  's.updated_at',
] as const

export async function findSubmissionById(db: Executor, id: string) {
  return db
    .selectFrom('submissions as s')
    .select(responseColumns)
    .where('s.id', '=', id)
    .executeTakeFirst()
}

export async function findSubmissionByStartToken(db: Executor, startToken: string) {
  return db
    .selectFrom('submissions')
    .select(['id', 'reference', 'call_id'])
    .where('start_token', '=', startToken)
    .executeTakeFirst()
}

export async function insertDraft(
  db: Executor,
  draft: { callId: string; reference: string; startToken: string },
) {
  return db
    .insertInto('submissions')
    .values({ call_id: draft.callId, reference: draft.reference, start_token: draft.startToken })
    .onConflict((oc) => oc.column('start_token').doNothing())
    .returning(['id', 'reference'])
    .executeTakeFirst()
}

/** Replaces one section of a draft's answers; does nothing once the response has been sent. */
export async function updateDraftSection(
  db: Executor,
  id: string,
  section: string,
  value: Json,
  completed: string[],
) {
  const result = await db
    .updateTable('submissions')
    .set({
      answers: sql<Json>`jsonb_set(jsonb_set(answers, ${sql.val([section])}::text[], ${sql.val(value)}::jsonb), '{completed}', ${sql.val(completed)}::jsonb)`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', editableStatuses)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** What the personal-data scan found in a draft's answers as last saved (sent ones keep theirs). */
export async function updateDraftFindings(db: Executor, id: string, findings: Json) {
  await db
    .updateTable('submissions')
    .set({
      personal_data_findings: findings,
      personal_data_flagged: Array.isArray(findings) && findings.length > 0,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute()
}

export async function updateDraftContact(
  db: Executor,
  id: string,
  contact: { name: string; email: string; role: string; mayContact: boolean },
  completed: string[],
) {
  const result = await db
    .updateTable('submissions')
    .set({
      respondent_name: contact.name,
      respondent_email: contact.email,
      respondent_role: contact.role,
      may_contact: contact.mayContact,
      answers: sql<Json>`jsonb_set(answers, '{completed}', ${sql.val(completed)}::jsonb)`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', editableStatuses)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Drafts for a call that a person's email address was given on, for "send me my link". */
export async function findDraftsByEmail(db: Executor, callId: string, email: string) {
  return db
    .selectFrom('submissions')
    .select(['id', 'reference', 'status'])
    .where('call_id', '=', callId)
    .where(sql`lower(respondent_email)`, '=', email.toLowerCase())
    .where('status', 'not in', ['withdrawn'])
    .orderBy('updated_at', 'desc')
    .limit(5)
    .execute()
}

/**
 * The one change from draft to submitted. The `status = 'draft'` condition makes a repeat (a
 * double click, a resent form, two tabs) a no-op that reports `false`.
 */
export async function markSubmitted(
  db: Executor,
  id: string,
  fields: {
    originalAnswers: Json
    organisationKind: string
    organisationName: string
    establishmentUrn: number | null
    findings: Json
    flagged: boolean
    now: Date
    /** Agreed on the consent page to be asked how the practice is going (app/follow-ups/). */
    followUpConsent?: boolean
  },
) {
  const result = await db
    .updateTable('submissions')
    .set({
      status: 'submitted',
      original_answers: fields.originalAnswers,
      organisation_kind: fields.organisationKind,
      organisation_name: fields.organisationName,
      establishment_urn: fields.establishmentUrn,
      personal_data_findings: fields.findings,
      personal_data_flagged: fields.flagged,
      submitted_at: fields.now,
      updated_at: fields.now,
      ...(fields.followUpConsent === undefined
        ? {}
        : { follow_up_consent: fields.followUpConsent }),
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * Sends a response again after a moderator asked for changes. The original answers stay as first
 * sent (they are frozen); the working answers carry the changes.
 */
export async function markResubmitted(
  db: Executor,
  id: string,
  fields: {
    organisationKind: string
    organisationName: string
    establishmentUrn: number | null
    findings: Json
    flagged: boolean
    now: Date
    /** Agreed on the consent page to be asked how the practice is going (app/follow-ups/). */
    followUpConsent?: boolean
  },
) {
  const result = await db
    .updateTable('submissions')
    .set({
      status: 'submitted',
      organisation_kind: fields.organisationKind,
      organisation_name: fields.organisationName,
      establishment_urn: fields.establishmentUrn,
      personal_data_findings: fields.findings,
      personal_data_flagged: fields.flagged,
      personal_data_resolved_at: null,
      personal_data_resolved_by: null,
      updated_at: fields.now,
      ...(fields.followUpConsent === undefined
        ? {}
        : { follow_up_consent: fields.followUpConsent }),
    })
    .where('id', '=', id)
    .where('status', '=', 'changes_requested')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function replaceSubmissionEstablishments(db: Executor, id: string, urns: number[]) {
  await db.deleteFrom('submission_establishments').where('submission_id', '=', id).execute()
  await insertSubmissionEstablishments(db, id, urns)
}

export async function insertSubmissionEstablishments(db: Executor, id: string, urns: number[]) {
  for (let i = 0; i < urns.length; i += 1000) {
    await db
      .insertInto('submission_establishments')
      .values(urns.slice(i, i + 1000).map((urn) => ({ submission_id: id, urn })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

/** Withdraws a response nobody has started moderating, while its call is open. */
export async function markWithdrawn(db: Executor, id: string, now: Date) {
  const result = await db
    .updateTable('submissions')
    .set({ status: 'withdrawn', withdrawn_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .where('assigned_to', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Locks a response the respondent may still change, for the transaction; throws if it is not one. */
export async function lockEditableSubmission(db: Executor, id: string) {
  await db
    .selectFrom('submissions')
    .select('id')
    .where('id', '=', id)
    .where('status', 'in', editableStatuses)
    .forUpdate()
    .executeTakeFirstOrThrow()
}
