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

/**
 * Drops emails to these addresses that are still waiting or have failed for good, so that a
 * removed address does not live on in the queue. (Sent jobs are deleted by the worker.)
 */
export async function removeQueuedEmailsTo(db: Kysely<DB>, addresses: string[]) {
  if (addresses.length === 0) return 0
  const result = await sql`
    DELETE FROM graphile_worker._private_jobs j
    USING graphile_worker._private_tasks t
    WHERE j.task_id = t.id AND t.identifier = 'send_email' AND j.locked_at IS NULL
      AND lower(j.payload->>'to') = ANY(${addresses.map((a) => a.toLowerCase())}::text[])`.execute(
    db,
  )
  return Number(result.numAffectedRows ?? 0)
}
