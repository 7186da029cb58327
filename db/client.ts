import { Kysely } from 'kysely'
import { PostgresJSDialect } from 'kysely-postgres-js'
import postgres from 'postgres'
import { withFailFast } from './availability'
import type { DB } from './types'

export type Database = Kysely<DB>

export interface CreateDbOptions {
  max?: number
  /** Name shown in pg_stat_activity, to tell the app's connections from a CLI's. */
  applicationName?: string
}

// When each database handle last lost a connection (Postgres stopping closes every one at once).
const connectionLosses = new WeakMap<object, { at: number }>()

/**
 * When a connection of this handle last closed (performance.now()), or 0: a check of whether
 * Postgres is reachable that is older than this must be made again.
 */
export function lastConnectionClosedAt(db: object): number {
  return connectionLosses.get(db)?.at ?? 0
}

export function createDb(url: string, options: CreateDbOptions = {}): Database {
  const lost = { at: 0 }
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    // While Postgres is away, a query waits for a connection attempt to fail before it fails
    // itself (and the page becomes a 503). postgres.js's own backoff between attempts grows to
    // 20 s, which held requests that long; a cap of a second keeps failing fast and notices
    // Postgres's return within a second, at a cost of one refused connection a second.
    backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
    connect_timeout: 5,
    onnotice: () => {},
    onclose: () => {
      lost.at = performance.now()
    },
    connection: { application_name: options.applicationName ?? 'inclusion-in-practice' },
    // bigint columns (counts, bigserial ids) arrive as strings from postgres.js; keep them so.
    types: {},
  })
  const db = new Kysely<DB>({ dialect: new PostgresJSDialect({ postgres: withFailFast(sql) }) })
  connectionLosses.set(db, lost)
  return db
}
