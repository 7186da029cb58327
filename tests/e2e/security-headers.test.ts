import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, inject, test } from 'vitest'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { RespondentClient } from '../support/respondent-client'
import { browserForFile, expectHeading } from './browser'

const browser = browserForFile()

test('pages carry a strict Content-Security-Policy whose nonce is on every inline script', async () => {
  const response = await fetch(`${inject('baseUrl')}/library`)
  const policy = response.headers.get('content-security-policy') ?? ''
  expect(policy).toContain("default-src 'self'")
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/)
  expect(policy).not.toContain('unsafe-inline')
  expect(policy).not.toContain('unsafe-eval')
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("object-src 'none'")
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  // Not production: no HSTS, and no upgrading of requests on plain-HTTP localhost.
  expect(response.headers.get('strict-transport-security')).toBeNull()
  expect(policy).not.toContain('upgrade-insecure-requests')

  const nonce = /'nonce-([^']+)'/.exec(policy)![1]
  const html = await response.text()
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!)
  expect(inline.length).toBeGreaterThan(0)
  for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`)

  const again = await fetch(`${inject('baseUrl')}/library`)
  expect(again.headers.get('content-security-policy')).not.toContain(nonce)
})

test('every response has a nonce of its own, 16 random bytes, over many responses', async () => {
  // The nonces are drawn from a buffer of random bytes refilled every 256 responses: more than
  // twice that many are asked for here, so the refills are crossed.
  const nonces: string[] = []
  for (let batch = 0; batch < 30; batch++) {
    const policies = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${inject('baseUrl')}/healthz`).then(async (response) => {
          await response.arrayBuffer()
          return response.headers.get('content-security-policy') ?? ''
        }),
      ),
    )
    for (const policy of policies) nonces.push(/'nonce-([^']+)'/.exec(policy)![1]!)
  }
  expect(new Set(nonces).size).toBe(nonces.length)
  for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
})

test('with JavaScript on, a journey through the site raises no Content-Security-Policy violation', async () => {
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(message.text())
  })
  await page.goto('/')
  await expectHeading(page, 'Inclusion in Practice')
  await page.getByRole('button', { name: 'Search the practice library' }).click()
  await expectHeading(page, 'Practice library')
  await page.getByRole('checkbox', { name: /^Autistic spectrum disorder/ }).check()
  await page.waitForURL(/need=ASD/)
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.locator('.govuk-error-summary').waitFor()
  expect(violations).toEqual([])
  await context.close()
})

test('no page shows the Meilisearch master key', async () => {
  const key = inject('meiliMasterKey')
  for (const path of ['/', '/library', '/library?q=autism', '/sign-in', '/api/case-studies']) {
    expect(await (await fetch(`${inject('baseUrl')}${path}`)).text(), path).not.toContain(key)
  }
})

test('the client bundle holds no secret and no search engine client: the browser never talks to Meilisearch', async () => {
  const assets = path.resolve(import.meta.dirname, '../../build/client/assets')
  const files = (await readdir(assets)).filter((name) => name.endsWith('.js'))
  expect(files.length).toBeGreaterThan(5)
  const key = inject('meiliMasterKey')
  for (const name of files) {
    const source = await readFile(path.join(assets, name), 'utf8')
    for (const secret of [
      key,
      'MEILI_MASTER_KEY',
      'SESSION_SECRET',
      'NOTIFY_API_KEY',
      'DATABASE_URL',
    ])
      expect(
        source.includes(secret),
        `${name} mentions ${secret === key ? 'the key' : secret}`,
      ).toBe(false)
    // The meilisearch client's own identifiers: the library is server-side only.
    expect(/MeiliSearchApiError|X-Meilisearch-Client/.test(source), name).toBe(false)
  }
})

test('signing in always starts a new session and ends the one the browser had; signing out ends it', async () => {
  const session = (client: RespondentClient) =>
    /iip_session=([^;]+)/.exec(client.jar.header())?.[1] ?? null
  const account = demoAccounts.find((a) => a.role === 'moderator')!
  const client = new RespondentClient(inject('baseUrl'))
  const signInAs = async () => {
    await client.get('/sign-in')
    await client.get('/sign-out')
    const result = await client.post('/sign-in', {
      email: account.email,
      password: account.password,
    })
    expect(result.location).toBe('/account')
    return session(client)!
  }
  const first = await signInAs()
  const second = await signInAs()
  expect(second).not.toBe(first)
  const withCookie = (value: string) =>
    fetch(`${inject('baseUrl')}/account`, {
      headers: { Cookie: `iip_session=${value}` },
      redirect: 'manual',
    })
  expect((await withCookie(first)).status, 'the replaced session is over').toBe(302)
  expect((await withCookie(second)).status).toBe(200)

  await client.get('/sign-out')
  expect((await client.post('/sign-out', {})).status).toBe(302)
  expect((await withCookie(second)).status, 'signed out').toBe(302)
})

test('the home page and the library give an anonymous reader no cookie; a page with a form does', async () => {
  const cookies = async (path: string) =>
    (await fetch(`${inject('baseUrl')}${path}`)).headers.getSetCookie()
  expect(await cookies('/')).toEqual([])
  expect(await cookies('/library')).toEqual([])
  expect(await cookies('/sign-in')).not.toEqual([])
})

for (const javaScript of [true, false]) {
  test(`from the home page, a school reads about the call and starts a response (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
    // The home page issued no CSRF token; the call's page, whose form posts, must.
    const context = await browser.newContext({ javaScript })
    const page = await context.newPage()
    await page.goto('/')
    await page.getByRole('link', { name: 'Read about the call for evidence' }).click()
    await page.getByRole('button', { name: 'Start now' }).click()
    await expectHeading(page, 'Your response')
    await context.close()
  })
}
