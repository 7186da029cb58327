import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/types'
import { synonymGroups } from './data/synonyms'

/**
 * Fills an empty synonyms table from seeds/data/synonyms.ts. Once there are any, they belong to
 * the administrators who edit them at /admin/taxonomy/synonyms, and later starts leave them be.
 */
export async function seedSynonyms(db: Kysely<DB>): Promise<{ added: number }> {
  return db.transaction().execute(async (trx) => {
    // One seeder at a time, so two instances starting together do not both fill the table.
    await sql`SELECT pg_advisory_xact_lock(hashtext('seed search synonyms'))`.execute(trx)
    const existing = await trx
      .selectFrom('search_synonym_groups')
      .select('id')
      .limit(1)
      .executeTakeFirst()
    if (existing) return { added: 0 }
    await trx
      .insertInto('search_synonym_groups')
      .values(synonymGroups.map((terms) => ({ terms: [...terms] })))
      .execute()
    return { added: synonymGroups.length }
  })
}
