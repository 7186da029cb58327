import { sql, type Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { DB } from '../types'
import { countEvidence, selectEvidence, textRank, type EvidenceScope } from './evidence'

export interface CaseStudyTag {
  scheme: string
  code: string
  label: string
  parentCode: string | null
  parentLabel: string | null
}

const publicColumns = [
  'cs.id',
  'cs.slug',
  'cs.title',
  'cs.summary',
  'cs.challenge',
  'cs.practice',
  'cs.impact',
  'cs.key_factors',
  'cs.advice',
  'cs.cost_and_resources',
  'cs.measures',
  'cs.keywords',
  'cs.organisation_kind',
  'cs.organisation_name',
  'cs.organisation_named',
  'cs.la_code',
  'cs.la_name',
  'cs.region_code',
  'cs.evidence_strength',
  'cs.is_fictional',
  'cs.published_at',
  'cs.updated_at',
  'cs.public_version',
  'cs.last_reviewed_at',
  'cs.practice_status',
  'cs.practice_status_since',
] as const

/** Published case studies (the public audience of the one evidence query) with their tags. */
function publishedWithTags(db: Kysely<DB>, scope: Omit<EvidenceScope, 'audience'> = {}) {
  return selectEvidence(db, { ...scope, audience: 'public' })
    .select(publicColumns)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('case_study_tags as cst')
          .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
          .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
          .select([
            't.scheme_code as scheme',
            't.code',
            't.label',
            'p.code as parentCode',
            'p.label as parentLabel',
          ])
          .whereRef('cst.case_study_id', '=', 'cs.id')
          .orderBy('t.scheme_code')
          .orderBy('t.position'),
      ).as('tags'),
    )
}

export async function findPublishedCaseStudyBySlug(db: Kysely<DB>, slug: string) {
  return publishedWithTags(db)
    .leftJoin('establishments as e', 'e.urn', 'cs.establishment_urn')
    .select('e.type_name as establishment_type')
    .where('cs.slug', '=', slug)
    .executeTakeFirst()
}

/** Published case studies with their tags, by id or in id order from a cursor (for reindexing). */
export async function listPublishedCaseStudiesWithTags(
  db: Kysely<DB>,
  options: { ids?: string[]; afterId?: string; limit?: number },
) {
  let query = publishedWithTags(db)
  if (options.ids) {
    if (options.ids.length === 0) return []
    query = query.where('cs.id', 'in', options.ids)
  }
  if (options.afterId) query = query.where('cs.id', '>', options.afterId)
  return query
    .orderBy('cs.id')
    .limit(options.limit ?? 1000)
    .execute()
}

export type CaseStudyWithTags = Awaited<ReturnType<typeof listPublishedCaseStudiesWithTags>>[number]

export async function countPublishedCaseStudies(db: Kysely<DB>): Promise<number> {
  return countEvidence(db, { audience: 'public' })
}

export interface PostgresSearchInput {
  query: string
  /** Tag codes by scheme (need, practice, phase, setting), region codes, evidence grades. */
  tags: Partial<Record<'need' | 'practice' | 'phase' | 'setting', string[]>>
  regions: string[]
  evidence: number[]
  newestFirst: boolean
  /** Most recently reviewed first (a follow-up's new version, else first publication). */
  reviewedFirst?: boolean
  /** Only practice still running (not stopped, by its latest follow-up). */
  running?: boolean
  limit: number
  offset: number
}

/**
 * Postgres full-text search over published case studies, with the library's filters and facet
 * counts: the library's fallback while Meilisearch is unavailable. Plainer than the real thing
 * (no typo tolerance or synonyms), but never an error page.
 */
