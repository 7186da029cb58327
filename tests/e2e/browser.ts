import { existsSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)

export async function launchBrowser(): Promise<Browser> {
  if (!executablePath) throw new Error('Chromium not found: install Debian’s chromium package or set CHROMIUM_PATH')
  return chromium.launch({
    executablePath,
    headless: true,
    // This machine has no network beyond localhost; these keep Chromium from trying.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export async function newContext(browser: Browser, options: { javaScript: boolean }): Promise<BrowserContext> {
  return browser.newContext({ baseURL: inject('baseUrl'), javaScriptEnabled: options.javaScript })
}

/** Runs axe against WCAG 2.2 A and AA and fails with a readable list of what it found. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze()
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
  )
  expect(found, `axe found accessibility problems on ${page.url()}`).toEqual([])
}
