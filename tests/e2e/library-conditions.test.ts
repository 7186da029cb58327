import { describe, expect, inject, test } from 'vitest'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

// A parent types their child's diagnosis: the library says which area of need it belongs to,
// shows that need's practice, and one click filters by it. And an administrator keeps the
// vocabulary behind it.

const browser = browserForFile()

const count = async (page: import('playwright-core').Page) => {
  const text = (await page.getByRole('status').textContent()) ?? ''
  return Number(/^([\d,]+) case stud/.exec(text)?.[1]?.replace(',', '') ?? 0)
}

const api = async (query: string) =>
  (await (await fetch(`${inject('baseUrl')}/api/case-studies?${query}`)).json()) as {
    total: number
    results: { slug: string; needs: string[] }[]
    facets: { need: Record<string, number> }
    interpretation: {
      matched: { name: string; kind: string; needs: string[] }[]
      needs: { code: string; label: string }[]
    } | null
  }

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a condition no case study names shows practice for its need, says so, and its need filter works', async () => {
      const physical = (await api('need=PD&per_page=1')).total
      expect(physical).toBeGreaterThan(0)

      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await page.goto('/library')
      await expectHeading(page, 'Practice library')
      await page.getByLabel('Search case studies').fill('muscular dystrophy')
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      await page.waitForURL(/q=muscular\+dystrophy/)
      const line = page.locator('[data-interpretation]')
      await expect
        .poll(() => line.textContent())
        .toContain(
          'Showing practice for physical disability, the area of need that includes muscular dystrophy.',
        )
      await expect.poll(() => count(page)).toBe(physical)
      expect(await page.getByText('No case studies found').count()).toBe(0)
      await expectAccessible(page)

      await line.getByRole('link', { name: 'physical disability' }).click()
      await page.waitForURL((url) => url.search === '?need=PD')
      await expect.poll(() => count(page)).toBe(physical)
      // With JavaScript the address changes before the page shows the new results.
      await expect
        .poll(() => page.getByRole('checkbox', { name: /^Physical disability/ }).isChecked())
        .toBe(true)
      await expect.poll(() => page.getByLabel('Search case studies').inputValue()).toBe('')
      expect(await page.locator('[data-interpretation]').count()).toBe(0)
      await expectAccessible(page)
      await context.close()
    })
  })
}

for (const javaScript of [true, false]) {
  test(`a search that finds nothing suggests the closest condition and the filters to remove (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
    const context = await browser.newContext({ javaScript })
    const page = await context.newPage()
    // A misspelling beyond the search's typo tolerance: nothing found, the condition offered.
    await page.goto('/library?q=dispraxya')
    await expect.poll(() => page.getByRole('status').textContent()).toBe('No case studies found')
    const help = page.locator('[data-no-results-help]')
    await expect.poll(() => help.getByRole('heading', { name: 'Did you mean' }).count()).toBe(1)
    await expectAccessible(page)
    await help.getByRole('link', { name: 'dyspraxia', exact: true }).click()
    await page.waitForURL(/q=dyspraxia/)
    await expect.poll(() => count(page)).toBeGreaterThan(0)

    // Words that find practice and a need filter that leaves none: its removal is offered, counted.
    const everything = await api('per_page=1')
    const dyslexia = await api('q=dyslexia&per_page=1')
    const need = Object.keys(everything.facets.need).find(
      (code) => (everything.facets.need[code] ?? 0) > 0 && !dyslexia.facets.need[code],
    )!
    expect(need).toBeDefined()
    await page.goto(`/library?q=dyslexia&need=${need}`)
    await expect.poll(() => page.getByRole('status').textContent()).toBe('No case studies found')
    const found = `to see ${dyslexia.total.toLocaleString('en-GB')} case studies`
    await expect.poll(() => help.textContent()).toContain(found)
    expect(
      await help.getByRole('heading', { name: 'Remove a filter' }).locator('+ ul').textContent(),
    ).toContain(found)
    await expectAccessible(page)
    await help.getByRole('link', { name: /^Remove ‘Need: / }).click()
    await page.waitForURL((url) => url.search === '?q=dyslexia')
    await expect.poll(() => count(page)).toBe(dyslexia.total)
    await context.close()
  })
}

test('the API says what it understood, and lists the practice for the need', async () => {
  const body = await api('q=muscular+dystrophy&per_page=100')
  expect(body.interpretation).toMatchObject({
    matched: [{ name: 'muscular dystrophy', kind: 'condition', needs: ['PD'] }],
    needs: [{ code: 'PD', label: 'Physical disability' }],
  })
  expect(body.total).toBe(body.results.length)
  expect(body.results.every((result) => result.needs.includes('PD'))).toBe(true)
  expect((await api('q=resource+base')).interpretation).toBeNull()
})

test('an administrator adds an entry (a bad one first) without JavaScript; the library uses it; then removes it', async () => {
  expect((await api('q=glimmerwump+palsy')).total).toBe(0)
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto('/admin/taxonomy')
  await page.getByRole('link', { name: 'Change conditions and everyday phrases' }).click()
  await expectHeading(page, 'Conditions and everyday phrases')
  await page.getByRole('cell', { name: /^muscular dystrophy/ }).waitFor()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Add an entry' }).click()
  await expectHeading(page, 'Add a condition or everyday phrase')
  await page.getByLabel('Name', { exact: true }).fill('glimmerwump palsy')
  await page.getByRole('button', { name: 'Add the entry' }).click()
  await page
    .getByRole('link', { name: 'Select whether this is a condition or an everyday phrase' })
    .waitFor()
  await page.getByRole('link', { name: 'Select at least one type of need' }).waitFor()
  expect(await page.title()).toMatch(/^Error:/)
  expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('glimmerwump palsy')
  await expectAccessible(page)

  await page.getByLabel('A condition or diagnosis').check()
  await page.getByLabel('Physical disability').check()
  await page.getByLabel('Other difficulty or disability').check()
  await page.getByRole('button', { name: 'Add the entry' }).click()
  await page
    .getByRole('link', { name: 'Enter a note saying why it points at more than one type of need' })
    .waitFor()
  await page.getByLabel('Note (optional)').fill('Made up for a test.')
  await page.getByRole('button', { name: 'Add the entry' }).click()
  await expectHeading(page, 'Conditions and everyday phrases')
  await page.getByText('The entry was added.').waitFor()

  const body = await api('q=glimmerwump+palsy')
  expect(body.interpretation?.needs.map((need) => need.code)).toEqual(['PD', 'OTH'])
  expect(body.total).toBeGreaterThan(0)

  await page
    .getByRole('row', { name: /glimmerwump palsy/ })
    .getByRole('link', { name: /Change/ })
    .click()
  await expectHeading(page, 'Change glimmerwump palsy')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Remove this entry' }).click()
  await page.getByText('The entry was removed.').waitFor()
  expect((await api('q=glimmerwump+palsy')).interpretation).toBeNull()
  await context.close()
})
