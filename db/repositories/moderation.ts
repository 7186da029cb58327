import { sql, type Insertable, type Kysely } from 'kysely'
import { publishedValueColumns, type PublishedValues } from './privacy'
import { findLiveTerms } from './taxonomy'
import type { CaseStudies, DB, Json } from '../types'

type Executor = Kysely<DB>

export interface QueueFilters {
  status: string
  assignedTo?: string
  flagged?: boolean
  callId?: string
  /** Taxonomy codes as the respondent chose them. */
  practice?: string
  need?: string
  phase?: string
  /** GIAS region code of any school the response covers. */
  region?: string
  page: number
  pageSize: number
}

/** The moderation queue: oldest first, with who holds each submission. */
export async function listQueue(db: Executor, filters: QueueFilters) {
  let matching = db.selectFrom('submissions as s').where('s.status', '=', filters.status)
  if (filters.assignedTo) matching = matching.where('s.assigned_to', '=', filters.assignedTo)
  if (filters.flagged) matching = matching.where('s.personal_data_flagged', '=', true)
  if (filters.callId) matching = matching.where('s.call_id', '=', filters.callId)
  for (const [key, value] of [
    ['practiceTypes', filters.practice],
    ['needs', filters.need],
    ['phases', filters.phase],
  ] as const) {
    if (value)
      matching = matching.where(sql<boolean>`s.original_answers->'practice'->${key} ? ${value}`)
  }
  if (filters.region)
    matching = matching.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('submission_establishments as se')
          .innerJoin('establishments as e', 'e.urn', 'se.urn')
          .select('se.urn')
          .whereRef('se.submission_id', '=', 's.id')
          .where('e.region_code', '=', filters.region!),
      ),
    )
  // The page's ids first (in index order, touching no answers), then only those rows' details.
  const page = matching
    .select(['s.id', 's.submitted_at', 's.reference'])
    .orderBy('s.submitted_at', 'asc')
    .orderBy('s.reference')
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
  const [rows, total] = await Promise.all([
    db
      .selectFrom(page.as('p'))
      .innerJoin('submissions as s', 's.id', 'p.id')
      .leftJoin('users as u', 'u.id', 's.assigned_to')
      .select([
        's.reference',
        's.organisation_name',
        's.submitted_at',
        's.personal_data_flagged',
        's.personal_data_resolved_at',
        'u.name as assignee',
        sql<string>`coalesce(s.answers->'practice'->>'title', '')`.as('title'),
      ])
      .orderBy('p.submitted_at', 'asc')
      .orderBy('p.reference')
      .execute(),
    matching.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.count }
}

/** How many submissions are in each status (drafts are the respondents', not the queue's). */
export async function countByStatus(db: Executor) {
  const rows = await db
    .selectFrom('submissions')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .where('status', '<>', 'draft')
    .groupBy('status')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Record<string, number>
}

const reviewColumns = [
  's.id',
  's.reference',
  's.call_id',
  's.status',
  's.original_answers',
  's.answers',
  's.organisation_kind',
  's.organisation_name',
  's.establishment_urn',
  's.personal_data_flagged',
  's.personal_data_findings',
  's.personal_data_resolved_at',
  's.assigned_to',
  's.submitted_at',
  's.respondent_email',
] as const

export async function findSubmissionForReview(db: Executor, reference: string) {
  return db
    .selectFrom('submissions as s')
    .leftJoin('users as u', 'u.id', 's.assigned_to')
    .select(reviewColumns)
    .select('u.name as assignee')
    .where('s.reference', '=', reference)
    .where('s.status', '<>', 'draft')
    .executeTakeFirst()
}

