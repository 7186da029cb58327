import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb, type Database } from '../../db/client'
import { createSearchService, type SearchService } from '../../search/client'
import {
  startEmbeddedMeilisearch,
  type RunningMeilisearch,
} from '../../search/embedded-meilisearch'
import { enqueueCaseStudySync } from '../../search/outbox'
import { seedSyntheticCorpus } from '../../seeds/synthetic-corpus'
import { cloneTemplateDatabase } from '../setup/test-database'
import { startAppProcess, type AppProcess } from '../setup/app-process'

// Meilisearch is killed (SIGKILL) while the app drains 5,000 changes from the search outbox, and
// more changes are made while it is down. Once it is back, the index must converge to exactly the
// published case studies in Postgres: none missing, none extra, none stale.

const CHANGES = 5000
const CONVERGE_WITHIN_MS = 180_000
const database = `faults_meili_${randomBytes(4).toString('hex')}`
let dir: string
let meili: RunningMeilisearch
let app: AppProcess
let db: Database
let search: SearchService

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iip-faults-meili-'))
  meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch') })
  const databaseUrl = await cloneTemplateDatabase(database)
  db = createDb(databaseUrl, { max: 4 })
  search = createSearchService({
    url: meili.url,
    masterKey: meili.masterKey,
    indexPrefix: 'faults_',
  })
  // 5,000 published case studies, each with a row in the outbox, before the app starts.
  await seedSyntheticCorpus(db, CHANGES, () => {}, 11)
  app = await startAppProcess({
    databaseUrl,
    meiliUrl: meili.url,
    meiliMasterKey: meili.masterKey,
    indexPrefix: 'faults_',
    waitForSearch: false,
  })
})

afterAll(async () => {
  await app?.stop()
  await db?.destroy()
  await meili?.stop()
  await rm(dir, { recursive: true, force: true })
})

const pending = async () =>
  Number(
    (
      await db
        .selectFrom('search_outbox')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const indexed = () =>
  search.client
    .index(search.caseStudiesIndex)
    .getStats()
    .then((stats) => stats.numberOfDocuments)
    .catch(() => 0)

/** What the index should hold, and what it holds: id → title. */
async function difference() {
  const wanted = new Map(
    (
      await db
        .selectFrom('case_studies')
        .select(['id', 'title'])
        .where('status', '=', 'published')
        .execute()
    ).map((row) => [row.id, row.title]),
  )
  const held = new Map<string, string>()
  for (let offset = 0; ; offset += 5000) {
    const page = await search.client
      .index(search.caseStudiesIndex)
      .getDocuments<{ id: string; title: string }>({ offset, limit: 5000, fields: ['id', 'title'] })
    for (const doc of page.results) held.set(doc.id, doc.title)
    if (page.results.length < 5000) break
  }
  const missing = [...wanted.keys()].filter((id) => !held.has(id)).length
  const extra = [...held.keys()].filter((id) => !wanted.has(id)).length
  const stale = [...wanted].filter(([id, title]) => held.has(id) && held.get(id) !== title).length
  return { wanted: wanted.size, missing, extra, stale }
}

test('Meilisearch killed mid-drain of 5,000 changes: once restarted, the index converges exactly to Postgres', async () => {
  // Kill it part-way through the drain.
  const deadline = Date.now() + 120_000
  while ((await indexed()) < 2000) {
    if (Date.now() > deadline) throw new Error('The drain never started')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const indexedAtKill = await indexed()
  process.kill(meili.pid, 'SIGKILL')
  const pendingAtKill = await pending()
  expect(pendingAtKill, 'the kill came mid-drain').toBeGreaterThan(0)

  // While it is down, 100 case studies are unpublished and 100 retitled, as moderators would.
  const ids = (
    await db.selectFrom('case_studies').select('id').orderBy('id').limit(200).execute()
  ).map((row) => row.id)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('case_studies')
      .set({ status: 'unpublished' })
      .where('id', 'in', ids.slice(0, 100))
      .execute()
    await trx
      .updateTable('case_studies')
      .set({ title: sql`title || ' (revised)'` })
      .where('id', 'in', ids.slice(100))
      .execute()
    await enqueueCaseStudySync(trx, ids)
  })
  await new Promise((resolve) => setTimeout(resolve, 3000))

  const restarted = performance.now()
  meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch'), port: meili.port })
  let last = await difference().catch(() => null)
  while (!last || last.missing + last.extra + last.stale > 0 || (await pending()) > 0) {
    if (performance.now() - restarted > CONVERGE_WITHIN_MS)
      throw new Error(
        `Not converged within ${CONVERGE_WITHIN_MS / 1000} s: ${JSON.stringify(last)}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 1000))
    last = await difference().catch(() => null)
  }
  const seconds = ((performance.now() - restarted) / 1000).toFixed(1)
  expect(last).toEqual({ wanted: CHANGES - 100, missing: 0, extra: 0, stale: 0 })
  console.log(
    `faults: Meilisearch killed with ${indexedAtKill} of ${CHANGES} indexed and ${pendingAtKill} outbox rows pending; 200 changes made while down; converged ${seconds} s after restart (no missing, extra or stale documents).`,
  )
})
