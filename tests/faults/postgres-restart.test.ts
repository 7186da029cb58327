import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { createDb } from '../../db/client'
import { startEmbeddedPostgres, type RunningPostgres } from '../../db/embedded-postgres'
import { startAppProcess, type AppProcess } from '../setup/app-process'

// Postgres is stopped and started again under a steady load. The app must not hang or show a
// 500: while Postgres is away, what needs it answers at once with a 503 page and Retry-After;
// once it is back, the same app process reconnects by itself and /healthz recovers.

const HANG_MS = 15_000
let dir: string
let pg: RunningPostgres
let app: AppProcess
let caseStudyPath: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iip-faults-pg-'))
  pg = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), database: 'faults' })
  // The app migrates the empty database and seeds the demo data, as `npm start` does.
  app = await startAppProcess({
    databaseUrl: pg.url,
    meiliUrl: inject('meiliUrl'),
    meiliMasterKey: inject('meiliMasterKey'),
    indexPrefix: `faults_pg_${Date.now()}_`,
  })
  const db = createDb(pg.url, { max: 1 })
  const { slug } = await db
    .selectFrom('case_studies')
    .select('slug')
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirstOrThrow()
  await db.destroy()
  caseStudyPath = `/library/${slug}`
})

afterAll(async () => {
  await app?.stop()
  await pg?.stop()
  await rm(dir, { recursive: true, force: true })
  await rm(`${path.join(dir, 'postgres')}.password`, { force: true })
})

interface Sample {
  at: number
  path: string
  status: number | 'error'
  ms: number
  unavailablePage: boolean
  retryAfter: string | null
  error?: string
}

test('Postgres restarted under load: 503 pages (never a 500 or a hang) while it is down, and recovery without restarting the app', async () => {
  const paths = [
    '/',
    '/library',
    '/library?q=autism',
    caseStudyPath,
    '/calls/inclusion-in-practice',
    '/api/case-studies?need=ASD',
    '/sign-in',
    '/healthz',
  ]
  const samples: Sample[] = []
  let running = true
  const worker = async (offset: number) => {
    for (let i = offset; running; i++) {
      const target = paths[i % paths.length]!
      const started = performance.now()
      try {
        const response = await fetch(`${app.baseUrl}${target}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(HANG_MS),
        })
        const body = await response.text()
        samples.push({
          at: Date.now(),
          path: target,
          status: response.status,
          ms: performance.now() - started,
          unavailablePage: body.includes('Sorry, the service is unavailable'),
          retryAfter: response.headers.get('Retry-After'),
        })
      } catch (error) {
        samples.push({
          at: Date.now(),
          path: target,
          status: 'error',
          ms: performance.now() - started,
          unavailablePage: false,
          retryAfter: null,
          error: String(error),
        })
      }
    }
  }
  const workers = Array.from({ length: 6 }, (_, i) => worker(i))
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  await wait(3000)
  const stopping = Date.now()
  await pg.stop()
  const down = Date.now()
  await wait(6000)
  const restarting = Date.now()
  pg = await startEmbeddedPostgres({
    dir: path.join(dir, 'postgres'),
    port: pg.port,
    database: 'faults',
  })
  const up = Date.now()
  let healthy = 0
  while (!healthy) {
    const health = await fetch(`${app.baseUrl}/healthz`).catch(() => null)
    if (health?.status === 200) healthy = Date.now()
    else if (Date.now() - up > 60_000)
      throw new Error(
        `/healthz did not recover within 60 s: ${health?.status} ${await health?.text()}\n${app.output().slice(-3000)}`,
      )
    else await wait(200)
  }
  // Long enough for a connection that died while held to be handed out again, were it reused.
  await wait(5000)
  running = false
  await Promise.all(workers)

  const during = samples.filter((s) => s.at > down && s.at < restarting)
  const after = samples.filter((s) => s.at > healthy + 1000)
  const problems = samples.filter((s) => s.status === 'error' || s.status === 500)
  expect(
    problems,
    `${JSON.stringify(problems.map((p) => [p.path, Math.round(p.at - p.ms - down), p.status, p.error]))} stopping ${stopping} down ${down} restarting ${restarting} up ${up} healthy ${healthy}\n${app.output().slice(-3000)}`,
  ).toEqual([])
  expect(Math.max(...samples.map((s) => s.ms))).toBeLessThan(HANG_MS)

  // Down: every page that needs Postgres is the 503 page with Retry-After; nothing else fails.
  expect(during.length).toBeGreaterThan(20)
  for (const sample of during) {
    if (sample.status === 503 && sample.path !== '/healthz' && !sample.path.startsWith('/api/')) {
      expect(sample.unavailablePage, sample.path).toBe(true)
      expect(sample.retryAfter, sample.path).toBe('30')
    } else if (sample.status !== 503) {
      expect([200, 302], `${sample.path} ${sample.status}`).toContain(sample.status)
    }
  }
  const unavailable = during.filter((s) => s.status === 503)
  expect(unavailable.length, 'the outage was seen').toBeGreaterThan(10)
  expect(during.filter((s) => s.path === '/healthz').every((s) => s.status === 503)).toBe(true)

  // Back: the same process answers everything again.
  expect(after.length).toBeGreaterThan(10)
  expect(after.filter((s) => s.status !== 200 && s.status !== 302)).toEqual([])
  process.kill(app.pid, 0)
  const worst = Math.max(...during.map((s) => s.ms))
  console.log(
    `faults: Postgres stopped in ${down - stopping} ms and was down ${((restarting - down) / 1000).toFixed(1)} s under 6 connections; ${during.length} requests meanwhile, ${unavailable.length} answered 503 (slowest ${Math.round(worst)} ms), none 500 or hung; /healthz healthy ${healthy - up} ms after Postgres was back; ${after.length} requests after, all answered.`,
  )
})
