import { readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, inject, test } from 'vitest'
import { notifyRequestsTo } from '../support/notify-log'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

const browser = browserForFile()

test('staff pages refuse anyone but an admin', async () => {
  const base = inject('baseUrl')
  for (const path of ['/admin/staff', '/admin/staff/invite']) {
    expect((await fetch(`${base}${path}`, { redirect: 'manual' })).status).toBe(302)
    for (const [role, expected] of [
      ['moderator', 403],
      ['advisory', 403],
    ] as const) {
      const context = await browser.newContext({ javaScript: false })
      const page = await context.newPage()
      await signIn(page, role)
      expect((await page.goto(path))!.status(), `${role} ${path}`).toBe(expected)
      await context.close()
    }
  }
})

test('an admin invites a moderator, who sets a password from the email and signs in; deactivating ends their session', async () => {
  const adminContext = await browser.newContext({ javaScript: false })
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin')
  await admin.goto('/admin/staff')
  await expectHeading(admin, 'Staff accounts')
  await expectAccessible(admin)
  await admin.getByRole('link', { name: 'Invite someone' }).click()
  await expectHeading(admin, 'Invite someone')
  // No role chosen: a clear error, and the name and address kept.
  await admin.getByLabel('Full name').fill('Nia Newcomer')
  await admin.getByLabel('Work email address').fill('nia.newcomer@moderators.example')
  await admin.getByRole('button', { name: 'Send the invitation' }).click()
  await admin.getByRole('link', { name: 'Select at least one role' }).waitFor()
  await expectAccessible(admin)
  expect(await admin.getByLabel('Full name').inputValue()).toBe('Nia Newcomer')
  await admin.getByLabel('Moderator').check()
  await admin.getByRole('button', { name: 'Send the invitation' }).click()
  await expectHeading(admin, 'Staff accounts')
  const row = admin.getByRole('row', { name: /Nia Newcomer/ })
  expect(await row.getByText('Invited').count()).toBe(1)

  const [email] = await notifyRequestsTo('nia.newcomer@moderators.example')
  const link = email!.personalisation.body.match(/https?:\/\/\S+\/set-password\/\S+/)![0]
  const path = new URL(link).pathname

  const niaContext = await browser.newContext({ javaScript: true })
  const nia = await niaContext.newPage()
  await nia.goto(path)
  await expectHeading(nia, 'Set your password')
  await expectAccessible(nia)
  await nia.getByLabel('New password', { exact: true }).fill('short')
  await nia.getByLabel('Type the password again').fill('short')
  await nia.getByRole('button', { name: 'Set password' }).click()
  await nia.getByRole('link', { name: /at least 12 characters/ }).waitFor()
  await nia.getByLabel('New password', { exact: true }).fill('orange kettle harbour violin')
  await nia.getByLabel('Type the password again').fill('orange kettle harbour violin')
  await nia.getByRole('button', { name: 'Set password' }).click()
  await expectHeading(nia, 'Sign in')
  await nia.getByText('Your password is set').waitFor()
  await nia.getByLabel('Email address').fill('nia.newcomer@moderators.example')
  await nia.getByLabel('Password').fill('orange kettle harbour violin')
  await nia.getByRole('button', { name: 'Sign in' }).click()
  await expectHeading(nia, 'Your account')
  expect((await nia.goto('/moderate'))!.status()).toBe(200)
  // The link worked once.
  await nia.goto(path)
  await expectHeading(nia, 'This link cannot be used')

  // Deactivated, Nia's next request finds her signed out.
  await admin.goto('/admin/staff')
  await admin.getByRole('link', { name: 'Nia Newcomer' }).click()
  await expectHeading(admin, 'Nia Newcomer')
  await expectAccessible(admin)
  await admin.getByRole('button', { name: 'Deactivate this account' }).click()
  await expectHeading(admin, 'Staff accounts')
  const after = await nia.goto('/moderate')
  expect(new URL(after!.url()).pathname).toBe('/sign-in')

  // An admin cannot take away their own administrator role.
  await admin.goto('/admin/staff')
  await admin
    .getByRole('table')
    .getByRole('link', { name: /Alex Admin/ })
    .click()
  await admin.getByLabel('Moderator').check()
  await admin.getByLabel('Administrator').uncheck()
  await admin.getByRole('button', { name: 'Save roles' }).click()
  await admin.getByRole('link', { name: /cannot remove your own administrator role/ }).waitFor()
  await adminContext.close()
  await niaContext.close()
})

test('every admin page, generated from the route folders, answers anonymous → sign-in, moderator and adviser → 403, admin → 200, and passes axe', async () => {
  const samples: Record<string, string> = {
    $slug: 'inclusion-in-practice',
    $scheme: 'need',
    $code: 'SEMH',
    $group: 'new',
    $condition: 'new',
    $id: '',
  }
  const routes = readdirSync(path.resolve(import.meta.dirname, '../../app/routes')).filter((name) =>
    name.startsWith('admin.'),
  )
  expect(routes.length).toBeGreaterThan(6)
  const adminContext = await browser.newContext({ javaScript: false })
  const adminPage = await adminContext.newPage()
  await signIn(adminPage, 'admin')
  // A staff account's page needs a real id: the admin's own.
  await adminPage.goto('/admin/staff')
  const href = await adminPage.getByRole('table').getByRole('link').first().getAttribute('href')
  samples.$id = href!.split('/').at(-1)!
  const paths = routes.map((name) => {
    const url = `/${name
      .split('.')
      .filter((part) => part !== '_index')
      .map((part) => samples[part] ?? part)
      .join('/')}`
    if (url.includes('$')) throw new Error(`No sample value for the parameter in route ${name}`)
    return url
  })
  const base = inject('baseUrl')
  for (const url of paths) {
    const anonymous = await fetch(`${base}${url}`, { redirect: 'manual' })
    expect(anonymous.status, url).toBe(302)
    expect((await adminPage.goto(url))!.status(), `admin ${url}`).toBe(200)
    await expectAccessible(adminPage)
  }
  for (const role of ['moderator', 'advisory'] as const) {
    const context = await browser.newContext({ javaScript: false })
    const page = await context.newPage()
    await signIn(page, role)
    for (const url of paths) expect((await page.goto(url))!.status(), `${role} ${url}`).toBe(403)
    await context.close()
  }
  await adminContext.close()
})
