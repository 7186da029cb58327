import { readFile } from 'node:fs/promises'
import path from 'node:path'
import getPort from 'get-port'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb, type Database } from '../../db/client'
import { startAppProcess, type AppProcess } from '../setup/app-process'
import { isAlive, postmasterPid } from '../support/app-processes'
import { openCallAnswers } from '../support/open-call-answers'
import {
  prepareCompleteResponse,
  sendPreparedResponse,
  type RespondentClient,
} from '../support/respondent-client'

// The platform runs as `npm start` runs it, with its own embedded Postgres, under a mixed load of
// respondents sending their responses and readers in the library. The Postgres server is killed
// (SIGKILL, as the OOM killer would). The launcher must start it again by itself (its crash
// recovery runs) within 30 seconds, the same app process must answer normally again, and no
// response a respondent was told was sent may be lost. While it is down, a send answers at once
// with the 503 page and Retry-After: never a 500, never a hang.

const RESPONDENTS = 100
const BACK_WITHIN_MS = 30_000
// Under the app's 10 s wait for a connection, so that a request stranded waiting for one (as
// postgres.js did before its patch for porsager/postgres#1195) counts as a hang.
const HANG_MS = 8000
let app: AppProcess
let db: Database
let slug: string
let caseStudyPath: string
const clients: { email: string; client: RespondentClient }[] = []

