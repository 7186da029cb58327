import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export async function latestRebuild(db: Kysely<DB>) {
  return db
    .selectFrom('search_rebuilds as r')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .select([
      'r.id',
      'r.requested_at',
      'r.started_at',
      'r.finished_at',
      'r.total',
      'r.indexed',
      'r.error',
      'u.name as requested_by_name',
    ])
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertRebuild(db: Kysely<DB>, requestedBy: string) {
  return db
    .insertInto('search_rebuilds')
    .values({ requested_by: requestedBy })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function recordRebuildProgress(
  db: Kysely<DB>,
  id: string,
  progress: {
    started?: boolean
    total?: number
    indexed?: number
    finished?: boolean
    error?: string
  },
) {
  await db
    .updateTable('search_rebuilds')
    .set({
      ...(progress.started ? { started_at: sql`now()` } : {}),
      ...(progress.total !== undefined ? { total: progress.total } : {}),
      ...(progress.indexed !== undefined ? { indexed: progress.indexed } : {}),
      ...(progress.finished ? { finished_at: sql`now()` } : {}),
      ...(progress.error !== undefined ? { error: progress.error } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Outbox rows that have failed at least once and are being retried, and the latest failure's message. */
export async function outboxFailures(db: Kysely<DB>) {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => [
      eb.fn.countAll<string>().as('failing'),
      sql<string | null>`(array_agg(last_error ORDER BY available_at DESC))[1]`.as('latest'),
    ])
    .where('attempts', '>', 0)
    .where('parked_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { failing: Number(row.failing), latestError: row.latest }
}
