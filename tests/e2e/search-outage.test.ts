import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb, type Database } from '../../db/client'
import { createSearchService } from '../../search/client'
import {
  startEmbeddedMeilisearch,
  type RunningMeilisearch,
} from '../../search/embedded-meilisearch'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { cloneTemplateDatabase } from '../setup/test-database'
import { startAppProcess, type AppProcess } from '../setup/app-process'

// The platform keeps serving while Meilisearch is down, says so on /healthz, and catches up on
// what was published meanwhile once Meilisearch is back. This test owns its Meilisearch, so it
// can kill it without disturbing other tests.

let dir: string
let meili: RunningMeilisearch
let app: AppProcess
let db: Database
const database = `outage_${randomBytes(4).toString('hex')}`

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iip-outage-'))
  meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch') })
  const databaseUrl = await cloneTemplateDatabase(database)
  db = createDb(databaseUrl, { max: 2 })
  app = await startAppProcess({
    databaseUrl,
    meiliUrl: meili.url,
    meiliMasterKey: meili.masterKey,
    indexPrefix: 'outage_',
  })
})

afterAll(async () => {
  await app?.stop()
  await db?.destroy()
  await meili?.stop()
  await rm(dir, { recursive: true, force: true })
})

test('with Meilisearch killed the site still serves, /healthz names search, and a case study published meanwhile is indexed once it is back', async () => {
  process.kill(meili.pid, 'SIGKILL')
  await expect
    .poll(() =>
      fetch(`${meili.url}/health`).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down')

  expect((await fetch(`${app.baseUrl}/`)).status).toBe(200)
  const health = await fetch(`${app.baseUrl}/healthz`)
  expect(health.status).toBe(503)
  const body = (await health.json()) as { search: { status: string }; postgres: { status: string } }
  expect(body.search.status).toBe('down')
  expect(body.postgres.status).toBe('up')

  const library = await fetch(`${app.baseUrl}/library?q=resource`)
  expect(library.status).toBe(200)
  expect(await library.text()).toContain('Search is working in a simpler mode')

  const input = buildCaseStudy({ title: 'Published while search was down' })
  const { id } = await insertCaseStudy(db, input)

  meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch'), port: meili.port })
  const index = createSearchService({
    url: meili.url,
    masterKey: meili.masterKey,
    indexPrefix: 'outage_',
  })
  await expect
    .poll(
      () =>
        index.client
          .index(index.caseStudiesIndex)
          .getDocument(id)
          .then(
            () => 'indexed',
            () => 'missing',
          ),
      { timeout: 60_000, interval: 500 },
    )
    .toBe('indexed')
  expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200)
  const page = await fetch(
    `${app.baseUrl}/library?q=${encodeURIComponent('published while search was down')}`,
  )
  expect(await page.text()).toContain(`/library/${input.slug}`)
})
