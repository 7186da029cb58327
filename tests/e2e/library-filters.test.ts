import { describe, expect, test } from 'vitest'
import { browserForFile, expectAccessible, expectHeading } from './browser'

const browser = browserForFile()

const count = async (page: import('playwright-core').Page) => {
  const text = (await page.getByRole('status').textContent()) ?? ''
  return Number(/^([\d,]+) case stud/.exec(text)?.[1]?.replace(',', '') ?? 0)
}

/** What goes wrong in the page from now on: console errors (hydration's too) and uncaught ones. */
function errorsIn(page: import('playwright-core').Page) {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a reader filters the library, removes a filter, pages, opens a case study and goes back', async () => {
      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await page.goto('/library')
      await expectHeading(page, 'Practice library')
      const everything = await count(page)
      expect(everything).toBe(160)

      const apply = async () => {
        if (!javaScript) await page.getByRole('button', { name: 'Apply filters' }).click()
      }
      await page.getByRole('checkbox', { name: /^Autistic spectrum disorder/ }).check()
      await apply()
      await page.waitForURL(/need=ASD/)
      await expect.poll(() => count(page)).toBeLessThan(everything)
      const autism = await count(page)
      await expectAccessible(page)

      await page
        .getByRole('checkbox', { name: /^Speech, language and communication needs/ })
        .check()
      await apply()
      await page.waitForURL((url) => url.searchParams.getAll('need').sort().join() === 'ASD,SLCN')
      await expect.poll(() => count(page)).toBeGreaterThan(autism)
      expect(
        await page
          .getByRole('link', { name: /Remove filter Need: Autistic spectrum disorder/ })
          .count(),
      ).toBe(1)

      await page.getByRole('link', { name: /Remove filter Need: Speech, language/ }).click()
      await page.waitForURL((url) => url.search === '?need=ASD')
      await expect.poll(() => count(page)).toBe(autism)
      expect(
        await page
          .getByRole('checkbox', { name: /^Speech, language and communication needs/ })
          .isChecked(),
      ).toBe(false)

      await page.getByRole('link', { name: 'Clear filters' }).click()
      await page.waitForURL((url) => url.search === '')
      await expect.poll(() => count(page)).toBe(160)

      await page.getByRole('link', { name: 'Page 2' }).click()
      await page.waitForURL(/page=2/)
      await page.locator('a[aria-current="page"][aria-label="Page 2"]').waitFor()
      const firstOnPage2 = page.locator('ol[aria-label="Case studies"] h2 a').first()
      const title = (await firstOnPage2.textContent())!
      await firstOnPage2.click()
      await expectHeading(page, title)
      await page.goBack()
      await expectHeading(page, 'Practice library')
      expect(page.url()).toMatch(/page=2/)
      await expectAccessible(page)
      await context.close()
    })
  })
}

test('with JavaScript, typing in the search box updates the results without a reload and keeps focus', async () => {
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  await page.goto('/library')
  await expectHeading(page, 'Practice library')
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
  await page.getByLabel('Search case studies').pressSequentially('deaf', { delay: 30 })
  await page.waitForURL(/q=deaf/)
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/matching ‘deaf’/)
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('q')
  await context.close()
})

test('with JavaScript, the page hydrates on the markup the server wrote, and a ticked box keeps its focus', async () => {
  // The filter panel's markup is written by a string template on the server and hydrated by
  // React: a difference would show as a hydration error, and React would redraw the page.
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  const errors = errorsIn(page)
  await page.goto('/library?need=ASD&q=autism')
  await expectHeading(page, 'Practice library')
  await page.waitForFunction(
    () => 'hydrated' in document.documentElement.dataset || window.__remixRouter,
  )
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
  const box = page.getByRole('checkbox', { name: /^Speech, language and communication needs/ })
  await box.focus()
  await page.keyboard.press('Space')
  await page.waitForURL((url) => url.searchParams.getAll('need').sort().join() === 'ASD,SLCN')
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/matching ‘autism’/)
  expect(await box.isChecked()).toBe(true)
  expect(
    await page.getByRole('checkbox', { name: /^Autistic spectrum disorder/ }).isChecked(),
  ).toBe(true)
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('need-SLCN')
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)
  // A result's title is followed in the page, as a <Link> is: no reload.
  const first = page.locator('ol[aria-label="Case studies"] h2 a').first()
  const title = (await first.textContent())!
  await first.click()
  await expectHeading(page, title)
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)
  expect(errors).toEqual([])
  await context.close()
})

