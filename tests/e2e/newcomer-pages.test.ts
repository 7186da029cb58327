import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { demoCallSlug } from '../../seeds/seed'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

const browser = browserForFile()

/** The links under "Your work" on the account page, by name. */
const workLinks = (page: Page) =>
  page
    .locator('h2:text-is("Your work") ~ section a')
    .evaluateAll((links) => links.map((link) => link.textContent))

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('each role lands, after signing in, on a page that links to its work', async () => {
      const expected = {
        moderator: ['Moderation queue', 'Updates from schools', 'Coding agreement', 'Audit log'],
        advisory: [
          'Evidence dashboard',
          'Evidence gap map',
          'Evidence pack',
          'Export the evidence',
        ],
        admin: [
          'Moderation queue',
          'Updates from schools',
          'Coding agreement',
          'Audit log',
          'Evidence dashboard',
          'Evidence gap map',
          'Evidence pack',
          'Export the evidence',
          'Service status',
          'Calls for evidence',
          'Staff accounts',
          'Taxonomy',
        ],
      }
      for (const role of ['moderator', 'advisory', 'admin'] as const) {
        const context = await browser.newContext({ javaScript })
        const page = await context.newPage()
        await signIn(page, role)
        expect(await workLinks(page), role).toEqual(expected[role])
        await expectAccessible(page)
        if (role === 'advisory') {
          await page.getByRole('link', { name: 'Evidence dashboard' }).click()
          await expectHeading(page, 'Evidence dashboard')
          await page.goBack()
          await expectHeading(page, 'Your account')
          await page.getByRole('link', { name: 'Export the evidence' }).click()
          await expectHeading(page, 'Export the evidence')
        }
        await context.close()
      }
    })

    test('“Other” type of practice reveals its description (always shown without JavaScript)', async () => {
      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await page.goto(`/calls/${demoCallSlug}`)
      await page.getByRole('button', { name: 'Start now' }).click()
      await expectHeading(page, 'Your response')
      await page.goto(`/calls/${demoCallSlug}/response/practice`)
      await expectHeading(page, 'The practice')
      const other = page.getByRole('checkbox', { name: 'Other', exact: true })
      const describe = page.getByLabel('If other, describe the type of practice')
      // GOV.UK's conditional reveal: the field sits under "Other", inside its conditional block.
      expect(
        await page
          .locator('.govuk-checkboxes__conditional')
          .getByLabel('If other, describe the type of practice')
          .count(),
      ).toBe(1)
      if (javaScript) {
        await expect.poll(() => describe.isVisible()).toBe(false)
        await other.check()
        await expect.poll(() => describe.isVisible()).toBe(true)
        expect(await other.getAttribute('aria-expanded')).toBe('true')
        await expectAccessible(page)
        await other.uncheck()
        await expect.poll(() => describe.isVisible()).toBe(false)
        await other.check()
      } else {
        expect(await describe.isVisible()).toBe(true)
        await other.check()
      }
      // Ticked without a description: that error comes with the others, at the first attempt,
      // and leads to the field, which is shown.
      await page.getByRole('button', { name: 'Save and continue' }).click()
      const summary = page.locator('.govuk-error-summary')
      await summary.getByText('Describe the other type of practice').waitFor()
      expect(await summary.getByText('Enter a title for your practice').count()).toBe(1)
      expect(await describe.isVisible()).toBe(true)
      await expectAccessible(page)
      await page.getByLabel('Give your practice a short title').fill('Lunchtime peer mentors')
      await page.locator('input[name="needs"]').first().check()
      await page.locator('input[name="phases"]').first().check()
      await page.getByLabel('3 to 5 years').check()
      await page.getByLabel('How many pupils does it reach each year?').fill('40')
      await describe.fill('Peer mentoring at lunchtime')
      await page.getByRole('button', { name: 'Save and continue' }).click()
      await expectHeading(page, 'Your story')
      await context.close()
    })
  })
}

test('the dashboard’s chart labels are whole, wrapped onto lines, never cut off', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'advisory')
  await page.goto('/evidence')
  await expectHeading(page, 'Evidence dashboard')
  const labels = await page
    .locator('svg .app-chart__label')
    .evaluateAll((texts) =>
      texts.map((text) => [...text.querySelectorAll('tspan')].map((t) => t.textContent).join(' ')),
    )
  expect(labels).toContain('Speech, language and communication needs')
  expect(labels.filter((label) => label.includes('…'))).toEqual([])
  await context.close()
})

test('/admin gives one way to rebuild the search index: the button on the Search index page', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto('/admin')
  await expectHeading(page, 'Service status')
  expect(await page.locator('main').textContent()).not.toContain('npm run')
  await page.getByRole('link', { name: 'Search index', exact: true }).click()
  await expectHeading(page, 'Search index')
  expect(await page.getByRole('button', { name: 'Rebuild the search index' }).count()).toBe(1)
  await context.close()
})
