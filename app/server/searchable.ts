import type { Kysely } from 'kysely'
import type { DB } from '../../db/types'
import type { SearchService } from '../../search/client'
import { drainOutboxBatch, outboxBacklog } from '../../search/outbox'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Indexes what waits in the search outbox, a batch at a time with a line of progress, so that the
 * app says it is ready (and starts to listen) only once the library can find every case study.
 * Used after demo data has just been loaded: without it, the first person to open /library would
 * see "0 case studies" for the seconds the sync worker takes. Gives up after `timeoutMs`, saying
 * what is happening, and the worker carries on in the background. Returns whether it caught up.
 */
export async function indexBeforeReady(
  db: Kysely<DB>,
  search: SearchService,
  say: (message: string) => void,
  { timeoutMs = 120_000, batchSize = 50 }: { timeoutMs?: number; batchSize?: number } = {},
): Promise<boolean> {
  const total = (await outboxBacklog(db)).pending
  if (total === 0) return true
  const startedAt = Date.now()
  say(`Search index: indexing ${total} case studies so that the library can find them…`)
  let lastError: string | undefined
  for (;;) {
    const result = await drainOutboxBatch(db, search, batchSize).catch((error: unknown) => ({
      synced: 0,
      failed: 1,
      error: error instanceof Error ? error.message : String(error),
    }))
    const { pending } = await outboxBacklog(db)
    if (result.synced > 0)
      say(`Search index: ${Math.max(0, total - pending)} of ${total} case studies indexed.`)
    if (pending === 0) return true
    if (result.failed > 0 && result.error && result.error !== lastError) {
      lastError = result.error
      say(`Search index: Meilisearch did not take a change (${result.error}); retrying…`)
    }
    if (Date.now() - startedAt > timeoutMs) {
      say(
        `Search index: still ${pending} case studies to index after ${Math.round(timeoutMs / 1000)} s${lastError ? ` (last error: ${lastError})` : ''}. ` +
          'Starting anyway: the library shows them as they are indexed, and /healthz shows how many wait.',
      )
      return false
    }
    if (result.synced === 0) await sleep(250)
  }
}
