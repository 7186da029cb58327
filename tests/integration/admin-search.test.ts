import { afterAll, beforeAll, expect, test } from 'vitest'
import { requestRebuild, runRebuild } from '../../app/admin/search-index.server'
import { latestRebuild } from '../../db/repositories/search-rebuilds'
import { buildCaseStudy, insertCaseStudiesInBulk } from '../../seeds/factories/case-studies'
import { applyCaseStudySettings } from '../../search/index-settings'
import { insertStaff } from '../../seeds/factories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let adminId: string
beforeAll(async () => {
  t = await createTestServices()
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  adminId = await insertStaff(t.db, 'admin')
  await insertCaseStudiesInBulk(
    t.db,
    Array.from({ length: 30 }, (_, i) =>
      buildCaseStudy({ status: i < 25 ? 'published' : 'draft' }),
    ),
  )
})
afterAll(() => t.cleanUp())

test('a rebuild is asked for once at a time, runs as a job, and reports its progress and end', async () => {
  const first = await requestRebuild(t.db, adminId)
  expect(await requestRebuild(t.db, adminId)).toBe(first)
  const jobs = await t.db
    .selectFrom('graphile_worker.jobs' as never)
    .select('task_identifier' as never)
    .execute()
  expect(jobs).toContainEqual({ task_identifier: 'search_rebuild' })

  await runRebuild(t.db, t.search, String(first))
  const done = (await latestRebuild(t.db))!
  expect(done).toMatchObject({ total: 25, indexed: 25, error: null })
  expect(done.finished_at).not.toBeNull()
  const stats = await t.search.client.index(t.search.caseStudiesIndex).getStats()
  expect(stats.numberOfDocuments).toBe(25)
  // Finished, so the next request starts a new one.
  expect(await requestRebuild(t.db, adminId)).not.toBe(first)
  const audited = await t.db
    .selectFrom('audit_events')
    .select('actor_id')
    .where('action', '=', 'search.rebuild_requested')
    .execute()
  expect(audited).toHaveLength(2)
})
