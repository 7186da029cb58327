import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { expect, inject, test } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { hashPassword } from '../../app/accounts/passwords.server'
import { insertSample } from '../../db/repositories/double-coding'
import {
  enableTwoFactor,
  insertAccountLink,
  insertInvitedUser,
  setPendingTwoFactor,
  upsertUser,
} from '../../db/repositories/users'
import { appDatabaseForFile } from '../support/app-database'
import { recordedPagesDir, validateHtml, type PageRecord } from '../support/html-validity'
import { openCallAnswers } from '../support/open-call-answers'
import {
  prepareCompleteResponse,
  RespondentClient,
  sendPreparedResponse,
  type StepResult,
} from '../support/respondent-client'
import { samples, urlFor, visitor, VISITORS } from '../support/route-access'

// Every page must be valid HTML in the Nu HTML Checker (vnu-jar from npm, run with the machine's
// Java), as the server sends it. Checked here, in one run of the checker:
// - one page of every route in app/routes, as each kind of visitor (the route folders are read,
//   so a new route is checked without being listed), and the states a plain GET does not reach:
//   a response filled in and sent, forms sent empty, a live set-password link, a second coding,
//   the two-factor code page;
// - every document the other browser tests loaded in this run (tests/e2e/browser.ts records them;
//   vitest.config.ts runs this file after the other browser tests).

const db = appDatabaseForFile()
const routesDir = path.resolve(import.meta.dirname, '../../app/routes')
const workDir = path.resolve(import.meta.dirname, '../.artifacts/html-validity')

// Page routes whose own page is never a 2xx document: the rest must each give one below.
const noPageOfTheirOwn: Record<string, string> = {
  $: 'the 404 page for any other address',
  'calls.$slug.return.$token': 'an emailed link: it redirects, or shows the 410 error page',
  'dev.mailbox': 'absent where GOV.UK Notify is configured, as in these tests (404)',
}

/** Routes that render a page (a default export), not resource routes. */
function pageRoutes(routes: string[]): string[] {
  return routes.filter((route) => {
    const file = ['route.tsx', 'route.ts']
      .map((name) => path.join(routesDir, route, name))
      .find((candidate) => existsSync(candidate))
    return !!file && /^export default\b/m.test(readFileSync(file, 'utf8'))
  })
}

