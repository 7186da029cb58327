import { afterAll, beforeAll, expect, test } from 'vitest'
import { sql } from 'kysely'
import { setCaseStudyPublished } from '../../app/moderation/publication.server'
import {
  findPublishedCaseStudyBySlug,
  findSimilarCaseStudies,
} from '../../db/repositories/case-studies'
import { createSearchService } from '../../search/client'
import type { CaseStudyDocument } from '../../search/documents'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch } from '../../search/outbox'
import { reconcileCaseStudyIndex } from '../../search/reconcile'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import { startSyncWorker } from '../../search/sync-worker'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
const silent = { info: () => {}, warn: () => {}, error: () => {} }

beforeAll(async () => {
  t = await createTestServices()
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
})
afterAll(() => t.cleanUp())

const index = () => t.search.client.index<CaseStudyDocument>(t.search.caseStudiesIndex)
const indexed = async (id: string) =>
  index()
    .getDocument(id)
    .then(
      () => true,
      () => false,
    )
const drainAll = async () => {
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
}

test('a published case study reaches the index through the outbox, and its row is then removed', async () => {
  const { id } = await insertCaseStudy(
    t.db,
    buildCaseStudy({ title: 'Signing choir for deaf pupils' }),
  )
  const pending = await t.db
    .selectFrom('search_outbox')
    .select('id')
    .where('case_study_id', '=', id)
    .execute()
  expect(pending).toHaveLength(1)
  expect(await indexed(id)).toBe(false)

  await drainAll()
  expect(await indexed(id)).toBe(true)
  const found = await index().search('signing choir')
  expect(found.hits.map((hit) => hit.id)).toContain(id)
  expect(
    await t.db.selectFrom('search_outbox').select('id').where('case_study_id', '=', id).execute(),
  ).toHaveLength(0)
})

test('a draft case study is never indexed', async () => {
  const { id } = await insertCaseStudy(t.db, buildCaseStudy({ status: 'draft', publishedAt: null }))
  await drainAll()
  expect(await indexed(id)).toBe(false)
})

test('unpublishing removes the case study from the index and records who did it', async () => {
  const { id } = await insertCaseStudy(t.db, buildCaseStudy())
  await drainAll()
  expect(await indexed(id)).toBe(true)

  await setCaseStudyPublished(t.db, { caseStudyId: id, actorId: null, published: false })
  await drainAll()
  expect(await indexed(id)).toBe(false)
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'before', 'after'])
    .where('subject_id', '=', id)
    .executeTakeFirstOrThrow()
  expect(audit).toMatchObject({
    action: 'case_study.unpublished',
    before: { status: 'published' },
    after: { status: 'unpublished' },
  })
})

