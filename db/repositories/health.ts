import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

/** Whether Postgres answers: a trivial query, which throws if it cannot be reached. */
export async function pingDatabase(db: Kysely<DB>) {
  return sql`SELECT 1`.execute(db)
}