/** A recorded page's label ("GET /follow-up/running (200, in …)") for a 2xx page of the route. */
function routePattern(route: string): RegExp {
  const parts = route
    .split('.')
    .filter((part) => part !== '_index')
    .map((part) =>
      part.startsWith('$')
        ? '[^/?]+'
        : part.replace(/_$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
  return new RegExp(`^GET /${parts.join('/')}(\\?[^ ]*)? \\(2\\d\\d`)
}

const isHtml = (result: StepResult) => /^<!DOCTYPE html>/i.test(result.html)

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

test('every route and every page the browser tests visit is valid HTML (Nu HTML Checker)', async () => {
  const started = Date.now()
  const baseUrl = inject('baseUrl')
  const pages: (PageRecord & { route?: string; status?: number })[] = []
  const keep = (who: string, method: string, url: string, result: StepResult, route?: string) => {
    if (isHtml(result))
      pages.push({
        label: `${method} ${url} (${result.status}, as ${who})`,
        html: result.html,
        route,
        status: result.status,
      })
  }

  // One page of every route, as each kind of visitor.
  const routes = readdirSync(routesDir)
  const values = await samples(db)
  const clients = Object.fromEntries(
    await Promise.all(VISITORS.map(async (kind) => [kind, await visitor(baseUrl, kind)] as const)),
  )
  // A route with no sample value in route-access.ts is left out here, so the check below names it
  // (a page route) while the pages found are still checked.
  const urls = routes.flatMap((route) => {
    try {
      return [[route, urlFor(route, values)] as const]
    } catch {
      return []
    }
  })
  for (const kind of VISITORS) {
    for (const [route, url] of urls) keep(kind, 'GET', url, await clients[kind]!.get(url), route)
  }

  // A response with every answer and a file: each of its pages filled in, then sent.
  const { call, answersFor } = await openCallAnswers(db)
  const base = `/calls/${call.slug}`
  const email = `html.validity.${randomBytes(4).toString('hex')}@school.example`
  const filled = await prepareCompleteResponse(baseUrl, call.slug, answersFor(email, 0), {
    file: { name: 'Plan.png', type: 'image/png', bytes: png },
  })
  for (const step of [
    '',
    'about-you',
    'organisation',
    'school',
    'schools',
    'practice',
    'story',
    'impact',
    'files',
    'consent',
    'check',
    'save',
  ]) {
    const url = `${base}/response${step ? `/${step}` : ''}`
    const route = `calls.$slug.response.${step || '_index'}`
    keep('respondent', 'GET', url, await filled.get(url), route)
  }
  keep(
    'respondent',
    'POST',
    `${base}/response/save`,
    await filled.post(`${base}/response/save`, {}),
  )
  const reference = await sendPreparedResponse(filled, call.slug)
  for (const step of ['confirmation', 'status']) {
    const url = `${base}/response/${step}`
    keep('respondent', 'GET', url, await filled.get(url), `calls.$slug.response.${step}`)
  }

  // Each form of a new response, sent empty: the pages with their errors.
  const empty = await visitor(baseUrl, 'respondent')
  for (const step of [
    'about-you',
    'organisation',
    'school',
    'schools',
    'practice',
    'story',
    'impact',
    'files',
    'consent',
    'check',
  ]) {
    const url = `${base}/response/${step}`
    keep('respondent', 'POST', url, await empty.post(url, { intent: 'continue' }))
  }
  const anonymous = new RespondentClient(baseUrl)
  await anonymous.get('/sign-in')
  keep(
    'anonymous',
    'POST',
    '/sign-in',
    await anonymous.post('/sign-in', { email: email, password: 'not the password' }),
  )
  for (const url of ['/feedback', `${base}/return`]) {
    await anonymous.get(url)
    keep('anonymous', 'POST', url, await anonymous.post(url, {}))
  }
  for (const url of ['/admin/calls/new', '/admin/staff/invite']) {
    await clients.admin!.get(url)
    keep('admin', 'POST', url, await clients.admin!.post(url, {}))
  }

  // The sent response in the double-coding sample: its second coding, for a moderator.
  const { id: submissionId } = await db
    .selectFrom('submissions')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow()
  // Asked for by the demo administrator (the sample value for staff ids).
  await insertSample(db, submissionId, values.$id!)
  const secondCoding = `/moderate/${reference}/second-coding`
  keep(
    'moderator',
    'GET',
    secondCoding,
    await clients.moderator!.get(secondCoding),
    'moderate.$reference.second-coding',
  )

  // A live set-password link, and its form sent empty.
  const invited = await insertInvitedUser(db, {
    name: 'Val Idator',
    email: `invited.${randomBytes(4).toString('hex')}@staff.example`,
    roles: ['advisory'],
  })
  const token = randomBytes(32).toString('base64url')
  await insertAccountLink(db, {
    tokenHash: createHash('sha256').update(token).digest('hex'),
    userId: invited!.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  })
  const setPassword = `/set-password/${token}`
  keep('anonymous', 'GET', setPassword, await anonymous.get(setPassword), 'set-password.$token')
  keep('anonymous', 'POST', setPassword, await anonymous.post(setPassword, {}))

  // Staff with two-factor sign-in: the code page after the password, and it sent empty.
  const password = 'plum lantern quarry seven'
  const twoFactorEmail = `two.factor.${randomBytes(4).toString('hex')}@staff.example`
  const { id: twoFactorId } = await upsertUser(db, {
    email: twoFactorEmail,
    name: 'Tomos Twofactor',
    roles: ['moderator'],
    passwordHash: await hashPassword(password),
  })
  // The code page never reads the secret; only a code sent would.
  await setPendingTwoFactor(db, twoFactorId, 'v1.unused.unused.unused')
  await enableTwoFactor(db, twoFactorId, 0)
  const twoFactor = new RespondentClient(baseUrl)
  await twoFactor.get('/sign-in')
  await twoFactor.post('/sign-in', { email: twoFactorEmail, password })
  keep(
    'staff with two-factor sign-in',
    'GET',
    '/sign-in/two-factor',
    await twoFactor.get('/sign-in/two-factor'),
    'sign-in_.two-factor',
  )
  keep(
    'staff with two-factor sign-in',
    'POST',
    '/sign-in/two-factor',
    await twoFactor.post('/sign-in/two-factor', { code: '' }),
  )

  // What the other browser tests loaded in this run.
  const recorded = existsSync(recordedPagesDir)
    ? readdirSync(recordedPagesDir).filter((name) => name.endsWith('.html'))
    : []
  const recordedLabels: string[] = []
  for (const name of recorded) {
    const file = path.join(recordedPagesDir, name)
    pages.push({
      label: readFileSync(file.replace(/\.html$/, '.label'), 'utf8'),
      html: readFileSync(file, 'utf8'),
    })
    recordedLabels.push(pages.at(-1)!.label)
  }

  // Every route that renders a page was checked with a page of its own.
  const unchecked = pageRoutes(routes).filter(
    (route) =>
      !(route in noPageOfTheirOwn) &&
      !pages.some((page) => page.route === route && page.status! >= 200 && page.status! < 300) &&
      // Pages reached only through a journey (the follow-up pages need the session an emailed
      // link opens): a browser test loaded one with a 2xx status, and it is checked below.
      !recordedLabels.some((label) => routePattern(route).test(label)),
  )
  // Soft: the pages found are checked and reported as well.
  expect
    .soft(
      unchecked,
      'page routes with no 2xx page checked here: give each a sample value in route-access.ts, ' +
        'or the state that shows its page above, or a reason in noPageOfTheirOwn',
    )
    .toEqual([])

  rmSync(workDir, { recursive: true, force: true })
  const collected = Date.now()
  const errors = await validateHtml(pages, workDir)
  console.log(
    `Nu HTML Checker: ${pages.length} pages (${recorded.length} recorded by the browser tests) ` +
      `collected in ${((collected - started) / 1000).toFixed(1)} s, checked in ` +
      `${((Date.now() - collected) / 1000).toFixed(1)} s: ${errors.length} errors.`,
  )
  const byPage = new Map<string, string[]>()
  for (const error of errors)
    byPage
      .set(error.label, byPage.get(error.label) ?? [])
      .get(error.label)!
      .push(`line ${error.line}: ${error.message} [${error.extract}]`)
  expect(
    [...byPage].map(([label, messages]) => `${label}\n  ${messages.join('\n  ')}`),
    'pages the Nu HTML Checker finds errors in',
  ).toEqual([])
})
