import type { AppLoadContext } from '@remix-run/node'
import type { Kysely } from 'kysely'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { countPublishedCaseStudies } from '../../db/repositories/case-studies'
import {
  insertRebuild,
  latestRebuild,
  outboxFailures,
  recordRebuildProgress,
} from '../../db/repositories/search-rebuilds'
import { listParkedChanges, unparkCaseStudyChanges } from '../../db/repositories/search-outbox'
import type { DB } from '../../db/types'
import type { SearchService } from '../../search/client'
import { outboxBacklog } from '../../search/outbox'
import { rebuildCaseStudyIndex } from '../../search/reindex'

export const REBUILD_TASK = 'search_rebuild'

/**
 * The index against Postgres, the outbox's backlog and failures, the changes parked because
 * Meilisearch kept refusing them, and the latest rebuild.
 */
export async function searchIndexStatus(context: AppLoadContext) {
  const { db, search } = context.services
  const [published, indexed, backlog, failures, parked, rebuild] = await Promise.all([
    countPublishedCaseStudies(db),
    search.client
      .index(search.caseStudiesIndex)
      .getStats()
      .then((stats) => stats.numberOfDocuments)
      .catch(() => null),
    outboxBacklog(db),
    outboxFailures(db),
    listParkedChanges(db),
    latestRebuild(db),
  ])
  return { published, indexed, backlog, failures, parked, rebuild }
}

/**
 * Puts a case study's parked change back in the queue for the sync worker to try again (say,
 * once the search engine's limits have been raised), audited. False if none was parked.
 */
export async function retryParkedChange(db: Kysely<DB>, actorId: string, caseStudyId: string) {
  return db.transaction().execute(async (trx) => {
    const retried = await unparkCaseStudyChanges(trx, caseStudyId)
    if (retried === 0) return false
    await recordAuditEvent(trx, {
      actorId,
      action: 'search.parked_change_retried',
      subjectType: 'case_study',
      subjectId: caseStudyId,
    })
    return true
  })
}

/**
 * Asks for a zero-downtime rebuild (a fresh index filled from Postgres, then swapped in), run by
 * the job runner; one at a time: asking while one is under way shows that one.
 */
export async function requestRebuild(db: Kysely<DB>, actorId: string) {
  return db.transaction().execute(async (trx) => {
    const current = await latestRebuild(trx)
    if (current && !current.finished_at) return current.id
    const { id } = await insertRebuild(trx, actorId)
    await addJob(trx, REBUILD_TASK, { id }, { maxAttempts: 1, jobKey: REBUILD_TASK })
    await recordAuditEvent(trx, {
      actorId,
      action: 'search.rebuild_requested',
      subjectType: 'search_index',
      subjectId: String(id),
    })
    return id
  })
}

/** The job: rebuilds, saying how far it has got at most twice a second. */
export async function runRebuild(db: Kysely<DB>, search: SearchService, id: string) {
  await recordRebuildProgress(db, id, { started: true, total: await countPublishedCaseStudies(db) })
  let saved = 0
  try {
    const { indexed } = await rebuildCaseStudyIndex(db, search, (progress) => {
      if (Date.now() - saved < 500) return
      saved = Date.now()
      // Progress is a courtesy: a failed write of it must not stop, or crash, the rebuild.
      recordRebuildProgress(db, id, { indexed: progress.indexed }).catch(() => {})
    })
    await recordRebuildProgress(db, id, { indexed, finished: true })
  } catch (error) {
    await recordRebuildProgress(db, id, {
      finished: true,
      error: error instanceof Error ? error.message : String(error),
    })
  }
}