test('with JavaScript, the results a page came with are kept as it hydrates and their links are followed in the page', async () => {
  // A whole page's data leaves its results out (they are in its markup): the browser keeps the
  // list it was sent, and a later search's results come with their data.
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  const errors = errorsIn(page)
  const response = await page.goto('/library?q=autism')
  expect(await response?.text()).not.toMatch(/\\"hits\\",\[/)
  await expectHeading(page, 'Practice library')
  const titles = page.locator('ol[aria-label="Case studies"] h2 a')
  const sent = await titles.allTextContents()
  expect(sent.length).toBeGreaterThan(0)
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
  expect(await titles.allTextContents()).toEqual(sent)

  // By keyboard: Enter on a link clicks it, and the list's one handler follows it in the page.
  await titles.first().focus()
  await page.keyboard.press('Enter')
  await expectHeading(page, sent[0]!)
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)

  // Back in the page: the list is rendered from the data fetched for it, the same results.
  await page.goBack()
  await expectHeading(page, 'Practice library')
  await expect.poll(() => titles.allTextContents()).toEqual(sent)
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)

  // A new search replaces the kept list.
  await page.getByLabel('Search case studies').fill('deaf')
  await page.waitForURL(/q=deaf/)
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/matching ‘deaf’/)
  await expect.poll(() => titles.allTextContents()).not.toEqual(sent)
  expect(errors).toEqual([])
  await context.close()
})

test('need and practice landing pages describe the term, count its case studies and list the newest', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  for (const [path, heading] of [
    ['/library/needs/ASD', 'Autistic spectrum disorder'],
    ['/library/practices/attendance', /attendance/i],
  ] as const) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expectHeading(page, heading)
    expect(await page.getByText(/published case stud(y|ies)\./).count(), path).toBe(1)
    expect(await page.locator('.app-result').count(), path).toBeGreaterThan(0)
    await expectAccessible(page)
  }
  expect((await page.goto('/library/needs/NOPE'))?.status()).toBe(404)

  // The home page links to every need's landing page, grouped by area of need.
  await page.goto('/')
  await page.getByRole('link', { name: 'Hearing impairment' }).click()
  await expectHeading(page, 'Hearing impairment')
  expect(page.url()).toMatch(/\/library\/needs\/HI$/)
  await context.close()
})

for (const javaScript of [true, false]) {
  test(`schools like mine ranks matching practice first (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
    const context = await browser.newContext({ javaScript })
    const page = await context.newPage()
    await page.goto('/library')
    await expectHeading(page, 'Practice library')
    await page.getByText('Show practice from schools like mine first').click()
    await page.getByLabel('Phase', { exact: true }).selectOption('primary')
    if (javaScript) await page.waitForURL(/like_phase=primary/)
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'North West' })
    if (!javaScript) await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL(
      (url) =>
        url.searchParams.get('like_phase') === 'primary' &&
        url.searchParams.get('like_region') === 'B',
    )
    await page.getByText(/is shown first\./).waitFor()
    expect(await page.locator('.app-result').first().getByText('Like your setting').count()).toBe(1)
    expect(await count(page)).toBe(160)
    await expectAccessible(page)
    await context.close()
  })
}

test('a reader finds their school by name, chooses it from the matches, and sees practice like theirs first', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await page.goto('/library')
  await page.getByText('Show practice from schools like mine first').click()
  await page.getByLabel('Or your school’s name or URN').fill('primary')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expectHeading(page, 'Practice library')
  await page.getByRole('heading', { name: 'Which is your school?' }).waitFor()
  await expectAccessible(page)
  const choice = page.locator('.govuk-inset-text a').first()
  const name = (await choice.textContent())!
  await choice.click()
  await page.getByText(`Practice from schools like ${name}`).waitFor()
  expect(page.url()).toMatch(/like_school=\d{6}/)
  await expectAccessible(page)
  await context.close()
})
