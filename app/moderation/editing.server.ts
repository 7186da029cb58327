import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  insertNote,
  listCaseStudyTagCodes,
  lockCaseStudyDraft,
  lockCaseStudyTagging,
  lockSubmissionAssignee,
  replaceCaseStudyTags,
  updateCaseStudyRating,
  updateDraftIfVersion,
  updateSubmissionAssignee,
  type DraftFields,
} from '../../db/repositories/moderation'
import type { DB, Json } from '../../db/types'
import { enqueueCaseStudySync } from '../../search/outbox'
import type { CaseStudyFinding } from '../privacy/case-study-scan.server'
import { checkTextOnSave } from '../privacy/checks.server'
import { publishedFields, readPublishedValues } from '../privacy/published-fields'

const publishedFieldKeys = publishedFields.map((f) => f.key)

export type EditResult =
  | { ok: true }
  | { ok: false; conflict: { current: DraftFields; version: number; changed: string[] } }
  | { ok: false; personalData: CaseStudyFinding[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Saves a moderator's edit of the case study draft. If another moderator saved first, nothing is
 * overwritten: the answer carries what is stored now and which fields changed, to show them.
 * The text is scanned for personal data on every save, the moderator's own words included; a
 * published case study is never given text with an open finding.
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
    const before = await lockCaseStudyDraft(trx, input.caseStudyId)
    const stored = readPublishedValues(before)
    if (before.version !== input.version) {
      return {
        ok: false,
        conflict: {
          current: stored,
          version: before.version,
          changed: publishedFieldKeys.filter((f) => !same(stored[f], input.fields[f])),
        },
      }
    }
    const refused = await checkTextOnSave(trx, before, input.fields, input.actorId)
    if (refused) return { ok: false, personalData: refused }
    await updateDraftIfVersion(trx, input.caseStudyId, input.version, input.fields)
    const changed = publishedFieldKeys.filter((f) => !same(stored[f], input.fields[f]))
    if (changed.length > 0) {
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: 'case_study.edited',
        subjectType: 'case_study',
        subjectId: input.caseStudyId,
        before: Object.fromEntries(changed.map((f) => [f, stored[f]])) as Json,
        after: {
          ...(Object.fromEntries(changed.map((f) => [f, input.fields[f]])) as Record<string, Json>),
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
  /** Left as they are when not given; they are edited with the text, on the case study form. */
  keywords?: string[]
  evidenceStrength: number | null
}

/** Replaces the tags, keywords and evidence rating; audited, and re-indexed if published. */
export async function saveTagging(
  db: Kysely<DB>,
  input: { caseStudyId: string; actorId: string } & Tagging,
) {
  return db.transaction().execute(async (trx) => {
    const current = await lockCaseStudyTagging(trx, input.caseStudyId)
    const keywords = input.keywords ?? current.keywords
    const refused = await checkTextOnSave(
      trx,
      { ...current, id: input.caseStudyId },
      { ...readPublishedValues(current), keywords },
      input.actorId,
    )
    if (refused)
      throw new Error('Keywords with personal data cannot be saved on a published case study')
    const beforeTags = await listCaseStudyTagCodes(trx, input.caseStudyId)
    const unknown = await replaceCaseStudyTags(trx, input.caseStudyId, input.tags)
    if (unknown.length > 0) throw new Error(`Unknown or retired terms: ${JSON.stringify(unknown)}`)
    await updateCaseStudyRating(trx, input.caseStudyId, {
      keywords,
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
        keywords,
        evidenceStrength: input.evidenceStrength,
      },
    })
    if (current.status === 'published') await enqueueCaseStudySync(trx, [input.caseStudyId])
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
    const before = await lockSubmissionAssignee(trx, input.submissionId)
    if (before.assigned_to === input.assigneeId) return
    await updateSubmissionAssignee(trx, input.submissionId, input.assigneeId)
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
