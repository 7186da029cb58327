import type { Kysely } from 'kysely'
import type { DB } from '../db/types'
import type { SearchService } from './client'
import { drainOutboxBatch } from './outbox'
import { reconcileCaseStudyIndex } from './reconcile'

export interface SyncLogger {
  info: (fields: object, message: string) => void
  warn: (fields: object, message: string) => void
  error: (fields: object, message: string) => void
}

export interface SyncWorkerOptions {
  db: Kysely<DB>
  search: SearchService
  log: SyncLogger
  pollMilliseconds?: number
  /** 0 turns the periodic reconciliation off. */
  reconcileEverySeconds?: number
}

export interface SyncWorker {
  /** Drain now rather than at the next poll. */
  wake: () => void
  stop: () => Promise<void>
}

/** Drains the search outbox continuously and reconciles the index with Postgres now and then. */
export function startSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { db, search, log } = options
  const poll = options.pollMilliseconds ?? 500
  let stopped = false
  let wake = () => {}
  let failing = false

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const loop = (async () => {
    while (!stopped) {
      try {
        const result = await drainOutboxBatch(db, search)
        if (result.withheld)
          log.error(
            { withheld: result.withheld },
            'personal data guard: case studies with a pupil identifier taken out of the library',
          )
        if (result.parked)
          log.error(
            { parked: result.parked, error: result.error },
            'search index keeps refusing a change; parked it for an administrator (/admin/search)',
          )
        if (result.failed > 0) {
          if (!failing)
            log.warn(
              { failed: result.failed, error: result.error },
              'search sync failed; will retry',
            )
          failing = true
        } else if (result.synced > 0) {
          if (failing) log.info({}, 'search sync recovered')
          failing = false
          log.info({ synced: result.synced }, 'search index updated')
          continue
        }
      } catch (error) {
        log.error(
          { error: error instanceof Error ? error.message : String(error) },
          'search sync error',
        )
      }
      if (!stopped) await sleep(poll)
    }
  })()

  const reconcileSeconds = options.reconcileEverySeconds ?? 300
  const reconcileTimer =
    reconcileSeconds > 0
      ? setInterval(() => {
          reconcileCaseStudyIndex(db, search)
            .then((drift) => {
              if (drift.missing + drift.stale + drift.extra > 0) {
                log.warn({ ...drift }, 'search index drift found; repairs queued')
                wake()
              }
            })
            .catch((error: unknown) =>
              log.warn(
                { error: error instanceof Error ? error.message : String(error) },
                'search reconciliation skipped',
              ),
            )
        }, reconcileSeconds * 1000)
      : undefined
  reconcileTimer?.unref()

  return {
    wake: () => wake(),
    stop: async () => {
      stopped = true
      if (reconcileTimer) clearInterval(reconcileTimer)
      wake()
      await loop
    },
  }
}