beforeAll(async () => {
  app = await startAppProcess({
    indexPrefix: 'faults_pgkill_',
    killable: true,
    logLevel: 'info',
    env: {
      RATE_LIMIT_STARTS_PER_HOUR: '1000000',
      DATABASE_POOL_SIZE: '20',
      // Ports of its own rather than the first of the usual ones, which other servers may take.
      EMBEDDED_POSTGRES_PORT: String(await getPort()),
      EMBEDDED_MEILI_PORT: String(await getPort()),
    },
  })
  const { postgresPort } = JSON.parse(
    await readFile(path.join(app.dataDir, 'services.json'), 'utf8'),
  ) as { postgresPort: number }
  const password = (await readFile(path.join(app.dataDir, 'postgres.password'), 'utf8')).trim()
  db = createDb(
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${postgresPort}/inclusion`,
    { max: 2 },
  )
  const { call, answersFor } = await openCallAnswers(db)
  slug = call.slug
  const caseStudy = await db
    .selectFrom('case_studies')
    .select('slug')
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirstOrThrow()
  caseStudyPath = `/library/${caseStudy.slug}`
  // Every respondent fills in a whole response first, ready to send.
  const queue = Array.from({ length: RESPONDENTS }, (_, i) => i)
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const email = `pgkill${i}@faults.example`
        clients.push({
          email,
          client: await prepareCompleteResponse(app.baseUrl, slug, answersFor(email, i)),
        })
      }
    }),
  )
})

afterAll(async () => {
  await db?.destroy()
  await app?.kill()
})

interface Sample {
  at: number
  kind: 'read' | 'send'
  path: string
  status: number | 'error'
  ms: number
  retryAfter: string | null
  unavailablePage: boolean
  error?: string
  email?: string
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A line of the app's log as JSON, or null for a line that is not (npm's, a server's). */
function logEntry(line: string) {
  try {
    return JSON.parse(line) as { time?: string; level?: number; ms?: number }
  } catch {
    return null
  }
}

/**
 * The app's log for a failure message: every line from a second before `from` until `to`, and
 * any request anywhere that took a second or more, or that logged a warning or an error. A
 * request in flight when Postgres died logs its line when the app answers it, or as abandoned
 * when this test gives up on it, with how long it had waited either way.
 */
function logAround(from: number, to: number, limit = 40_000): string {
  const picked = app
    .output()
    .split('\n')
    .filter((line) => {
      const entry = logEntry(line)
      if (!entry) return line.trim() !== ''
      const at = entry.time ? Date.parse(entry.time) : NaN
      return (at >= from - 1000 && at <= to) || (entry.ms ?? 0) >= 1000 || (entry.level ?? 0) >= 40
    })
    .join('\n')
  return picked.length > limit ? `${picked.slice(0, limit)}…` : picked
}

/** The send as a browser makes it: "Send" on check answers, then the confirmation page. */
async function send(client: RespondentClient): Promise<Sample & { reference?: string }> {
  const base = `/calls/${slug}/response`
  const started = performance.now()
  const sample = (response: Response, body: string) => ({
    at: Date.now(),
    kind: 'send' as const,
    path: response.url.replace(app.baseUrl, ''),
    status: response.status,
    ms: performance.now() - started,
    retryAfter: response.headers.get('Retry-After'),
    unavailablePage: body.includes('Sorry, the service is unavailable'),
  })
  try {
    const body = new URLSearchParams({ csrf: client.csrf })
    const sent = await fetch(`${app.baseUrl}${base}/check`, {
      method: 'POST',
      headers: {
        Cookie: client.jar.header(),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(HANG_MS),
    })
    client.jar.store(sent)
    const sentBody = await sent.text()
    if (sent.status !== 302 && sent.status !== 303) return sample(sent, sentBody)
    const confirmation = await fetch(`${app.baseUrl}${base}/confirmation`, {
      headers: { Cookie: client.jar.header() },
      redirect: 'manual',
      signal: AbortSignal.timeout(HANG_MS),
    })
    client.jar.store(confirmation)
    const html = await confirmation.text()
    const reference = html.match(/IIP-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0]
    return { ...sample(confirmation, html), reference }
  } catch (error) {
    return {
      at: Date.now(),
      kind: 'send',
      path: `${base}/check`,
      status: 'error',
      ms: performance.now() - started,
      retryAfter: null,
      unavailablePage: false,
      error: String(error),
    }
  }
}

test('embedded Postgres killed (SIGKILL) under load: started again within 30 s, no sent response lost, 503s meanwhile, the same app answers after', async () => {
  const paths = ['/library', '/library?q=autism', caseStudyPath, '/api/case-studies?need=ASD', '/']
  const samples: Sample[] = []
  const acknowledged = new Map<string, string>()
  const toSend = [...clients]
  const unsent: typeof clients = []
  let running = true

  const reader = async (offset: number) => {
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
          kind: 'read',
          path: target,
          status: response.status,
          ms: performance.now() - started,
          retryAfter: response.headers.get('Retry-After'),
          unavailablePage: body.includes('Sorry, the service is unavailable'),
        })
      } catch (error) {
        samples.push({
          at: Date.now(),
          kind: 'read',
          path: target,
          status: 'error',
          ms: performance.now() - started,
          retryAfter: null,
          unavailablePage: false,
          error: String(error),
        })
      }
    }
  }
  // Respondents send one after another, paced so that sends fall before, during and after.
  const sender = async () => {
    while (running && toSend.length > 0) {
      const next = toSend.shift()!
      const result = await send(next.client)
      samples.push({ ...result, email: next.email })
      if (result.reference) acknowledged.set(next.email, result.reference)
      else unsent.push(next)
      await wait(150)
    }
  }
  const load = [...Array.from({ length: 3 }, (_, i) => reader(i)), sender(), sender()]

  await wait(3000)
  const killedPid = postmasterPid(app.dataDir)
  process.kill(killedPid, 'SIGKILL')
  const killed = Date.now()

  // Back: a new postmaster, and the app's /healthz answering 200 again.
  let back = 0
  let newPid = 0
  while (!back) {
    if (Date.now() - killed > BACK_WITHIN_MS) {
      running = false
      await Promise.all(load)
      throw new Error(`Postgres was not back within 30 s:\n${logAround(killed, Date.now())}`)
    }
    await wait(200)
    newPid = (() => {
      try {
        return postmasterPid(app.dataDir)
      } catch {
        return 0
      }
    })()
    if (newPid === killedPid || !isAlive(newPid)) continue
    const health = await fetch(`${app.baseUrl}/healthz`).catch(() => null)
    if (health?.status === 200) back = Date.now()
  }
  // Load goes on for a while after.
  await wait(5000)
  running = false
  await Promise.all(load)

  // Every response a respondent was told was sent is in Postgres; any other there was saved by a
  // "Send" answered with the redirect to its confirmation, which then met the outage.
  const sendsRedirected = new Set(
    samples
      .filter((s) => s.kind === 'send' && s.path.endsWith('/confirmation'))
      .map((s) => s.email),
  )
  const saved = await db
    .selectFrom('submissions')
    .select(['respondent_email', 'reference'])
    .where('respondent_email', 'like', '%@faults.example')
    .where('status', '=', 'submitted')
    .execute()
  const savedBy = new Map(saved.map((row) => [row.respondent_email, row.reference]))
  for (const [email, reference] of acknowledged) expect(savedBy.get(email), email).toBe(reference)
  const savedUnheard = saved.filter((row) => !acknowledged.has(row.respondent_email!))
  for (const row of savedUnheard)
    expect(sendsRedirected.has(row.respondent_email!), row.respondent_email!).toBe(true)
  const acknowledgedFirst = acknowledged.size

  // Those whose send failed send again.
  for (const { email, client } of [...unsent, ...toSend]) {
    acknowledged.set(
      email,
      await sendPreparedResponse(client, slug).catch((error: unknown) => {
        throw new Error(`${String(error)} after recovery:\n${app.output().slice(-3000)}`)
      }),
    )
  }

  // Never a 500, an error or a hang; while it was down, a send was the 503 page with Retry-After.
  const problems = samples.filter((s) => s.status === 'error' || s.status === 500)
  expect(
    problems,
    `${JSON.stringify(problems)} killed ${killed} back ${back}\n${logAround(killed, killed + 15_000)}`,
  ).toEqual([])
  expect(Math.max(...samples.map((s) => s.ms))).toBeLessThan(HANG_MS)
  const refusedSends = samples.filter((s) => s.kind === 'send' && s.status !== 200)
  for (const sample of refusedSends) {
    expect(sample.status, JSON.stringify(sample)).toBe(503)
    expect(sample.retryAfter, JSON.stringify(sample)).toBe('30')
    expect(sample.unavailablePage, JSON.stringify(sample)).toBe(true)
  }
  expect(refusedSends.length, 'some sends met the outage').toBeGreaterThan(0)
  for (const sample of samples.filter((s) => s.status !== 200 && s.status !== 302))
    expect(sample.status, JSON.stringify(sample)).toBe(503)
  const after = samples.filter((s) => s.at > back + 1000)
  expect(after.length).toBeGreaterThan(10)
  expect(after.filter((s) => s.status !== 200 && s.status !== 302)).toEqual([])

  // Restarted by the launcher, with the same app process still running.
  process.kill(app.pid, 0)
  const output = app.output()
  expect(output).toContain('embedded Postgres stopped unexpectedly; restarting')
  expect(output).toContain('embedded Postgres started again')

  // Nothing sent was lost: every respondent's response is in Postgres once, as they were told.
  const rows = await db
    .selectFrom('submissions')
    .select(['respondent_email', 'reference', 'status'])
    .where('respondent_email', 'like', '%@faults.example')
    .execute()
  expect(rows).toHaveLength(RESPONDENTS)
  expect(acknowledged.size).toBe(RESPONDENTS)
  for (const row of rows) {
    expect(row.status, row.respondent_email!).toBe('submitted')
    expect(row.reference, row.respondent_email!).toBe(acknowledged.get(row.respondent_email!))
  }
  const during = samples.filter((s) => s.at > killed && s.at < back)
  console.log(
    `faults: embedded Postgres (pid ${killedPid}) killed under load; pid ${newPid} answering ${((back - killed) / 1000).toFixed(1)} s later without restarting the app; ${during.length} requests meanwhile (${during.filter((s) => s.status === 503).length} answered 503, slowest ${Math.round(Math.max(0, ...during.map((s) => s.ms)))} ms), none 500 or hung; ${acknowledgedFirst} responses acknowledged during the load, all in Postgres (${savedUnheard.length} more saved whose confirmation page met the outage); ${refusedSends.length} sends answered 503 and the other ${RESPONDENTS - acknowledgedFirst} responses sent after; ${rows.length} submissions in Postgres, one per respondent.`,
  )
})
