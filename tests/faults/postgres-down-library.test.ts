import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { createDb } from '../../db/client'
import { startEmbeddedPostgres, type RunningPostgres } from '../../db/embedded-postgres'
import { startAppProcess, type AppProcess } from '../setup/app-process'

// While Postgres is stopped the public library keeps serving from the search index, with a
// notice that some features are unavailable; what needs Postgres (here the response journey)
// answers 503 with Retry-After. Once Postgres is back, pages are as before.

const HANG_MS = 15_000
const NOTICE = 'Some features are unavailable at the moment'
let dir: string
let pg: RunningPostgres
let app: AppProcess
let slug: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iip-faults-pg-down-'))
  pg = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), database: 'faults' })
  app = await startAppProcess({
    databaseUrl: pg.url,
    meiliUrl: inject('meiliUrl'),
    meiliMasterKey: inject('meiliMasterKey'),
    indexPrefix: `faults_pg_down_${Date.now()}_`,
  })
  const db = createDb(pg.url, { max: 1 })
  ;({ slug } = await db
    .selectFrom('case_studies')
    .select('slug')
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow())
  await db.destroy()
})

afterAll(async () => {
  await app?.stop()
  await pg?.stop()
  await rm(dir, { recursive: true, force: true })
  await rm(`${path.join(dir, 'postgres')}.password`, { force: true })
})

async function get(target: string) {
  const response = await fetch(`${app.baseUrl}${target}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(HANG_MS),
  })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

test('with Postgres stopped the library, its case studies and the public API answer from the index with a notice, the response journey answers 503, and all is normal once Postgres is back', async () => {
  const caseStudyPath = `/library/${slug}`
  const before = await get('/library')
  expect(before.status).toBe(200)
  expect(before.body).not.toContain(NOTICE)
  const title = /<h1 class="govuk-heading-xl">([^<]+)<\/h1>/.exec((await get(caseStudyPath)).body)

  await pg.stop()
  try {
    for (const target of ['/library', '/library?q=autism', caseStudyPath]) {
      const page = await get(target)
      expect(page.status, `${target}\n${app.output().slice(-3000)}`).toBe(200)
      expect(page.body, target).toContain(NOTICE)
    }
    const search = await get('/library?q=autism')
    expect(search.body).toMatch(/href="\/library\/[a-z0-9-]+"/)
    const caseStudy = await get(caseStudyPath)
    expect(title?.[1]).toBeTruthy()
    expect(caseStudy.body).toContain(title![1])
    expect(caseStudy.body).toContain('Cite or share this case study')

    const list = await get('/api/case-studies')
    expect(list.status).toBe(200)
    const listed = JSON.parse(list.body) as { degraded: boolean; results: unknown[] }
    expect(listed.degraded).toBe(true)
    expect(listed.results.length).toBeGreaterThan(0)
    const one = await get(`/api/case-studies/${slug}`)
    expect(one.status).toBe(200)
    expect(JSON.parse(one.body)).toMatchObject({ slug, degraded: true })
    expect((await get('/library/no-such-case-study')).status).toBe(404)

    const journey = await get('/calls/inclusion-in-practice/response')
    expect(journey.status).toBe(503)
    expect(journey.headers.get('Retry-After')).toBe('30')
    expect(journey.body).toContain('Sorry, the service is unavailable')
  } finally {
    pg = await startEmbeddedPostgres({
      dir: path.join(dir, 'postgres'),
      port: pg.port,
      database: 'faults',
    })
  }

  const up = Date.now()
  while ((await get('/healthz').catch(() => null))?.status !== 200) {
    if (Date.now() - up > 60_000) throw new Error(`/healthz did not recover\n${app.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  for (const target of ['/library', '/library?q=autism', caseStudyPath]) {
    const page = await get(target)
    expect(page.status, target).toBe(200)
    expect(page.body, target).not.toContain(NOTICE)
  }
  expect(JSON.parse((await get('/api/case-studies')).body)).toMatchObject({ degraded: false })
  expect((await get('/calls/inclusion-in-practice/response')).status).toBe(302)
})
