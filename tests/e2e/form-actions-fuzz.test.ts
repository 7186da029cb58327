import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb, type Database } from '../../db/client'
import type { AppProcess } from '../setup/app-process'
import { startAppOnFreshDatabase } from '../setup/test-database'
import { matrix, samples, urlFor, visitor, VISITORS, type Visitor } from '../support/route-access'

// Every route with a form action, found from the route folders, gets random and hostile posts
// (fast-check) from a visitor allowed to see it, with a valid CSRF token, and one post without
// the token (refused with a 403; the test-only /dev routes, absent in production, have none). None
// may answer 500: bad input is a page with errors or a 4xx. The app here is one
// of this test's own, so destructive actions (closing a call, merging terms) harm no other test.

const RUNS_PER_ACTION = 12
const routesDir = path.resolve(import.meta.dirname, '../../app/routes')
let app: AppProcess
let db: Database

beforeAll(async () => {
  let databaseUrl: string
  ;({ app, databaseUrl } = await startAppOnFreshDatabase('fuzz', {
    env: { RATE_LIMIT_SIGN_INS_PER_HOUR: '100000', RATE_LIMIT_STARTS_PER_HOUR: '100000' },
  }))
  db = createDb(databaseUrl, { max: 2 })
})

afterAll(async () => {
  await app?.stop()
  await db?.destroy()
})

function hasAction(route: string): boolean {
  const file = ['route.tsx', 'route.ts']
    .map((name) => path.join(routesDir, route, name))
    .find((candidate) => existsSync(candidate))
  return !!file && /export (async function|const) action\b/.test(readFileSync(file, 'utf8'))
}

/** The first kind of visitor the matrix lets use the page; else an admin. */
function allowedVisitor(route: string): Visitor {
  const row = matrix[route]!
  return VISITORS.find((_, i) => row[i] === 200 || row[i] === 'response') ?? 'admin'
}

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '99999999999999999999999',
    '1e309',
    'NaN',
    'true',
    'null',
    '[]',
    '{"__proto__":{"admin":true}}',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "Robert'); DROP TABLE users;--",
    '../../etc/passwd',
    '\u0000\u0001',
    '2026-02-30',
    'x'.repeat(100_000),
    'new',
    'publish',
    'merge',
    'close',
    'deactivate',
  ),
)

test('random and hostile posts to every form action get a page or a 4xx, never a 500; without the CSRF token, a 403', async () => {
  // Respondents' and the public's actions first: staff actions that succeed by chance (closing
  // the call, say) must not change what those test.
  const publicFirst = (route: string) =>
    ['anonymous', 'respondent'].includes(allowedVisitor(route)) ? 0 : 1
  const routes = readdirSync(routesDir)
    .filter(hasAction)
    .sort((a, b) => publicFirst(a) - publicFirst(b))
  expect(routes.length).toBeGreaterThan(25)
  const values = await samples(db)
  const failures: string[] = []
  let posts = 0
  for (const route of routes) {
    const began = performance.now()
    const url = urlFor(route, values)
    const kind = allowedVisitor(route)
    const client = await visitor(app.baseUrl, kind)
    const page = await client.get(url)
    // First, before anything the random posts do to this visitor's session: no token, no change.
    const tokenless = await fetch(`${app.baseUrl}${url}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: client.jar.header(),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ intent: 'save' }),
    })
    posts++
    // A page that is not found for this visitor is not found without a token either.
    const refused = matrix[route]![VISITORS.indexOf(kind)] === 404 ? 404 : 403
    if (tokenless.status !== refused && !route.startsWith('dev.'))
      failures.push(`${route} ${url} without a CSRF token → ${tokenless.status}`)
    // The page's own field names, and a few it never asked for.
    const names = [
      ...new Set(
        [...page.html.matchAll(/name="([^"]+)"/g)]
          .map((m) => m[1]!)
          .filter((name) => name !== 'csrf'),
      ),
    ]
    const fields = fc.dictionary(
      fc.oneof(fc.constantFrom(...names, 'intent', 'unexpected'), fc.string({ maxLength: 20 })),
      fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })),
      { maxKeys: 12 },
    )
    await fc.assert(
      fc.asyncProperty(fields, async (form) => {
        const result = await client.post(url, form)
        posts++
        if (result.status >= 500)
          failures.push(`${route} ${url} ${JSON.stringify(form).slice(0, 200)} → ${result.status}`)
      }),
      { numRuns: RUNS_PER_ACTION },
    )
    if (process.env.FUZZ_DEBUG)
      console.log(route, kind, Math.round(performance.now() - began), 'ms')
  }
  expect(failures).toEqual([])
  console.log(
    `form actions: ${routes.length} actions, ${posts} posts (${RUNS_PER_ACTION} random each, and one without its token): no 500, every tokenless post refused.`,
  )
}, 600_000)

test('random and hostile query parameters on every page and API get a page or a 4xx, never a 500', async () => {
  const routes = readdirSync(routesDir)
  const values = await samples(db)
  // Every parameter a page or the API reads, and some none does.
  const known = [
    'q',
    'need',
    'practice',
    'phase',
    'setting',
    'region',
    'evidence',
    'sort',
    'page',
    'per_page',
    'format',
    'status',
    'call',
    'consent',
    'audience',
    'area',
    'assigned',
    'flagged',
    'returnTo',
    'urn',
    'school',
    'like',
    'done',
    'twoFactor',
    'passwordSet',
    'action',
    'actor',
    'from',
    'to',
  ]
  const query = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 })), hostile),
    { maxLength: 8 },
  )
  const failures: string[] = []
  let requests = 0
  const clients = new Map<Visitor, Awaited<ReturnType<typeof visitor>>>()
  for (const route of routes) {
    const kind = allowedVisitor(route)
    if (!clients.has(kind)) clients.set(kind, await visitor(app.baseUrl, kind))
    const client = clients.get(kind)!
    const url = urlFor(route, values)
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const search = new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 2000)]))
        const result = await client.get(`${url}?${search}`)
        requests++
        if (result.status >= 500)
          failures.push(`${kind} ${url}?${search.toString().slice(0, 200)} → ${result.status}`)
      }),
      { numRuns: 8 },
    )
  }
  expect(failures).toEqual([])
  console.log(
    `query parameters: ${routes.length} routes, ${requests} requests with random and hostile parameters: no 500.`,
  )
}, 600_000)
