import { sql, type Kysely } from 'kysely'
import type { DB, Json } from '../types'

type Executor = Kysely<DB>

// Suggested tags and the models that make them (see the migration 2026-12-07T0800-tag-suggestions).

export async function insertSuggestionModel(
  db: Executor,
  row: { version: string; trainedOn: number; sourceStamp: string; model: Json },
) {
  await db
    .insertInto('suggestion_models')
    .values({
      version: row.version,
      trained_on: row.trainedOn,
      source_stamp: row.sourceStamp,
      model: row.model,
    })
    // The same examples again (a change that did not touch them): the model is the same, and
    // the stamp and date say when it was last checked.
    .onConflict((oc) =>
      oc.column('version').doUpdateSet({ source_stamp: row.sourceStamp, trained_at: sql`now()` }),
    )
    .execute()
}

/** The newest model's name and provenance, without the model itself. */
export async function findLatestSuggestionModel(db: Executor) {
  return db
    .selectFrom('suggestion_models')
    .select(['version', 'trained_at', 'trained_on', 'source_stamp'])
    .orderBy('trained_at', 'desc')
    .orderBy('version')
    .limit(1)
    .executeTakeFirst()
}

export async function findSuggestionModel(db: Executor, version: string) {
  return db
    .selectFrom('suggestion_models')
    .select(['version', 'model'])
    .where('version', '=', version)
    .executeTakeFirst()
}

/**
 * What the published library looks like for training: how many case studies, the last
 * publication, and a digest of every tag, so that a re-tag counts as a change too.
 */
export async function findPublishedTrainingStamp(db: Executor) {
  const row = await db
    .selectFrom('case_studies as cs')
    .where('cs.status', '=', 'published')
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<string>`coalesce(max(cs.updated_at)::text, '')`.as('updated'),
      sql<string>`md5(coalesce((SELECT string_agg(ct.case_study_id::text || ':' || ct.term_id::text, ',' ORDER BY ct.case_study_id, ct.term_id) FROM case_study_tags ct JOIN case_studies p ON p.id = ct.case_study_id AND p.status = 'published'), ''))`.as(
        'tags',
      ),
    ])
    .executeTakeFirstOrThrow()
  return `${row.count}|${row.updated}|${row.tags}`
}

/** Published case studies with the text the suggester reads and their moderators' tags. */
/** The newest published case studies with their tags, at most `limit`. */
export async function listPublishedForTraining(db: Executor, limit: number) {
  return db
    .selectFrom('case_studies as cs')
    .where('cs.status', '=', 'published')
    .select([
      'cs.id',
      'cs.title',
      'cs.summary',
      'cs.challenge',
      'cs.practice',
      'cs.impact',
      'cs.key_factors',
      'cs.advice',
      'cs.keywords',
      'cs.organisation_kind',
      'cs.evidence_strength',
      sql<
        string[]
      >`coalesce((SELECT array_agg(t.scheme_code || ':' || t.code) FROM case_study_tags ct JOIN taxonomy_terms t ON t.id = ct.term_id WHERE ct.case_study_id = cs.id), '{}')`.as(
        'tags',
      ),
    ])
    .orderBy('cs.published_at', 'desc')
    .orderBy('cs.id', 'desc')
    .limit(limit)
    .execute()
}

export interface NewSuggestion {
  scheme: string
  code: string
  confidence: string
  score: number
  modelVersion: string
  reason: Json
}

/** Records suggestions as shown; a term already suggested for the submission keeps its row. */
export async function insertTagSuggestions(
  db: Executor,
  submissionId: string,
  suggestions: readonly NewSuggestion[],
) {
  if (suggestions.length === 0) return
  await db
    .insertInto('tag_suggestions')
    .values(
      suggestions.map((s) => ({
        submission_id: submissionId,
        scheme: s.scheme,
        code: s.code,
        confidence: s.confidence,
        score: s.score,
        model_version: s.modelVersion,
        reason: s.reason,
      })),
    )
    .onConflict((oc) => oc.columns(['submission_id', 'scheme', 'code']).doNothing())
    .execute()
}

export async function listTagSuggestions(db: Executor, submissionId: string) {
  return db
    .selectFrom('tag_suggestions as s')
    .leftJoin('users as u', 'u.id', 's.decided_by')
    .select([
      's.id',
      's.source',
      's.scheme',
      's.code',
      's.confidence',
      's.score',
      's.model_version',
      's.reason',
      's.shown_at',
      's.decision',
      's.decided_at',
      'u.name as decided_by_name',
    ])
    .where('s.submission_id', '=', submissionId)
    .orderBy('s.shown_at')
    .orderBy('s.score', 'desc')
    .orderBy('s.scheme')
    .orderBy('s.code')
    .execute()
}