export async function lockSubmission(trx: Executor, id: string) {
  return trx
    .selectFrom('submissions as s')
    .select(reviewColumns)
    .where('s.id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateSubmissionStatus(
  trx: Executor,
  id: string,
  fields: { status: string; assignedTo?: string | null },
) {
  await trx
    .updateTable('submissions')
    .set({
      status: fields.status,
      ...(fields.assignedTo !== undefined ? { assigned_to: fields.assignedTo } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

export async function insertReview(
  trx: Executor,
  review: {
    submissionId: string
    moderatorId: string
    decision: string
    from: string
    to: string
    reason: string | null
  },
) {
  await trx
    .insertInto('reviews')
    .values({
      submission_id: review.submissionId,
      moderator_id: review.moderatorId,
      decision: review.decision,
      from_status: review.from,
      to_status: review.to,
      reason: review.reason,
    })
    .execute()
}

export async function listReviews(db: Executor, submissionId: string) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('users as u', 'u.id', 'r.moderator_id')
    .select(['r.decision', 'r.from_status', 'r.to_status', 'r.reason', 'r.created_at', 'u.name'])
    .where('r.submission_id', '=', submissionId)
    .orderBy('r.created_at', 'desc')
    .execute()
}

export const draftColumns = [
  'id',
  'slug',
  'status',
  'version',
  // Everything the case study publishes, as listed once for the personal-data checks.
  ...publishedValueColumns,
  'organisation_named',
  'evidence_strength',
] as const

export async function findDraftForSubmission(db: Executor, submissionId: string) {
  return db
    .selectFrom('case_studies')
    .select(draftColumns)
    .where('submission_id', '=', submissionId)
    .executeTakeFirst()
}

/** The published text of a case study, as the review page edits it (see app/privacy). */
export type DraftFields = PublishedValues

/**
 * Saves a moderator's edit only if nobody has saved since they opened it (optimistic locking):
 * the version they saw must still be the version stored.
 */
export async function updateDraftIfVersion(
  db: Executor,
  caseStudyId: string,
  version: number,
  fields: DraftFields,
) {
  const result = await db
    .updateTable('case_studies')
    .set({
      ...fields,
      // postgres.js serialises by the column's type: pass the value, not JSON text.
      measures: fields.measures as unknown as Json,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', caseStudyId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function listCaseStudyTagCodes(db: Executor, caseStudyId: string) {
  return db
    .selectFrom('case_study_tags as cst')
    .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
    .select(['t.scheme_code as scheme', 't.code'])
    .where('cst.case_study_id', '=', caseStudyId)
    .execute()
}

/** Replaces a case study's tags with live (not retired) terms; returns the codes not found. */
export async function replaceCaseStudyTags(
  trx: Executor,
  caseStudyId: string,
  wanted: { scheme: string; code: string }[],
) {
  const terms = await findLiveTerms(trx, wanted)
  await trx.deleteFrom('case_study_tags').where('case_study_id', '=', caseStudyId).execute()
  if (terms.length > 0)
    await trx
      .insertInto('case_study_tags')
      .values(terms.map((t) => ({ case_study_id: caseStudyId, term_id: t.id })))
      .execute()
  return wanted.filter((w) => !terms.some((t) => t.scheme_code === w.scheme && t.code === w.code))
}

export async function updateCaseStudyRating(
  trx: Executor,
  caseStudyId: string,
  fields: { keywords: string[]; evidenceStrength: number | null },
) {
  await trx
    .updateTable('case_studies')
    .set({
      keywords: fields.keywords,
      evidence_strength: fields.evidenceStrength,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', caseStudyId)
    .execute()
}

export async function insertNote(
  db: Executor,
  note: { submissionId: string; authorId: string; body: string },
) {
  await db
    .insertInto('submission_notes')
    .values({ submission_id: note.submissionId, author_id: note.authorId, body: note.body })
    .execute()
}

export async function listNotes(db: Executor, submissionId: string) {
  return db
    .selectFrom('submission_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.body', 'n.created_at', 'u.name'])
    .where('n.submission_id', '=', submissionId)
    .orderBy('n.created_at', 'desc')
    .execute()
}

export async function listModerators(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('active', '=', true)
    .where(sql<boolean>`roles && ARRAY['moderator','admin']::text[]`)
    .orderBy('name')
    .execute()
}

export async function findSubmissionFile(db: Executor, reference: string, fileId: string) {
  return db
    .selectFrom('submission_files as f')
    .innerJoin('submissions as s', 's.id', 'f.submission_id')
    .select(['f.file_name', 'f.media_type', 'f.size_bytes', 'f.sha256'])
    .where('s.reference', '=', reference)
    .where('s.status', '<>', 'draft')
    .where('f.id', '=', fileId)
    .executeTakeFirst()
}

/**
 * Other sent submissions that may be the same practice: from the same school or organisation, or
 * with a title alike by trigram similarity (pg_trgm), ranked by the likeness of their titles and
 * opening text. Each way of finding candidates offers at most a few, nearest first, so a school
 * with hundreds of responses or a common title costs no more than any other.
 */
export async function findPossibleDuplicates(db: Executor, submissionId: string, limit = 5) {
  const me = await db
    .selectFrom('submissions')
    .select([
      'establishment_urn',
      sql<string>`lower(organisation_name)`.as('organisation'),
      sql<string>`lower(original_answers->'practice'->>'title')`.as('title'),
      sql<string>`lower(left(original_answers->'story'->>'challenge', 300))`.as('opening'),
    ])
    .where('id', '=', submissionId)
    .executeTakeFirst()
  if (!me) return []
  const sent = () =>
    db
      .selectFrom('submissions')
      .select('id')
      .where('status', '<>', 'draft')
      .where('id', '<>', submissionId)
  const [byUrn, byName, byTitle] = await Promise.all([
    me.establishment_urn
      ? sent()
          .where('establishment_urn', '=', me.establishment_urn)
          .orderBy('submitted_at', 'desc')
          .limit(20)
          .execute()
      : [],
    me.organisation
      ? sent()
          .where(sql`lower(organisation_name)`, '=', me.organisation)
          .limit(20)
          .execute()
      : [],
    me.title
      ? sent()
          .orderBy(sql`lower(original_answers->'practice'->>'title') <-> ${me.title}`)
          .limit(20)
          .execute()
      : [],
  ])
  const ids = [...new Set([...byUrn, ...byName, ...byTitle].map((r) => r.id))]
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('submissions as o')
    .select([
      'o.reference',
      'o.status',
      'o.organisation_name',
      sql<string>`coalesce(o.original_answers->'practice'->>'title', '')`.as('title'),
      sql<number>`round(greatest(similarity(lower(o.original_answers->'practice'->>'title'), ${me.title ?? ''}), similarity(lower(left(o.original_answers->'story'->>'challenge', 300)), ${me.opening ?? ''}))::numeric, 2)::float`.as(
        'similarity',
      ),
      sql<boolean>`coalesce(o.establishment_urn = ${me.establishment_urn} OR lower(o.organisation_name) = ${me.organisation}, false)`.as(
        'sameOrganisation',
      ),
    ])
    .where('o.id', 'in', ids)
    .execute()
  // Alike enough to look at: the same organisation, or text at least 30% alike by trigrams.
  return rows
    .filter((row) => row.sameOrganisation || row.similarity >= 0.3)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit)
}

/** Creates a case study (the draft a moderator starts from); returns its id. */
export async function insertCaseStudyDraft(db: Executor, values: Insertable<CaseStudies>) {
  const { id } = await db
    .insertInto('case_studies')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A case study's draft, locked for the transaction, to edit it; throws if there is none. */
export async function lockCaseStudyDraft(trx: Executor, caseStudyId: string) {
  return trx
    .selectFrom('case_studies')
    .select([...draftColumns, 'submission_id'])
    .where('id', '=', caseStudyId)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

/** A case study's text and rating, locked for the transaction, to retag it; throws if there is none. */
export async function lockCaseStudyTagging(trx: Executor, caseStudyId: string) {
  return trx
    .selectFrom('case_studies')
    .select([
      'status',
      'evidence_strength',
      'submission_id',
      'organisation_named',
      ...publishedValueColumns,
    ])
    .where('id', '=', caseStudyId)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

/** Who holds a submission, locked for the transaction; throws if there is no such submission. */
export async function lockSubmissionAssignee(trx: Executor, submissionId: string) {
  return trx
    .selectFrom('submissions')
    .select('assigned_to')
    .where('id', '=', submissionId)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

export async function updateSubmissionAssignee(
  trx: Executor,
  submissionId: string,
  assigneeId: string | null,
) {
  await trx
    .updateTable('submissions')
    .set({ assigned_to: assigneeId, updated_at: sql`now()` })
    .where('id', '=', submissionId)
    .execute()
}