export async function searchPublishedCaseStudiesInPostgres(
  db: Kysely<DB>,
  input: PostgresSearchInput,
) {
  const text = input.query.trim()
  const filtered = selectEvidence(db, {
    audience: 'public',
    text,
    tags: input.tags,
    regions: input.regions,
    evidence: input.evidence,
  })
  const base = input.running ? filtered.where('cs.practice_status', '!=', 'stopped') : filtered

  const matching = base.select('cs.id')
  const [rows, total, tagCounts, regionCounts, evidenceCounts] = await Promise.all([
    base
      .select([
        'cs.id',
        'cs.slug',
        'cs.title',
        'cs.summary',
        'cs.evidence_strength',
        'cs.published_at',
        'cs.is_fictional',
        'cs.la_name',
        'cs.public_version',
        'cs.last_reviewed_at',
        'cs.practice_status',
      ])
      .orderBy(
        input.reviewedFirst
          ? sql`coalesce(cs.last_reviewed_at, cs.published_at)`
          : text && !input.newestFirst
            ? textRank(text)
            : sql`cs.published_at`,
        'desc',
      )
      .orderBy('cs.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
    db
      .selectFrom('case_study_tags as cst')
      .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
      .select([
        't.scheme_code as scheme',
        't.code',
        (eb) => eb.fn.count<string>('cst.case_study_id').distinct().as('count'),
      ])
      .where('cst.case_study_id', 'in', matching)
      .groupBy(['t.scheme_code', 't.code'])
      .execute(),
    base
      .select(['cs.region_code as value', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('cs.region_code')
      .execute(),
    base
      .select(['cs.evidence_strength as value', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('cs.evidence_strength')
      .execute(),
  ])
  return {
    rows,
    total: Number(total.count),
    facets: {
      tags: tagCounts.map((r) => ({ scheme: r.scheme, code: r.code, count: Number(r.count) })),
      regions: regionCounts
        .filter((r) => r.value !== null)
        .map((r) => ({ value: String(r.value), count: Number(r.count) })),
      evidence: evidenceCounts
        .filter((r) => r.value !== null)
        .map((r) => ({ value: String(r.value), count: Number(r.count) })),
    },
  }
}

/**
 * Published case studies sharing the most needs and practices with this one; shared needs count
 * double, since readers come looking for pupils like theirs. Phase and setting tags are left out:
 * thousands of case studies share them, which would make every page aggregate huge pair sets.
 */
export async function findSimilarCaseStudies(db: Kysely<DB>, caseStudyId: string, limit = 3) {
  const shared = db
    .selectFrom('case_study_tags as mine')
    .innerJoin('taxonomy_terms as t', 't.id', 'mine.term_id')
    .innerJoin('case_study_tags as theirs', 'theirs.term_id', 'mine.term_id')
    .select(['theirs.case_study_id as id'])
    .select(sql<number>`sum(CASE WHEN t.scheme_code = 'need' THEN 2 ELSE 1 END)::int`.as('score'))
    .where('mine.case_study_id', '=', caseStudyId)
    .where('t.scheme_code', 'in', ['need', 'practice'])
    .where('theirs.case_study_id', '!=', caseStudyId)
    .groupBy('theirs.case_study_id')
    // Only the best-scoring candidates go on to the join: ~50× less work than joining them all.
    .orderBy('score', 'desc')
    .limit(50)
    .as('shared')
  return selectEvidence(db, { audience: 'public' })
    .innerJoin(shared, 'shared.id', 'cs.id')
    .select(['cs.id', 'cs.slug', 'cs.title', 'cs.summary', 'cs.evidence_strength', 'shared.score'])
    .orderBy('shared.score', 'desc')
    .orderBy('cs.published_at', 'desc')
    .limit(limit)
    .execute()
}

/** The case study's publication state, locked for the rest of the transaction. */
export async function lockCaseStudyPublication(db: Kysely<DB>, caseStudyId: string) {
  return db
    .selectFrom('case_studies')
    .select(['status', 'published_at', 'slug'])
    .where('id', '=', caseStudyId)
    .forUpdate()
    .executeTakeFirst()
}

/** Publishing keeps the first publication's date; unpublishing keeps it too, for the record. */
export async function setCaseStudyPublication(
  db: Kysely<DB>,
  caseStudyId: string,
  change: { published: boolean; slug: string },
) {
  await db
    .updateTable('case_studies')
    .set({
      slug: change.slug,
      status: change.published ? 'published' : 'unpublished',
      published_at: change.published ? sql`coalesce(published_at, now())` : sql`published_at`,
      updated_at: sql`now()`,
    })
    .where('id', '=', caseStudyId)
    .execute()
}
