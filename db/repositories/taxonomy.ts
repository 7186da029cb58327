import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

/** Every term with its parent's code, in each scheme's order (retired terms included, flagged). */
export async function listTaxonomyTerms(db: Kysely<DB>) {
  return db
    .selectFrom('taxonomy_terms as t')
    .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
    .select([
      't.scheme_code as scheme',
      't.code',
      't.label',
      't.description',
      'p.code as parentCode',
      't.retired_at as retiredAt',
    ])
    .orderBy('t.scheme_code')
    .orderBy('t.position')
    .execute()
}

/** A live term as the library's filters show it: no description, no retired terms. */
export interface FacetTerm {
  scheme: string
  code: string
  label: string
  parentCode: string | null
  retiredAt: Date | null
}

/**
 * The live terms of the schemes the library filters by, read for every library page (so a renamed
 * or retired term shows at once): without descriptions, as one fixed statement, which postgres.js
 * keeps prepared, written out rather than built so that the builder's work is not paid per page.
 */
export async function listFacetTerms(db: Kysely<DB>): Promise<FacetTerm[]> {
  const { rows } = await sql<FacetTerm>`
    select t.scheme_code as scheme, t.code, t.label, p.code as "parentCode",
      t.retired_at as "retiredAt"
    from taxonomy_terms t left join taxonomy_terms p on p.id = t.parent_id
    where t.retired_at is null
      and t.scheme_code in ('need_area', 'need', 'practice', 'phase', 'setting')
    order by t.scheme_code, t.position`.execute(db)
  return rows
}

export async function findTerm(db: Kysely<DB>, scheme: string, code: string) {
  return db
    .selectFrom('taxonomy_terms as t')
    .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
    .select(['t.code', 't.label', 't.description', 'p.label as parentLabel'])
    .where('t.scheme_code', '=', scheme)
    .where('t.code', '=', code)
    .where('t.retired_at', 'is', null)
    .executeTakeFirst()
}

/** The live (not retired) terms among the wanted scheme:code pairs. */
export async function findLiveTerms(db: Kysely<DB>, wanted: { scheme: string; code: string }[]) {
  if (wanted.length === 0) return []
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'scheme_code', 'code'])
    .where('retired_at', 'is', null)
    .where((eb) =>
      eb.or(wanted.map((w) => eb.and([eb('scheme_code', '=', w.scheme), eb('code', '=', w.code)]))),
    )
    .execute()
}

export async function listSchemeTerms(db: Kysely<DB>, scheme: string) {
  return db
    .selectFrom('taxonomy_terms as t')
    .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
    .select([
      't.id',
      't.code',
      't.label',
      't.description',
      't.position',
      't.retired_at',
      'p.label as parent_label',
    ])
    .select((eb) =>
      eb
        .selectFrom('case_study_tags as cst')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('cst.term_id', '=', 't.id')
        .as('uses'),
    )
    .where('t.scheme_code', '=', scheme)
    .orderBy('t.position')
    .orderBy('t.id')
    .execute()
}

export async function findTermForAdmin(db: Kysely<DB>, scheme: string, code: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'label', 'description', 'position', 'retired_at', 'parent_id'])
    .where('scheme_code', '=', scheme)
    .where('code', '=', code)
    .executeTakeFirst()
}

export async function listSchemes(db: Kysely<DB>) {
  return db
    .selectFrom('taxonomy_schemes as s')
    .select(['s.code', 's.name', 's.description'])
    .select((eb) =>
      eb
        .selectFrom('taxonomy_terms as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.scheme_code', '=', 's.code')
        .as('terms'),
    )
    .orderBy('s.code')
    .execute()
}

/** Moves every tag from one term to another; returns the case studies that were retagged. */
export async function retagCaseStudies(db: Kysely<DB>, fromId: number, toId: number) {
  const tagged = await db
    .selectFrom('case_study_tags')
    .select('case_study_id')
    .where('term_id', '=', fromId)
    .execute()
  const ids = tagged.map((t) => t.case_study_id)
  if (ids.length === 0) return []
  await db
    .insertInto('case_study_tags')
    .values(ids.map((id) => ({ case_study_id: id, term_id: toId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
  await db.deleteFrom('case_study_tags').where('term_id', '=', fromId).execute()
  return ids
}

/** The case studies tagged with a term. */
export async function listTaggedCaseStudyIds(db: Kysely<DB>, termId: number) {
  const tagged = await db
    .selectFrom('case_study_tags')
    .select('case_study_id')
    .where('term_id', '=', termId)
    .execute()
  return tagged.map((t) => t.case_study_id)
}

/** The highest position in a scheme's order (null if it has no terms). */
export async function findMaxTermPosition(db: Kysely<DB>, scheme: string) {
  const { max } = await db
    .selectFrom('taxonomy_terms')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('scheme_code', '=', scheme)
    .executeTakeFirstOrThrow()
  return max
}

export async function insertTaxonomyTerm(
  db: Kysely<DB>,
  scheme: string,
  term: { code: string; label: string; description: string },
  position: number,
) {
  const { id } = await db
    .insertInto('taxonomy_terms')
    .values({ scheme_code: scheme, ...term, position })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateTermText(
  db: Kysely<DB>,
  id: number,
  term: { label: string; description: string },
) {
  await db.updateTable('taxonomy_terms').set(term).where('id', '=', id).execute()
}

/** Retires a term (from `retiredAt`) or, with null, restores it. */
export async function setTermRetiredAt(db: Kysely<DB>, id: number, retiredAt: Date | null) {
  await db
    .updateTable('taxonomy_terms')
    .set({ retired_at: retiredAt })
    .where('id', '=', id)
    .execute()
}

/** A scheme's terms in their order, retired ones included. */
export async function listTermOrder(db: Kysely<DB>, scheme: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code'])
    .where('scheme_code', '=', scheme)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export async function setTermPosition(db: Kysely<DB>, id: number, position: number) {
  await db.updateTable('taxonomy_terms').set({ position }).where('id', '=', id).execute()
}
