import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { EnqueuedTaskPromise, Index } from 'meilisearch'
import type { DB } from '../db/types'
import { listPublishedCaseStudiesWithTags } from '../db/repositories/case-studies'
import { noteIndexChanged, type SearchService } from './client'
import { recordWithholding } from '../db/repositories/privacy'
import { toIndexableDocuments, type CaseStudyDocument } from './documents'
import { MeilisearchHttpError } from './http-client'

/**
 * Records that these case studies changed. Call it inside the transaction that changed them, so the
 * note and the change commit together or not at all.
 */
export async function enqueueCaseStudySync(trx: Kysely<DB>, caseStudyIds: readonly string[]) {
  if (caseStudyIds.length === 0) return
  await trx
    .insertInto('search_outbox')
    .values([...new Set(caseStudyIds)].map((id) => ({ case_study_id: id })))
    .execute()
}

export interface DrainResult {
  synced: number
  failed: number
  error?: string
  /** Case studies the boundary guard took out of the library. */
  withheld?: number
  /** Case studies whose change Meilisearch kept refusing, set aside for an administrator. */
  parked?: number
}

/** A change Meilisearch refuses on its own this many times is parked. */
export const PARK_AFTER_ATTEMPTS = 3

/**
 * Takes one batch of due outbox rows (skipping rows another worker holds, and parked ones), makes
 * the index match Postgres for those case studies — published ones upserted, anything else
 * removed — and deletes the rows. On failure the rows stay, with a growing delay before the next
 * attempt. When Meilisearch refuses the batch itself, it is split until the documents it refuses
 * are found, so that one bad document never holds back the others; a row refused on its own
 * {@link PARK_AFTER_ATTEMPTS} times is parked, for an administrator to retry from /admin/search.
 */
export async function drainOutboxBatch(
  db: Kysely<DB>,
  search: SearchService,
  batchSize = 500,
): Promise<DrainResult> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('search_outbox')
      .select(['id', 'case_study_id', 'attempts'])
      .where('available_at', '<=', sql<Date>`now()`)
      .where('parked_at', 'is', null)
      .orderBy('id')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute()
    if (rows.length === 0) return { synced: 0, failed: 0 }
    const rowIds = rows.map((row) => row.id)
    const caseStudyIds = [...new Set(rows.map((row) => row.case_study_id))]

    try {
      const published = await listPublishedCaseStudiesWithTags(trx, {
        ids: caseStudyIds,
        limit: caseStudyIds.length,
      })
      const { documents, refused } = toIndexableDocuments(published)
      // A refused document is withheld in this transaction and removed from the index below.
      for (const { id, findings } of refused)
        await recordWithholding(trx, { caseStudyId: id, surface: 'search-index', findings })
      const present = new Set(documents.map((doc) => doc.id))
      const gone = caseStudyIds.filter((id) => !present.has(id))
      const changes: IndexChange[] = [
        ...documents.map((document) => ({ id: document.id, document })),
        ...gone.map((id) => ({ id })),
      ]
      const outcome = await applyToIndex(search, changes)
      const accepted = caseStudyIds.filter(
        (id) => !outcome.refused.has(id) && !outcome.deferred.has(id),
      )
      if (accepted.length > 0) {
        // A case study indexed now has no use for a change of it parked earlier.
        await trx
          .deleteFrom('search_outbox')
          .where((eb) =>
            eb.and([
              eb('case_study_id', 'in', accepted),
              eb.or([eb('id', 'in', rowIds), eb('parked_at', 'is not', null)]),
            ]),
          )
          .execute()
      }
      if (accepted.length === caseStudyIds.length)
        return { synced: caseStudyIds.length, failed: 0, withheld: refused.length }
      // When Meilisearch refuses every one of several documents, the index is at fault (its
      // settings, its primary key), not the documents: they are retried, never parked.
      const blameDocuments = accepted.length > 0 || caseStudyIds.length === 1
      const parked = await recordFailures(trx, rows, outcome, blameDocuments)
      const [error] = [...outcome.refused.values(), ...outcome.deferred.values()]
      return {
        synced: accepted.length,
        failed: caseStudyIds.length - accepted.length,
        error,
        withheld: refused.length,
        parked,
      }
    } catch (error) {
      const message = describe(error)
      await trx
        .updateTable('search_outbox')
        .set({
          attempts: sql`attempts + 1`,
          // 1 s, 2 s, 4 s … capped at five minutes.
          available_at: sql`now() + least(interval '1 second' * power(2, attempts), interval '5 minutes')`,
          last_error: message.slice(0, 1000),
        })
        .where('id', 'in', rowIds)
        .execute()
      return { synced: 0, failed: caseStudyIds.length, error: message }
    }
  })
}

interface IndexChange {
  id: string
  /** The document to upsert; without one, the case study leaves the index. */
  document?: CaseStudyDocument
}

interface IndexOutcome {
  /** Case studies whose change Meilisearch refused on its own, with why. */
  refused: Map<string, string>
  /** Case studies whose change was not settled this time (Meilisearch away, or left unsplit). */
  deferred: Map<string, string>
}

/** At most this many Meilisearch writes per batch: a few refused documents among 500. */
const MAX_WRITES_PER_BATCH = 64

/**
 * Writes the changes to the index. When Meilisearch refuses them (the request, not its own
 * trouble), they are split in two and each half written again, down to single documents, so the
 * ones it accepts are indexed and the ones it refuses are known. Any other failure is thrown
 * when nothing was written yet, and otherwise defers what is left.
 */
