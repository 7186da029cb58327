import { afterAll, expect, inject, test } from 'vitest'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

const browser = browserForFile()
afterAll(() => moveClock(0))

/** Moves the app's clock (test runs only) this many seconds ahead of the real one. */
async function moveClock(offsetSeconds: number) {
  const response = await fetch(`${inject('baseUrl')}/dev/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ offsetSeconds }),
  })
  expect(response.status).toBe(200)
}

const adminPages = ['/admin', '/admin/calls', '/admin/calls/new', '/admin/search']

test('admin pages: anonymous people sign in, moderators and advisers are refused', async () => {
  const base = inject('baseUrl')
  for (const path of adminPages) {
    const anonymous = await fetch(`${base}${path}`, { redirect: 'manual' })
    expect(anonymous.status, path).toBe(302)
  }
  for (const [role, expected] of [
    ['moderator', 403],
    ['advisory', 403],
    ['admin', 200],
  ] as const) {
    const context = await browser.newContext({ javaScript: false })
    const page = await context.newPage()
    await signIn(page, role)
    for (const path of adminPages) {
      expect((await page.goto(path))!.status(), `${role} ${path}`).toBe(expected)
    }
    await context.close()
  }
})

test('an admin creates a call, which opens on the home page at its opening time', async () => {
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto('/admin/calls')
  await expectHeading(page, 'Calls for evidence')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Create a call' }).click()
  await expectHeading(page, 'Create a call')

  // Two days from now at 10:30, London time; closing in two years, after the demo call.
  const opens = new Date(Date.now() + 2 * 86_400_000)
  const london = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(opens)
  const part = (type: string) => london.find((p) => p.type === type)!.value
  await page.getByLabel('Title').fill('Inclusion in Practice: the next call')
  await page.getByLabel('Short address').fill('next-call')
  await page.getByLabel('One-line summary').fill('Tell us what has worked since the last call.')
  await page
    .getByLabel('What the call asks for, and who may respond')
    .fill('Examples of inclusive practice in mainstream schools.')
  const opensGroup = page.getByRole('group', { name: 'When the call opens' })
  await opensGroup.getByLabel('Day').fill(part('day'))
  await opensGroup.getByLabel('Month').fill(part('month'))
  await opensGroup.getByLabel('Year').fill(part('year'))
  await page.getByLabel('Time (UK time) the call opens').fill('10:30')
  // A closing date before the opening date is refused, and what was typed is kept.
  const closesGroup = page.getByRole('group', { name: 'When the call closes' })
  await closesGroup.getByLabel('Day').fill('1')
  await closesGroup.getByLabel('Month').fill('1')
  await closesGroup.getByLabel('Year').fill('2021')
  await page.getByLabel('Time (UK time) the call closes').fill('23:59')
  await page.getByRole('button', { name: 'Create the call' }).click()
  await page.getByRole('link', { name: 'The call must close after it opens' }).waitFor()
  expect(await page.title()).toMatch(/^Error: /)
  expect(await page.getByLabel('Short address').inputValue()).toBe('next-call')
  await expectAccessible(page)
  await closesGroup.getByLabel('Year').fill(String(Number(part('year')) + 2))
  await page.getByRole('button', { name: 'Create the call' }).click()
  await expectHeading(page, 'Calls for evidence')
  const row = page.getByRole('row', { name: /the next call/ })
  await expect.poll(() => row.getByText('Scheduled').count()).toBe(1)

  // Before it opens: its start page says when, and offers no way to start.
  await page.goto('/calls/next-call')
  expect(await page.getByRole('button', { name: 'Start now' }).count()).toBe(0)
  expect(await page.getByText(/10:30am/).count()).toBeGreaterThan(0)

  try {
    // At its opening time it is open, and it is the home page's call.
    await moveClock(2 * 86_400 + 86_400 / 2)
    await page.goto('/')
    await page.getByRole('heading', { name: 'Inclusion in Practice: the next call' }).waitFor()
    await expectAccessible(page)
    const card = page.locator('.govuk-summary-card')
    expect(await card.getByText('Open', { exact: true }).count()).toBe(1)
    await page.goto('/calls/next-call')
    await page.getByRole('button', { name: 'Start now' }).waitFor()
    await page.goto('/admin/calls')
    await expect.poll(() => row.getByText('Open').count()).toBe(1)
  } finally {
    await moveClock(0)
  }
  await context.close()
})

test('an admin rebuilds the search index and watches it finish', async () => {
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Search index' }).click()
  await expectHeading(page, 'Search index')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Rebuild the search index' }).click()
  // The page follows the job by itself, with JavaScript.
  await expect
    .poll(() => page.getByTestId('rebuild-status').innerText(), { timeout: 60_000 })
    .toMatch(/finished: [\d,]+ case studies indexed/)
  await expectAccessible(page)
  await context.close()
})
