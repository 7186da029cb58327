import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

const callColumns = [
  'id',
  'slug',
  'title',
  'summary',
  'description',
  'opens_at',
  'closes_at',
] as const

/** The call to show on the home page: an open one, else the next to open, else the latest to close. */
export async function findCurrentCall(db: Kysely<DB>, now = new Date()) {
  return db
    .selectFrom('calls')
    .select(callColumns)
    .orderBy(
      sql`CASE WHEN ${now} >= opens_at AND ${now} < closes_at THEN 0 WHEN opens_at > ${now} THEN 1 ELSE 2 END`,
    )
    .orderBy(sql`CASE WHEN opens_at > ${now} THEN opens_at END`, 'asc')
    .orderBy('closes_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function findCallBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('calls').select(callColumns).where('slug', '=', slug).executeTakeFirst()
}

export async function listCalls(db: Kysely<DB>) {
  return db
    .selectFrom('calls')
    .select(['id', 'slug', 'title'])
    .orderBy('opens_at', 'desc')
    .execute()
}
