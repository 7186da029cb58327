import { Logger, runMigrations } from 'graphile-worker'
import { sql, type Kysely } from 'kysely'
import type pg from 'pg'
import type { DB } from './types'

// Background jobs (emails now; exports and retention later) run on graphile-worker, a job queue
// that lives in Postgres. Jobs are added with SQL inside the transaction that causes them, so a
// receipt email exists exactly when the submission it reports does.

/** graphile-worker's chatter goes nowhere; the app logs what its tasks do. */
export const quietJobLogger = new Logger(() => () => {})

/** Creates or upgrades the `graphile_worker` schema. */
export async function migrateJobQueue(database: string | pg.Pool) {
  await runMigrations(
    typeof database === 'string'
      ? { connectionString: database, logger: quietJobLogger }
      : { pgPool: database, logger: quietJobLogger },
  )
}

export interface JobOptions {
  maxAttempts?: number
  /** A job with the same key replaces a pending one rather than being added twice. */
  jobKey?: string
  runAt?: Date
}

export async function addJob(
  db: Kysely<DB>,
  task: string,
  payload: Record<string, unknown>,
  options: JobOptions = {},
) {
  await sql`SELECT graphile_worker.add_job(
    ${task},
    ${payload}::json,
    max_attempts => ${options.maxAttempts ?? 25}::int,
    job_key => ${options.jobKey ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz
  )`.execute(db)
}
