import type { Kysely } from 'kysely'
import type { DB } from '../db/types'
import { listPublishedCaseStudiesWithTags } from '../db/repositories/case-studies'
import { listParkedCaseStudyIds } from '../db/repositories/search-outbox'
import type { SearchService } from './client'
import { toCaseStudyDocument } from './documents'
import { enqueueCaseStudySync } from './outbox'

export interface Drift {
  missing: number
  stale: number
  extra: number
}

/**
 * Compares the index with Postgres by id and content hash and queues a sync for every difference:
 * published but missing, indexed but out of date, indexed but no longer published. The outbox
 * worker then repairs them, so the repair takes the same, tested path as every other change.
 */
export async function reconcileCaseStudyIndex(
  db: Kysely<DB>,
  search: SearchService,
): Promise<Drift> {
  const indexed = new Map<string, string>()
  const index = search.client.index(search.caseStudiesIndex)
  for (let offset = 0; ; offset += 1000) {
    const page = await index.getDocuments<{ id: string; contentHash: string }>({
      fields: ['id', 'contentHash'],
      limit: 1000,
      offset,
    })
    for (const doc of page.results) indexed.set(doc.id, doc.contentHash)
    if (page.results.length < 1000) break
  }

  // A case study whose change is parked is missing or stale on purpose, until an administrator
  // asks for another try: queuing it again would only be refused again.
  const parked = await listParkedCaseStudyIds(db)
  const toSync: string[] = []
  let missing = 0
  let stale = 0
  let afterId: string | undefined
  for (;;) {
    const batch = await listPublishedCaseStudiesWithTags(db, { afterId, limit: 1000 })
    if (batch.length === 0) break
    for (const row of batch) {
      const hash = indexed.get(row.id)
      indexed.delete(row.id)
      if (parked.has(row.id)) continue
      if (hash === undefined) missing++
      else if (hash !== toCaseStudyDocument(row).contentHash) stale++
      else continue
      toSync.push(row.id)
    }
    afterId = batch.at(-1)!.id
  }
  // What is left in the map is indexed but not published in Postgres.
  const extra = [...indexed.keys()]
  await enqueueCaseStudySync(db, [...toSync, ...extra])
  return { missing, stale, extra: extra.length }
}