async function applyToIndex(search: SearchService, changes: IndexChange[]): Promise<IndexOutcome> {
  const index = search.client.index(search.caseStudiesIndex)
  const outcome: IndexOutcome = { refused: new Map(), deferred: new Map() }
  let writes = 0
  let stop: string | undefined
  const write = async (part: IndexChange[]): Promise<void> => {
    if (stop !== undefined) {
      for (const change of part) outcome.deferred.set(change.id, stop)
      return
    }
    writes++
    try {
      await writeChanges(index, part)
      noteIndexChanged(search)
    } catch (error) {
      if (writes === 1 && !isRefusal(error)) throw error
      const message = describe(error)
      if (!isRefusal(error) || (part.length > 1 && writes >= MAX_WRITES_PER_BATCH)) {
        stop = message
        return write(part)
      }
      if (part.length === 1) {
        outcome.refused.set(part[0]!.id, message)
        return
      }
      const half = Math.ceil(part.length / 2)
      await write(part.slice(0, half))
      await write(part.slice(half))
    }
  }
  await write(changes)
  return outcome
}

async function writeChanges(index: Index<CaseStudyDocument>, changes: IndexChange[]) {
  const documents = changes.flatMap((change) => (change.document ? [change.document] : []))
  const gone = changes.filter((change) => !change.document).map((change) => change.id)
  if (documents.length > 0) await settle(index.addDocuments(documents, { primaryKey: 'id' }))
  if (gone.length > 0) await settle(index.deleteDocuments(gone))
}

/** Meilisearch's answer that what it was sent is wrong: no retry will make it take it. */
class RefusedByIndex extends Error {}

async function settle(task: EnqueuedTaskPromise) {
  const done = await task.waitTask({ timeout: 30_000 })
  if (done.status === 'succeeded') return
  const message = `Meilisearch task ${done.type} ${done.status}: ${done.error?.message ?? 'no detail'}`
  throw done.error?.type === 'invalid_request' ? new RefusedByIndex(message) : new Error(message)
}

/** The client wraps its transport's errors, which say what happened. */
const unwrap = (error: unknown) =>
  error instanceof Error && error.cause instanceof Error ? error.cause : error

function describe(error: unknown) {
  const inner = unwrap(error)
  return inner instanceof Error ? inner.message : String(inner)
}

/** Whether Meilisearch refused what it was sent, rather than being away, slow or broken. */
function isRefusal(error: unknown): boolean {
  if (error instanceof RefusedByIndex) return true
  const answer = unwrap(error)
  if (!(answer instanceof MeilisearchHttpError)) return false
  // 413 from Meilisearch's payload limit, or from a proxy in front of it.
  return answer.status === 413 || (answer.status === 400 && answer.body?.type === 'invalid_request')
}

/**
 * Backs off the rows whose change did not go through, and parks the case studies refused on
 * their own too often (keeping one row each: their duplicates and older parked rows go).
 * Returns how many were parked.
 */
async function recordFailures(
  trx: Kysely<DB>,
  rows: { id: string; case_study_id: string; attempts: number }[],
  outcome: IndexOutcome,
  blameDocuments: boolean,
) {
  const rowsOf = (caseStudyId: string) => rows.filter((row) => row.case_study_id === caseStudyId)
  const attemptsOf = (caseStudyId: string) =>
    Math.max(...rowsOf(caseStudyId).map((row) => row.attempts)) + 1
  const toPark = [...outcome.refused.keys()].filter(
    (id) => blameDocuments && attemptsOf(id) >= PARK_AFTER_ATTEMPTS,
  )
  const retryByError = new Map<string, string[]>()
  for (const [id, error] of [...outcome.refused, ...outcome.deferred])
    if (!toPark.includes(id))
      retryByError.set(error, [...(retryByError.get(error) ?? []), ...rowsOf(id).map((r) => r.id)])

  for (const [error, rowIds] of retryByError)
    await trx
      .updateTable('search_outbox')
      .set({
        attempts: sql`attempts + 1`,
        // 1 s, 2 s, 4 s … capped at five minutes.
        available_at: sql`now() + least(interval '1 second' * power(2, attempts), interval '5 minutes')`,
        last_error: error.slice(0, 1000),
      })
      .where('id', 'in', rowIds)
      .execute()

  for (const id of toPark) {
    const own = rowsOf(id).map((row) => row.id)
    const kept = own.at(-1)!
    await trx
      .deleteFrom('search_outbox')
      .where('case_study_id', '=', id)
      .where('id', '!=', kept)
      .where((eb) => eb.or([eb('id', 'in', own), eb('parked_at', 'is not', null)]))
      .execute()
    await trx
      .updateTable('search_outbox')
      .set({
        attempts: attemptsOf(id),
        last_error: outcome.refused.get(id)!.slice(0, 1000),
        parked_at: sql`now()`,
      })
      .where('id', '=', kept)
      .execute()
  }
  return toPark.length
}

/** Changes waiting for the index (parked ones are counted apart: they wait for a person). */
export async function outboxBacklog(db: Kysely<DB>) {
  const waiting = (eb: ExpressionBuilder<DB, 'search_outbox'>) => eb('parked_at', 'is', null)
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere(waiting).as('pending'),
      eb.fn.min('created_at').filterWhere(waiting).as('oldest'),
      eb.fn.max('attempts').filterWhere(waiting).as('maxAttempts'),
      eb.fn.countAll<string>().filterWhere('parked_at', 'is not', null).as('parked'),
    ])
    .executeTakeFirstOrThrow()
  const oldest = row.oldest ? new Date(row.oldest) : null
  return {
    pending: Number(row.pending),
    oldestAgeSeconds: oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : 0,
    maxAttempts: row.maxAttempts ?? 0,
    parked: Number(row.parked),
  }
}
