import { sql, type Kysely, type Selectable } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { CaseStudies, DB } from '../types'

export type CaseStudyRow = Selectable<CaseStudies>

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
] as const

function withTags(db: Kysely<DB>) {
  return db
    .selectFrom('case_studies as cs')
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

export type PublishedCaseStudy = Awaited<ReturnType<typeof findPublishedCaseStudyBySlug>> & {}

export async function findPublishedCaseStudyBySlug(db: Kysely<DB>, slug: string) {
  return withTags(db)
    .where('cs.slug', '=', slug)
    .where('cs.status', '=', 'published')
    .executeTakeFirst()
}

/** Published case studies with their tags, by id or in id order from a cursor (for reindexing). */
export async function listPublishedCaseStudiesWithTags(
  db: Kysely<DB>,
  options: { ids?: string[]; afterId?: string; limit?: number },
) {
  let query = withTags(db).where('cs.status', '=', 'published')
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
  const row = await db
    .selectFrom('case_studies')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * Postgres full-text search over published case studies: the library's fallback while
 * Meilisearch is unavailable. Plainer than the real thing, but never an error page.
 */
export async function searchPublishedCaseStudiesInPostgres(
  db: Kysely<DB>,
  options: { query: string; limit: number; offset: number },
) {
  const document = sql`to_tsvector('english', cs.title || ' ' || cs.summary || ' ' || cs.challenge || ' ' || cs.practice || ' ' || cs.impact)`
  const tsQuery = sql`websearch_to_tsquery('english', ${options.query})`
  let base = db.selectFrom('case_studies as cs').where('cs.status', '=', 'published')
  if (options.query.trim()) base = base.where(sql<boolean>`${document} @@ ${tsQuery}`)
  const [rows, total] = await Promise.all([
    base
      .select([
        'cs.id',
        'cs.slug',
        'cs.title',
        'cs.summary',
        'cs.evidence_strength',
        'cs.published_at',
        'cs.is_fictional',
      ])
      .orderBy(
        options.query.trim() ? sql`ts_rank(${document}, ${tsQuery})` : sql`cs.published_at`,
        'desc',
      )
      .orderBy('cs.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.count) }
}
