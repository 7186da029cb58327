import { Kysely } from 'kysely'
import { PostgresJSDialect } from 'kysely-postgres-js'
import postgres from 'postgres'
import type { DB } from './types'

export type Database = Kysely<DB>

export interface CreateDbOptions {
  max?: number
  /** Name shown in pg_stat_activity, to tell the app's connections from a CLI's. */
  applicationName?: string
}

export function createDb(url: string, options: CreateDbOptions = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'inclusion-in-practice' },
    // bigint columns (counts, bigserial ids) arrive as strings from postgres.js; keep them so.
    types: {},
  })
  return new Kysely<DB>({ dialect: new PostgresJSDialect({ postgres: sql }) })
}
