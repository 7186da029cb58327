import type { Kysely } from 'kysely'
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
