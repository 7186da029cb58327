import { describe, expect, test } from 'vitest'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { browserForFile, expectAccessible, expectHeading } from './browser'

const browser = browserForFile()

const moderator = demoAccounts.find((account) => account.role === 'moderator')!

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a visitor goes from home to the library to a case study, and a moderator signs in and out', async () => {
      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()

      const home = await page.goto('/')
      expect(home?.status()).toBe(200)
      await expectHeading(page, 'Inclusion in Practice')
      expect(await page.getByText('Open', { exact: true }).count()).toBeGreaterThan(0)
      await expectAccessible(page)

      await page.getByRole('button', { name: 'Search the practice library' }).click()
      await expectHeading(page, 'Practice library')
      expect(await page.getByRole('status').textContent()).toMatch(/^1\d\d case studies$/)
      await expectAccessible(page)

      await page.getByLabel('Search case studies').fill('autistc resource base')
      await page.getByRole('button', { name: 'Search' }).click()
      await page.getByText(/case stud(y|ies) matching ‘autistc resource base’/).waitFor()
      expect(page.url()).toMatch(/\/library\?q=autistc\+resource\+base$/)
      const firstResult = page.locator('ol[aria-label="Case studies"] h2 a').first()
      const title = await firstResult.textContent()
      await firstResult.click()
      await expectHeading(page, title!)
      expect(page.url()).toMatch(/\/library\/[a-z0-9-]+$/)
      expect(await page.getByText('This case study is fictional.').count()).toBe(1)
      await expectAccessible(page)

      await page.goto('/sign-in')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect.poll(() => page.title()).toBe('Error: Sign in - Inclusion in Practice')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'Enter your email address',
      )
      await expectAccessible(page)

      await page.getByLabel('Email address').fill(moderator.email)
      await page.getByLabel('Password').fill(moderator.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expectHeading(page, 'Your account')
      expect(await page.getByText(moderator.email).count()).toBe(1)
      await expectAccessible(page)

      const admin = await page.goto('/admin')
      expect(admin?.status()).toBe(403)
      await expectHeading(page, 'You do not have permission to view this page')
      await expectAccessible(page)

      await page.goto('/sign-out')
      await page.getByRole('button', { name: 'Sign out' }).click()
      await expectHeading(page, 'You have signed out')
      await expectAccessible(page)

      await page.goto('/account')
      await expectHeading(page, 'Sign in')
      expect(page.url()).toMatch(/\/sign-in\?returnTo=%2Faccount$/)
      await context.close()
    })
  })
}

test('an unknown page is a GOV.UK-style 404 that passes axe, and its tab says so', async () => {
  for (const javaScript of [false, true]) {
    const context = await browser.newContext({ javaScript })
    const page = await context.newPage()
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await expectHeading(page, 'Page not found')
    expect(await page.title()).toBe('Page not found - Inclusion in Practice')
    await expectAccessible(page)
    if (javaScript) {
      // After a navigation in the page, too (Remix's router, as its links use).
      await page.goto('/')
      await expectHeading(page, 'Inclusion in Practice')
      await page.evaluate(() =>
        (
          window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }
        ).__remixRouter.navigate('/library/no-such-case-study'),
      )
      await expectHeading(page, 'Page not found')
      await expect.poll(() => page.title()).toBe('Page not found - Inclusion in Practice')
    }
    await context.close()
  }
})
