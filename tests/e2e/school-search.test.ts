import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { demoCallSlug } from '../../seeds/seed'
import { appDatabaseForFile } from '../support/app-database'
import { browserForFile, expectAccessible, expectHeading } from './browser'

const browser = browserForFile()
const db = appDatabaseForFile()

/** The schools shown as choices on the page. */
const choices = (page: Page) => page.locator('input[name="urn"]')

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a school search for a common word says how many schools match in all and pages to a school beyond the first page', async () => {
      // The register's own count of open schools with "primary" in their name, town or local
      // authority: what the page must say, however many it shows at once.
      const { total } = await sql<{ total: number }>`
        SELECT count(*)::int AS total FROM establishments
        WHERE status_code IN (1, 3, 4)
          AND (name ILIKE '%primary%' OR town ILIKE '%primary%' OR la_name ILIKE '%primary%')
      `
        .execute(db)
        .then((result) => result.rows[0]!)
      expect(total).toBeGreaterThan(40)
      // A school that sorts well after the first page.
      const westwell = 'Westwell Primary School'

      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await page.goto(`/calls/${demoCallSlug}`)
      await page.getByRole('button', { name: 'Start now' }).click()
      await expectHeading(page, 'Your response')
      await page.goto(`/calls/${demoCallSlug}/response/school`)
      await expectHeading(page, 'Find your school')

      await page.getByLabel('School name or URN').fill('primary')
      await page.getByRole('button', { name: 'Search' }).click()
      const status = page.getByRole('status')
      await expect
        .poll(() => status.textContent())
        .toMatch(new RegExp(`^${total} schools match “primary”\\. Showing 1 to 20\\.`))
      expect(await status.textContent()).toContain('add your town')
      await expect.poll(() => choices(page).count()).toBe(20)
      expect(await page.getByLabel(westwell, { exact: true }).count()).toBe(0)
      // The pages between are elided with GOV.UK's ellipsis, not an entity's name.
      expect(await page.getByRole('navigation', { name: 'Results pages' }).textContent()).toMatch(
        /^1\s*2\s*⋯\s*\d+\s*Next page$/,
      )
      await expectAccessible(page)

      // Page by page, every matching school can be reached, none twice, and Westwell among them.
      const seen = new Set<string>()
      const pageCount = Math.ceil(total / 20)
      let found = false
      for (let n = 1; n <= pageCount; n++) {
        if (n > 1) {
          await page.getByRole('link', { name: 'Next page' }).click()
          await page.waitForURL((url) => url.searchParams.get('page') === String(n))
          await page.locator(`a[aria-current="page"][aria-label="Page ${n}"]`).waitFor()
          await expect
            .poll(() => status.textContent())
            .toContain(
              `Showing ${(n - 1) * 20 + 1} to ${Math.min(n * 20, total)}. To find yours sooner`,
            )
        }
        for (const urn of await choices(page).evaluateAll((inputs) =>
          inputs.map((input) => (input as HTMLInputElement).value),
        ))
          seen.add(urn)
        if (!found && (await page.getByLabel(westwell, { exact: true }).count()) === 1) found = true
      }
      expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0)
      expect(seen.size).toBe(total)
      expect(found).toBe(true)
      await expectAccessible(page)

      // Adding the town narrows the list to one page; the school chosen there is kept.
      await page.getByLabel('School name or URN').fill('primary Brookford')
      await page.getByRole('button', { name: 'Search' }).click()
      await page.waitForURL((url) => url.searchParams.get('q') === 'primary Brookford')
      await expect
        .poll(() => status.textContent())
        .toMatch(/^\d+ schools? match(es)? “primary Brookford”\.$/)
      expect(await page.getByRole('navigation', { name: 'Results pages' }).count()).toBe(0)
      await page.getByLabel(westwell, { exact: true }).check()
      await page.getByRole('button', { name: 'Save and continue' }).click()
      await expectHeading(page, 'The practice')
      await page.goto(`/calls/${demoCallSlug}/response/school`)
      await page.getByText(`You chose ${westwell}`).waitFor()
      await context.close()
    })
  })
}

test('the example URN in the school search hint finds a school in the demo register', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await page.goto(`/calls/${demoCallSlug}`)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.goto(`/calls/${demoCallSlug}/response/school`)
  const hint = (await page.locator('#q-hint').textContent()) ?? ''
  const urn = /for example (\d{6})/.exec(hint)?.[1]
  expect(urn).toBeDefined()
  await page.getByLabel('School name or URN').fill(urn!)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^1 school matches/)
  expect(await choices(page).count()).toBe(1)
  await context.close()
})
