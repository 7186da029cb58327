import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { retryParkedChange, searchIndexStatus } from '../../app/admin/search-index.server'
import { createSearchService, type SearchService } from '../../search/client'
import type { CaseStudyDocument } from '../../search/documents'
import {
  startEmbeddedMeilisearch,
  type RunningMeilisearch,
} from '../../search/embedded-meilisearch'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch, outboxBacklog, PARK_AFTER_ATTEMPTS } from '../../search/outbox'
import { reconcileCaseStudyIndex } from '../../search/reconcile'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { insertStaff } from '../../seeds/factories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

// A Meilisearch of this file's own, configured (as an operator might, or a proxy in front of it
// would) to take request bodies of at most 256 KiB. A case study bigger than that is refused by
// Meilisearch however often it is sent; it must not hold back the changes drained with it.

let t: TestServices
let dir: string
let meili: RunningMeilisearch
let search: SearchService
let adminId: string

const startMeilisearch = async (payloadLimit: string, port?: number) => {
  await writeFile(
    path.join(dir, 'meilisearch', 'config.toml'),
    `http_payload_size_limit = "${payloadLimit}"\n`,
  )
  return startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch'), port })
}

beforeAll(async () => {
  t = await createTestServices()
  adminId = await insertStaff(t.db, 'admin')
  dir = await mkdtemp(path.join(tmpdir(), 'iip-parking-'))
  await mkdir(path.join(dir, 'meilisearch'))
  meili = await startMeilisearch('256 KiB')
  search = createSearchService({
    url: meili.url,
    masterKey: meili.masterKey,
    indexPrefix: 'parking_',
  })
  await applyCaseStudySettings(search.client, search.caseStudiesIndex)
})

afterAll(async () => {
  await meili?.stop()
  await rm(dir, { recursive: true, force: true })
  await t?.cleanUp()
})

const index = () => search.client.index<CaseStudyDocument>(search.caseStudiesIndex)
const isIndexed = (id: string) =>
  index()
    .getDocument(id)
    .then(
      () => true,
      () => false,
    )
const rowsOf = (id: string) =>
  t.db
    .selectFrom('search_outbox')
    .select(['attempts', 'last_error', 'parked_at'])
    .where('case_study_id', '=', id)
    .execute()
const makeDue = () =>
  t.db
    .updateTable('search_outbox')
    .set({ available_at: sql`now()` })
    .execute()

/** About `kilobytes` of ordinary prose in the practice section. */
const prose = (kilobytes: number) =>
  'Pupils plan the week with their teaching assistant and review it on Friday. '.repeat(
    Math.ceil((kilobytes * 1024) / 77),
  )

test('a batch bigger than Meilisearch takes is split, and every case study in it is indexed', async () => {
  const ids: string[] = []
  for (let i = 0; i < 60; i++)
    ids.push((await insertCaseStudy(t.db, buildCaseStudy({ practice: prose(8) }))).id)

  const result = await drainOutboxBatch(t.db, search)
  expect(result, result.error).toMatchObject({ synced: 60, failed: 0 })
  expect(await outboxBacklog(t.db)).toMatchObject({ pending: 0, parked: 0 })
  for (const id of ids) expect(await isIndexed(id), id).toBe(true)
})

test('a case study Meilisearch refuses is parked while the rest of its batch is indexed, shows on the admin page, and is retried on request', async () => {
  const good: string[] = []
  for (let i = 0; i < 20; i++) good.push((await insertCaseStudy(t.db, buildCaseStudy())).id)
  const { id: bad } = await insertCaseStudy(
    t.db,
    buildCaseStudy({
      title: 'A case study longer than the search engine takes',
      practice: prose(300),
    }),
  )
  for (let i = 0; i < 5; i++) good.push((await insertCaseStudy(t.db, buildCaseStudy())).id)

  // The first drain indexes the 25 others and counts a refusal against the one.
  const first = await drainOutboxBatch(t.db, search)
  expect(first, first.error).toMatchObject({ synced: 25, failed: 1, parked: 0 })
  expect(first.error).toContain('payload_too_large')
  for (const id of good) expect(await isIndexed(id), id).toBe(true)
  expect(await isIndexed(bad)).toBe(false)
  expect(await rowsOf(bad)).toEqual([
    { attempts: 1, last_error: expect.stringContaining('payload_too_large'), parked_at: null },
  ])

  // Refused each time it is sent, it is parked at the third refusal, and then left alone.
  for (let attempt = 2; attempt <= PARK_AFTER_ATTEMPTS; attempt++) {
    await makeDue()
    const result = await drainOutboxBatch(t.db, search)
    expect(result).toMatchObject({
      synced: 0,
      failed: 1,
      parked: attempt === PARK_AFTER_ATTEMPTS ? 1 : 0,
    })
  }
  const [parked] = await rowsOf(bad)
  expect(parked).toMatchObject({ attempts: PARK_AFTER_ATTEMPTS })
  expect(parked!.parked_at).not.toBeNull()
  await makeDue()
  expect(await drainOutboxBatch(t.db, search)).toEqual({ synced: 0, failed: 0 })
  expect(await outboxBacklog(t.db)).toMatchObject({ pending: 0, parked: 1 })

  // A change made meanwhile to another case study still goes through.
  const later = await insertCaseStudy(t.db, buildCaseStudy())
  expect(await drainOutboxBatch(t.db, search)).toMatchObject({ synced: 1, failed: 0 })
  expect(await isIndexed(later.id)).toBe(true)
  // Reconciliation does not queue the parked case study again: it waits for an administrator.
  expect(await reconcileCaseStudyIndex(t.db, search)).toEqual({ missing: 0, stale: 0, extra: 0 })
  expect(await rowsOf(bad)).toHaveLength(1)

  // The admin search page shows it with its error, and not among the changes being retried.
  const status = await searchIndexStatus({ services: { db: t.db, search } } as AppLoadContext)
  expect(status.failures.failing).toBe(0)
  expect(status.backlog).toMatchObject({ pending: 0, parked: 1 })
  expect(status.parked).toEqual([
    expect.objectContaining({
      case_study_id: bad,
      title: 'A case study longer than the search engine takes',
      attempts: PARK_AFTER_ATTEMPTS,
      last_error: expect.stringContaining('The provided payload reached the size limit'),
    }),
  ])

  // The operator raises the limit; an administrator asks for another try, which is audited.
  await meili.stop()
  meili = await startMeilisearch('1 MiB', meili.port)
  expect(await retryParkedChange(t.db, adminId, bad)).toBe(true)
  expect(await retryParkedChange(t.db, adminId, bad)).toBe(false)
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'subject_type', 'subject_id'])
    .where('action', '=', 'search.parked_change_retried')
    .execute()
  expect(audit).toEqual([{ actor_id: adminId, subject_type: 'case_study', subject_id: bad }])
  expect(await drainOutboxBatch(t.db, search)).toMatchObject({ synced: 1, failed: 0 })
  expect(await isIndexed(bad)).toBe(true)
  expect(await rowsOf(bad)).toEqual([])
  expect(await outboxBacklog(t.db)).toMatchObject({ pending: 0, parked: 0 })
})
