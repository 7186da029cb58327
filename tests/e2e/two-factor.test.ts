import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { hashPassword } from '../../app/accounts/passwords.server'
import { currentCode } from '../../app/accounts/two-factor.server'
import { upsertUser } from '../../db/repositories/users'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'
import { appDatabaseForFile } from '../support/app-database'

const browser = browserForFile()
const db = appDatabaseForFile()

const password = 'plum lantern quarry seven'

async function signInWithPassword(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a moderator turns on two-factor sign-in, then needs the code to sign in; an admin can turn it off', async () => {
  const email = `two.factor.${Date.now()}@moderators.example`
  const { id } = await upsertUser(db, {
    email,
    name: 'Tomos Twofactor',
    roles: ['moderator'],
    passwordHash: await hashPassword(password),
  })

  // Setting up works without JavaScript.
  const setupContext = await browser.newContext({ javaScript: false })
  const setup = await setupContext.newPage()
  await signInWithPassword(setup, email)
  await expectHeading(setup, 'Your account')
  await setup.getByRole('link', { name: 'Turn on two-factor sign-in' }).click()
  await expectHeading(setup, 'Two-factor sign-in')
  await setup.getByRole('img', { name: /QR code/ }).waitFor()
  await expectAccessible(setup)
  const key = (await setup.locator('.app-secret-key').innerText()).replaceAll(' ', '')
  expect(key).toMatch(/^[A-Z2-7]{32}$/)

  await setup.getByLabel('Code from your authenticator app').fill('12 34')
  await setup.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
  await setup.getByRole('link', { name: 'The code must be 6 digits' }).waitFor()
  expect(await setup.title()).toMatch(/^Error:/)
  await expectAccessible(setup)
  // The same key is offered again: the app it was scanned into still works.
  expect((await setup.locator('.app-secret-key').innerText()).replaceAll(' ', '')).toBe(key)
  // The code the app shows now; signing in below uses the next one (the clock accepts a step
  // either side), since a code works once.
  await setup.getByLabel('Code from your authenticator app').fill(currentCode(key))
  await setup.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
  await expectHeading(setup, 'Your account')
  await setup.getByText('Two-factor sign-in is on for your account').waitFor()
  await setupContext.close()

  // Signing in, with JavaScript: the password, then the code.
  const signInContext = await browser.newContext({ javaScript: true })
  const page = await signInContext.newPage()
  await signInWithPassword(page, email)
  await expectHeading(page, 'Enter the code from your authenticator app')
  await expectAccessible(page)
  expect((await page.goto('/moderate'))!.url()).toContain('/sign-in?returnTo')
  await page.goto('/sign-in/two-factor')
  await page.getByLabel('Enter the code from your authenticator app').fill('')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('link', { name: 'Enter the code from your authenticator app' }).waitFor()
  await page
    .getByLabel('Enter the code from your authenticator app')
    .fill(currentCode(key, Date.now() + 30_000))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expectHeading(page, 'Your account')
  expect((await page.goto('/moderate'))!.status()).toBe(200)
  await signInContext.close()

  // Without the password step, the code page sends people to sign in.
  const strangerContext = await browser.newContext({ javaScript: false })
  const stranger = await strangerContext.newPage()
  await stranger.goto('/sign-in/two-factor')
  await expectHeading(stranger, 'Sign in')
  await strangerContext.close()

  // Lost phone: an admin turns it off, and the password alone signs in again.
  const adminContext = await browser.newContext({ javaScript: false })
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin')
  await admin.goto(`/admin/staff/${id}`)
  await expectAccessible(admin)
  await admin.getByRole('button', { name: 'Turn off two-factor sign-in' }).click()
  await expectHeading(admin, 'Tomos Twofactor')
  expect(await admin.getByRole('button', { name: 'Turn off two-factor sign-in' }).count()).toBe(0)
  await adminContext.close()

  const againContext = await browser.newContext({ javaScript: false })
  const again = await againContext.newPage()
  await signInWithPassword(again, email)
  await expectHeading(again, 'Your account')
  await againContext.close()
})
