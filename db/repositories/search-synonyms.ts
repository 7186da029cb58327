import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export interface SynonymGroup {
  id: number
  terms: string[]
  /** Abbreviations that find the terms but are not found by them. */
  oneWay: string[]
}

export async function listSynonymGroups(db: Kysely<DB>): Promise<SynonymGroup[]> {
  return db
    .selectFrom('search_synonym_groups')
    .select(['id', 'terms', 'one_way_terms as oneWay'])
    .orderBy('id')
    .execute()
}

export async function findSynonymGroup(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('search_synonym_groups')
    .select(['id', 'terms', 'one_way_terms as oneWay'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertSynonymGroup(db: Kysely<DB>, terms: string[], oneWay: string[] = []) {
  const row = await db
    .insertInto('search_synonym_groups')
    .values({ terms, one_way_terms: oneWay })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateSynonymGroup(
  db: Kysely<DB>,
  id: number,
  terms: string[],
  oneWay?: string[],
) {
  await db
    .updateTable('search_synonym_groups')
    .set({ terms, ...(oneWay ? { one_way_terms: oneWay } : {}), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function deleteSynonymGroup(db: Kysely<DB>, id: number) {
  await db.deleteFrom('search_synonym_groups').where('id', '=', id).execute()
}

/** Serialises changes to the synonym groups, for the rest of the transaction. */
export async function lockSynonymGroups(db: Kysely<DB>) {
  await sql`SELECT pg_advisory_xact_lock(hashtext('search synonyms'))`.execute(db)
}
