import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/types'
import { listPublishedCaseStudiesWithTags } from '../db/repositories/case-studies'
import type { SearchService } from './client'
import { recordWithholding } from '../db/repositories/privacy'
import { toIndexableDocuments } from './documents'
import { waitOk } from './index-settings'

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
}

/**
 * Takes one batch of due outbox rows (skipping rows another worker holds), makes the index match
 * Postgres for those case studies — published ones upserted, anything else removed — and deletes
 * the rows. On failure the rows stay, with a growing delay before the next attempt.
 */
export async function drainOutboxBatch(
  db: Kysely<DB>,
  search: SearchService,
  batchSize = 500,
): Promise<DrainResult> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('search_outbox')
      .select(['id', 'case_study_id'])
      .where('available_at', '<=', sql<Date>`now()`)
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
      const index = search.client.index(search.caseStudiesIndex)
      if (documents.length > 0) {
        await waitOk(
          index.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: 30_000 }),
        )
      }
      if (gone.length > 0) await waitOk(index.deleteDocuments(gone).waitTask({ timeout: 30_000 }))
      await trx.deleteFrom('search_outbox').where('id', 'in', rowIds).execute()
      return { synced: caseStudyIds.length, failed: 0, withheld: refused.length }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
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

export async function outboxBacklog(db: Kysely<DB>) {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => [
      eb.fn.countAll<string>().as('pending'),
      eb.fn.min('created_at').as('oldest'),
      eb.fn.max('attempts').as('maxAttempts'),
    ])
    .executeTakeFirstOrThrow()
  const oldest = row.oldest ? new Date(row.oldest) : null
  return {
    pending: Number(row.pending),
    oldestAgeSeconds: oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : 0,
    maxAttempts: row.maxAttempts ?? 0,
  }
}