/** One undecided suggestion of a submission, locked for its decision. */
export async function lockOpenSuggestion(trx: Executor, submissionId: string, id: string) {
  return trx
    .selectFrom('tag_suggestions')
    .select(['id', 'scheme', 'code', 'decision', 'model_version', 'confidence'])
    .where('id', '=', id)
    .where('submission_id', '=', submissionId)
    .where('source', '=', 'model')
    .forUpdate()
    .executeTakeFirst()
}

export async function markSuggestionDecided(
  trx: Executor,
  id: string,
  decision: 'accepted' | 'dismissed',
  actorId: string,
) {
  await trx
    .updateTable('tag_suggestions')
    .set({ decision, decided_by: actorId, decided_at: sql`now()` })
    .where('id', '=', id)
    .where('decision', 'is', null)
    .execute()
}

/**
 * After a moderator saves the tagging form: suggestions they ticked there count as accepted,
 * and terms they tagged that nobody suggested are recorded as theirs.
 */
export async function recordTaggingAgainstSuggestions(
  trx: Executor,
  input: {
    submissionId: string
    actorId: string
    modelVersion: string
    tags: readonly { scheme: string; code: string }[]
  },
) {
  const existing = await trx
    .selectFrom('tag_suggestions')
    .select(['id', 'scheme', 'code', 'decision', 'source'])
    .where('submission_id', '=', input.submissionId)
    .forUpdate()
    .execute()
  const ticked = existing.filter(
    (s) =>
      s.source === 'model' &&
      s.decision === null &&
      input.tags.some((t) => t.scheme === s.scheme && t.code === s.code),
  )
  if (ticked.length > 0)
    await trx
      .updateTable('tag_suggestions')
      .set({ decision: 'accepted', decided_by: input.actorId, decided_at: sql`now()` })
      .where(
        'id',
        'in',
        ticked.map((s) => s.id),
      )
      .execute()
  const unsuggested = input.tags.filter(
    (t) => !existing.some((s) => s.scheme === t.scheme && s.code === t.code),
  )
  if (unsuggested.length > 0)
    await trx
      .insertInto('tag_suggestions')
      .values(
        unsuggested.map((t) => ({
          submission_id: input.submissionId,
          source: 'moderator',
          scheme: t.scheme,
          code: t.code,
          model_version: input.modelVersion,
          decision: 'tagged',
          decided_by: input.actorId,
          decided_at: sql<Date>`now()`,
        })),
      )
      .onConflict((oc) => oc.columns(['submission_id', 'scheme', 'code']).doNothing())
      .execute()
}

/**
 * Per scheme, over submissions that were shown suggestions and have a case study: how many
 * suggestions were shown, accepted and dismissed, how many of the suggested terms the case study
 * has now (kept), and how many of its terms now there are and how many of those were suggested.
 */
export async function listSuggestionOutcomes(db: Executor) {
  const shown = await db
    .selectFrom('tag_suggestions as s')
    .innerJoin('case_studies as cs', 'cs.submission_id', 's.submission_id')
    .where('s.source', '=', 'model')
    .where('s.scheme', '!=', 'evidence_strength')
    .select([
      's.scheme',
      sql<number>`count(*)::int`.as('shown'),
      sql<number>`count(*) FILTER (WHERE s.decision = 'accepted')::int`.as('accepted'),
      sql<number>`count(*) FILTER (WHERE s.decision = 'dismissed')::int`.as('dismissed'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_study_tags ct JOIN taxonomy_terms t ON t.id = ct.term_id WHERE ct.case_study_id = cs.id AND t.scheme_code = s.scheme AND t.code = s.code))::int`.as(
        'kept',
      ),
    ])
    .groupBy('s.scheme')
    .execute()
  const final = await db
    .selectFrom('case_study_tags as ct')
    .innerJoin('taxonomy_terms as t', 't.id', 'ct.term_id')
    .innerJoin('case_studies as cs', 'cs.id', 'ct.case_study_id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('tag_suggestions as any')
          .select('any.id')
          .whereRef('any.submission_id', '=', 'cs.submission_id')
          .where('any.source', '=', 'model'),
      ),
    )
    .select([
      't.scheme_code as scheme',
      sql<number>`count(*)::int`.as('final'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM tag_suggestions s WHERE s.submission_id = cs.submission_id AND s.source = 'model' AND s.scheme = t.scheme_code AND s.code = t.code))::int`.as(
        'suggested',
      ),
    ])
    .groupBy('t.scheme_code')
    .execute()
  return { shown, final }
}