test('only allow-listed public fields reach the index; an unnamed organisation stays unnamed', async () => {
  const call = await t.db
    .insertInto('calls')
    .values({
      slug: `call-${Date.now()}`,
      title: 'Call',
      summary: 's',
      description: 'd',
      opens_at: new Date(0),
      closes_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const submission = await t.db
    .insertInto('submissions')
    .values({
      reference: 'IIP-AB12-CD34',
      call_id: call.id,
      status: 'published',
      respondent_name: 'Respondent Person',
      respondent_email: 'respondent.person@school.example',
      answers: {},
      original_answers: { story: 'original words' },
      submitted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { id } = await insertCaseStudy(
    t.db,
    buildCaseStudy({ organisationName: 'Hidden Primary School', organisationNamed: false }),
  )
  await t.db
    .updateTable('case_studies')
    .set({ submission_id: submission.id })
    .where('id', '=', id)
    .execute()
  await drainAll()

  const doc = (await index().getDocument(id)) as unknown as Record<string, unknown>
  expect(Object.keys(doc).sort()).toEqual(
    [
      'advice',
      'challenge',
      'contentHash',
      'costAndResources',
      'evidenceStrength',
      'id',
      'impact',
      'isFictional',
      'keyFactors',
      'keywords',
      'laCode',
      'laName',
      'measures',
      'needAreas',
      'needLabels',
      'needs',
      'organisationKind',
      'organisationName',
      'outcomes',
      'phases',
      'practice',
      'practiceLabels',
      'practices',
      'principles',
      'publishedAt',
      'region',
      'regionName',
      'settings',
      'slug',
      'summary',
      'tags',
      'title',
      // Follow-ups (issue 21): the current version, its review date and the practice's status.
      'version',
      'lastReviewedAt',
      'practiceStatus',
      'practiceStatusSince',
    ].sort(),
  )
  const text = JSON.stringify(doc)
  expect(text).not.toContain('respondent.person@school.example')
  expect(text).not.toContain('Respondent Person')
  expect(text).not.toContain(submission.id)
  expect(text).not.toContain('Hidden Primary School')
  expect(doc.organisationName).toBeNull()
})

test('when Meilisearch cannot be reached the outbox keeps the change and backs off before retrying', async () => {
  const { id } = await insertCaseStudy(t.db, buildCaseStudy())
  const unreachable = createSearchService({
    url: 'http://127.0.0.1:9',
    masterKey: 'x'.repeat(32),
    indexPrefix: t.search.indexPrefix,
  })
  const result = await drainOutboxBatch(t.db, unreachable)
  expect(result.failed).toBeGreaterThan(0)
  const row = await t.db
    .selectFrom('search_outbox')
    .select(['attempts', 'last_error', sql<boolean>`available_at > now()`.as('deferred')])
    .where('case_study_id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.attempts).toBe(1)
  expect(row.last_error).toBeTruthy()
  expect(row.deferred).toBe(true)

  // Once Meilisearch answers and the delay has passed, the same row goes through.
  await t.db
    .updateTable('search_outbox')
    .set({ available_at: sql`now()` })
    .execute()
  await drainAll()
  expect(await indexed(id)).toBe(true)
})

test('reconciliation finds missing, stale and stray documents, and the worker repairs them', async () => {
  await drainAll()
  const missing = await insertCaseStudy(t.db, buildCaseStudy())
  const stale = await insertCaseStudy(t.db, buildCaseStudy({ title: 'Old title' }))
  await drainAll()
  // Drift that bypassed the outbox: a document deleted, a title changed, a stray document added.
  await index().deleteDocument(missing.id).waitTask()
  await t.db
    .updateTable('case_studies')
    .set({ title: 'New title' })
    .where('id', '=', stale.id)
    .execute()
  const stray = '00000000-0000-4000-8000-000000000001'
  await index()
    .addDocuments([{ id: stray, title: 'stray', contentHash: 'x' } as unknown as CaseStudyDocument])
    .waitTask()

  expect(await reconcileCaseStudyIndex(t.db, t.search)).toEqual({ missing: 1, stale: 1, extra: 1 })
  await drainAll()
  expect(await indexed(missing.id)).toBe(true)
  expect((await index().getDocument(stale.id)).title).toBe('New title')
  expect(await indexed(stray)).toBe(false)
  expect(await reconcileCaseStudyIndex(t.db, t.search)).toEqual({ missing: 0, stale: 0, extra: 0 })
})

test('a rebuild swaps in a fresh index while searches keep finding results throughout', async () => {
  for (let i = 0; i < 30; i++) await insertCaseStudy(t.db, buildCaseStudy())
  await drainAll()
  const before = (await index().search('', { limit: 0 })).estimatedTotalHits ?? 0
  expect(before).toBeGreaterThan(30)

  let rebuilding = true
  const seen: number[] = []
  const watcher = (async () => {
    while (rebuilding) {
      seen.push((await index().search('', { limit: 0 })).estimatedTotalHits ?? 0)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  const { indexed: count } = await rebuildCaseStudyIndex(t.db, t.search)
  rebuilding = false
  await watcher

  expect(count).toBe(before)
  expect(seen.length).toBeGreaterThan(3)
  expect(Math.min(...seen)).toBeGreaterThan(0)
  const { results } = await t.search.client.getIndexes({ limit: 100 })
  expect(results.filter((i) => i.uid.startsWith(`${t.search.caseStudiesIndex}_rebuild_`))).toEqual(
    [],
  )
})

test('the sync worker indexes a newly published case study within seconds', async () => {
  const worker = startSyncWorker({
    db: t.db,
    search: t.search,
    log: silent,
    pollMilliseconds: 100,
    reconcileEverySeconds: 0,
  })
  try {
    const { id } = await insertCaseStudy(t.db, buildCaseStudy())
    await expect.poll(() => indexed(id), { timeout: 10_000, interval: 100 }).toBe(true)
  } finally {
    await worker.stop()
  }
})

test('measures and tags come back from Postgres as structured values, not JSON text', async () => {
  const measures = [
    { measure: 'Attendance', before: '88.0%', after: '93.5%', period: '2023/24 to 2024/25' },
  ]
  const input = buildCaseStudy({ measures })
  await insertCaseStudy(t.db, input)
  const row = await findPublishedCaseStudyBySlug(t.db, input.slug)
  expect(row?.measures).toEqual(measures)
  expect(row?.tags.map((tag) => `${tag.scheme}:${tag.code}`).sort()).toEqual([
    'need:ASD',
    'phase:primary',
    'practice:resourced-provision',
    'setting:mainstream-school',
  ])
  expect(row?.tags.find((tag) => tag.code === 'ASD')?.parentCode).toBe('communication-interaction')
})

test('similar practice ranks case studies by shared tags, counting shared needs double, and only published ones', async () => {
  const tags = (need: string, practice: string, phase: string) => ({
    need: [need],
    practice: [practice],
    phase: [phase],
    setting: ['school-with-sen-unit'],
  })
  const me = await insertCaseStudy(
    t.db,
    buildCaseStudy({ tags: tags('HI', 'sen-unit', 'primary') }),
  )
  const sameNeedAndPractice = await insertCaseStudy(
    t.db,
    buildCaseStudy({ title: 'close', tags: tags('HI', 'sen-unit', 'secondary') }),
  )
  const samePracticeOnly = await insertCaseStudy(
    t.db,
    buildCaseStudy({ title: 'further', tags: tags('PD', 'sen-unit', 'secondary') }),
  )
  await insertCaseStudy(
    t.db,
    buildCaseStudy({ status: 'draft', publishedAt: null, tags: tags('HI', 'sen-unit', 'primary') }),
  )

  const similar = await findSimilarCaseStudies(t.db, me.id, 10)
  const ids = await t.db.selectFrom('case_studies').select(['id', 'slug']).execute()
  const slugOf = (id: string) => ids.find((row) => row.id === id)!.slug
  expect(similar[0]!.slug).toBe(slugOf(sameNeedAndPractice.id))
  expect(similar.map((s) => s.slug).indexOf(slugOf(samePracticeOnly.id))).toBeGreaterThan(0)
  expect(similar.every((s) => s.slug !== slugOf(me.id))).toBe(true)
  expect(similar[0]!.score).toBeGreaterThan(similar.at(-1)!.score)
})
