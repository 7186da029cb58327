import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export interface SynonymGroup {
  id: number
  terms: string[]
}

export async function listSynonymGroups(db: Kysely<DB>): Promise<SynonymGroup[]> {
  return db.selectFrom('search_synonym_groups').select(['id', 'terms']).orderBy('id').execute()
}

export async function findSynonymGroup(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('search_synonym_groups')
    .select(['id', 'terms'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertSynonymGroup(db: Kysely<DB>, terms: string[]) {
  const row = await db
    .insertInto('search_synonym_groups')
    .values({ terms })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateSynonymGroup(db: Kysely<DB>, id: number, terms: string[]) {
  await db
    .updateTable('search_synonym_groups')
    .set({ terms, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function deleteSynonymGroup(db: Kysely<DB>, id: number) {
  await db.deleteFrom('search_synonym_groups').where('id', '=', id).execute()
}
