import { sql, type Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  draftColumns,
  insertNote,
  listCaseStudyTagCodes,
  replaceCaseStudyTags,
  updateCaseStudyRating,
  updateDraftIfVersion,
  type DraftFields,
} from '../../db/repositories/moderation'
import type { DB } from '../../db/types'
import { enqueueCaseStudySync } from '../../search/outbox'
import { draftFieldNames } from './draft-fields'

export type EditResult =
  | { ok: true }
  | { ok: false; conflict: { current: DraftFields; version: number; changed: string[] } }

/**
 * Saves a moderator's edit of the case study draft. If another moderator saved first, nothing is
 * overwritten: the answer carries what is stored now and which fields changed, to show them.
 */
export async function saveDraftEdits(
  db: Kysely<DB>,
  input: {
    caseStudyId: string
    actorId: string
    version: number
    fields: DraftFields
    /** Why the text was changed, such as a redaction of personal data. */
    reason?: string
  },
): Promise<EditResult> {
  return db.transaction().execute(async (trx): Promise<EditResult> => {
    const before = await trx
      .selectFrom('case_studies')
      .select(draftColumns)
      .where('id', '=', input.caseStudyId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const saved = await updateDraftIfVersion(trx, input.caseStudyId, input.version, input.fields)
    if (!saved) {
      const current = Object.fromEntries(draftFieldNames.map((f) => [f, before[f]])) as DraftFields
      return {
        ok: false,
        conflict: {
          current,
          version: before.version,
          changed: draftFieldNames.filter((f) => current[f] !== input.fields[f]),
        },
      }
    }
    const changed = draftFieldNames.filter((f) => before[f] !== input.fields[f])
    if (changed.length > 0) {
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: 'case_study.edited',
        subjectType: 'case_study',
        subjectId: input.caseStudyId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: {
          ...Object.fromEntries(changed.map((f) => [f, input.fields[f]])),
          ...(input.reason ? { reason: input.reason } : {}),
        },
      })
    }
    if (before.status === 'published') await enqueueCaseStudySync(trx, [input.caseStudyId])
    return { ok: true }
  })
}

export interface Tagging {
  tags: { scheme: string; code: string }[]
  keywords: string[]
  evidenceStrength: number | null
}

/** Replaces the tags, keywords and evidence rating; audited, and re-indexed if published. */
export async function saveTagging(
  db: Kysely<DB>,
  input: { caseStudyId: string; actorId: string } & Tagging,
) {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('case_studies')
      .select(['status', 'keywords', 'evidence_strength'])
      .where('id', '=', input.caseStudyId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const beforeTags = await listCaseStudyTagCodes(trx, input.caseStudyId)
    const unknown = await replaceCaseStudyTags(trx, input.caseStudyId, input.tags)
    if (unknown.length > 0) throw new Error(`Unknown or retired terms: ${JSON.stringify(unknown)}`)
    await updateCaseStudyRating(trx, input.caseStudyId, {
      keywords: input.keywords,
      evidenceStrength: input.evidenceStrength,
    })
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: 'case_study.tagged',
      subjectType: 'case_study',
      subjectId: input.caseStudyId,
      before: {
        tags: beforeTags.map((t) => `${t.scheme}:${t.code}`),
        keywords: current.keywords,
        evidenceStrength: current.evidence_strength,
      },
      after: {
        tags: input.tags.map((t) => `${t.scheme}:${t.code}`),
        keywords: input.keywords,
        evidenceStrength: input.evidenceStrength,
      },
    })
    if (current.status === 'published') await enqueueCaseStudySync(trx, [input.caseStudyId])
  })
}

/** A moderator confirms that the flagged personal data has been removed from the draft. */
export async function resolvePersonalData(
  db: Kysely<DB>,
  input: { submissionId: string; actorId: string },
) {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('submissions')
      .set({
        personal_data_resolved_at: sql`now()`,
        personal_data_resolved_by: input.actorId,
      })
      .where('id', '=', input.submissionId)
      .where('personal_data_resolved_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows > 0n)
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: 'submission.personal_data_resolved',
        subjectType: 'submission',
        subjectId: input.submissionId,
        before: { resolved: false },
        after: { resolved: true },
      })
  })
}

export async function addNote(
  db: Kysely<DB>,
  input: { submissionId: string; actorId: string; body: string },
) {
  await db.transaction().execute(async (trx) => {
    await insertNote(trx, {
      submissionId: input.submissionId,
      authorId: input.actorId,
      body: input.body,
    })
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: 'submission.note_added',
      subjectType: 'submission',
      subjectId: input.submissionId,
    })
  })
}

/** An admin gives a submission to a moderator (or takes it back); the queue shows who holds it. */
export async function assignSubmission(
  db: Kysely<DB>,
  input: { submissionId: string; actorId: string; assigneeId: string | null },
) {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('submissions')
      .select('assigned_to')
      .where('id', '=', input.submissionId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (before.assigned_to === input.assigneeId) return
    await trx
      .updateTable('submissions')
      .set({ assigned_to: input.assigneeId, updated_at: sql`now()` })
      .where('id', '=', input.submissionId)
      .execute()
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: 'submission.assigned',
      subjectType: 'submission',
      subjectId: input.submissionId,
      before: { assignedTo: before.assigned_to },
      after: { assignedTo: input.assigneeId },
    })
  })
}
