import { existsSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { recordDocuments } from '../support/html-validity'

const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)
const javaScriptOff = new WeakSet<BrowserContext>()
const scanPages = new WeakMap<Browser, Promise<Page>>()

async function launchBrowser(): Promise<Browser> {
  if (!executablePath)
    throw new Error('Chromium not found: install Debian’s chromium package or set CHROMIUM_PATH')
  return chromium.launch({
    executablePath,
    headless: true,
    // This machine has no network beyond localhost; these keep Chromium from trying.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * One Chromium for the tests of a file: launched before them and closed after them. Its
 * `newContext` opens a fresh browser context (own cookies), with or without JavaScript.
 */
export function browserForFile() {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    newContext: (options: { javaScript: boolean }) => {
      if (!browser) throw new Error('The browser starts before the tests: open contexts in a test')
      return newContext(browser, options)
    },
  }
}

async function newContext(
  browser: Browser,
  options: { javaScript: boolean },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    javaScriptEnabled: options.javaScript,
  })
  if (!options.javaScript) javaScriptOff.add(context)
  // Every document its pages load is kept for the HTML validity test (html-validity.test.ts).
  recordDocuments(context, path.basename(expect.getState().testPath ?? 'a browser test'))
  // Fail within seconds with Playwright's own message, well before the test's timeout.
  context.setDefaultTimeout(15_000)
  return context
}

/**
 * Waits for the page whose main heading is `text` (client-side navigation changes the URL first)
 * and for the rest of its document.
 */
export async function expectHeading(page: Page, text: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor()
  // Pages stream: the heading can show before the end of the document has arrived, so wait for
  // the whole of it before a test counts what is on the page.
  await page.waitForLoadState('load')
  // With JavaScript, React hydrates after the load, in its own time: a test that ticked a box
  // before then saw React set it back (the root layout marks the document once hydrated).
  if (!javaScriptOff.has(page.context()))
    await page.waitForFunction(() => 'hydrated' in document.documentElement.dataset)
}

/**
 * Runs axe against WCAG 2.2 A and AA and fails with a readable list of what it found. Axe is a
 * script, so a page in a no-JavaScript context is scanned as a snapshot: its HTML, without
 * scripts, loaded on the same origin (so its styles apply) in a page where axe can run.
 */
export async function expectAccessible(page: Page) {
  let target = page
  if (javaScriptOff.has(page.context())) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '')
    const browser = page.context().browser()!
    let scan = scanPages.get(browser)
    if (!scan) {
      scan = browser.newContext({ baseURL: inject('baseUrl') }).then(async (context) => {
        const scanPage = await context.newPage()
        await scanPage.goto('/healthz')
        return scanPage
      })
      scanPages.set(browser, scan)
    }
    target = await scan
    await target.setContent(html, { waitUntil: 'load' })
  }
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze()
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  )
  expect(found, `axe found accessibility problems on ${page.url()}`).toEqual([])
}

/** Signs a demo staff account in, through the sign-in page. */
export async function signIn(page: Page, role: 'moderator' | 'advisory' | 'admin') {
  const account = demoAccounts.find((a) => a.role === role)!
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expectHeading(page, 'Your account')
}
