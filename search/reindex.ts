import type { Kysely } from 'kysely'
import type { DB } from '../db/types'
import { listPublishedCaseStudiesWithTags } from '../db/repositories/case-studies'
import { listSynonymGroups } from '../db/repositories/search-synonyms'
import { noteIndexChanged, type SearchService } from './client'
import { withholdCaseStudy } from '../app/privacy/public-boundary.server'
import { toIndexableDocuments } from './documents'
import { applyCaseStudySettings, waitOk } from './index-settings'

export interface ReindexProgress {
  indexed: number
}

/**
 * Builds a fresh index from Postgres beside the live one, then swaps the two in one Meilisearch
 * task, so searches see the old index until the new one is complete: no window with no results.
 */
export async function rebuildCaseStudyIndex(
  db: Kysely<DB>,
  search: SearchService,
  onProgress: (progress: ReindexProgress) => void = () => {},
): Promise<{ indexed: number }> {
  const live = search.caseStudiesIndex
  const fresh = `${live}_rebuild_${Date.now()}`
  const synonyms = await listSynonymGroups(db)
  await applyCaseStudySettings(search.client, live, synonyms)
  await applyCaseStudySettings(search.client, fresh, synonyms)
  try {
    let indexed = 0
    let afterId: string | undefined
    for (;;) {
      const batch = await listPublishedCaseStudiesWithTags(db, { afterId, limit: 1000 })
      if (batch.length === 0) break
      const { documents, refused } = toIndexableDocuments(batch)
      for (const { id, findings } of refused)
        await withholdCaseStudy(db, { caseStudyId: id, surface: 'search-index', findings })
      if (documents.length > 0)
        await waitOk(
          search.client
            .index(fresh)
            .addDocuments(documents, { primaryKey: 'id' })
            .waitTask({ timeout: 120_000 }),
        )
      indexed += documents.length
      afterId = batch.at(-1)!.id
      onProgress({ indexed })
    }
    await waitOk(
      search.client
        .swapIndexes([{ indexes: [live, fresh], rename: false }])
        .waitTask({ timeout: 60_000 }),
    )
    noteIndexChanged(search)
    return { indexed }
  } finally {
    // After the swap this name holds the old documents; before it, a half-built index.
    await search.client
      .deleteIndex(fresh)
      .waitTask({ timeout: 60_000 })
      .catch(() => undefined)
  }
}
