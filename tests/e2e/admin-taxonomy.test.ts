import { expect, inject, test } from 'vitest'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

const browser = browserForFile()

const total = async (query: string) => {
  const response = await fetch(`${inject('baseUrl')}/api/case-studies?${query}&per_page=1`)
  return ((await response.json()) as { total: number }).total
}

test('taxonomy pages refuse anyone but an admin', async () => {
  expect((await fetch(`${inject('baseUrl')}/admin/taxonomy`, { redirect: 'manual' })).status).toBe(
    302,
  )
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  expect((await page.goto('/admin/taxonomy'))!.status()).toBe(403)
  expect((await page.goto('/admin/taxonomy/practice/pupil-voice'))!.status()).toBe(403)
  await context.close()
})

test('an admin merges two practice terms, and the library finds the merged case studies under the one left', async () => {
  const either = await total('practice=pupil-voice&practice=adaptive-teaching')
  const adaptive = await total('practice=adaptive-teaching')
  expect(either).toBeGreaterThan(adaptive)

  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Taxonomy' }).click()
  await expectHeading(page, 'Taxonomy')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Practice', exact: true }).click()
  await expectHeading(page, 'Practice')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Pupil voice' }).click()
  await expectHeading(page, 'Pupil voice')
  await expectAccessible(page)
  // Merging without choosing a term is refused with a clear message.
  await page.getByRole('button', { name: 'Merge' }).click()
  await page.getByRole('link', { name: 'Select the term to merge into' }).waitFor()
  await page.getByLabel('Merge into').selectOption({ label: 'Adaptive classroom teaching' })
  await page.getByRole('button', { name: 'Merge' }).click()
  await expectHeading(page, 'Practice')
  const row = page.getByRole('row', { name: /Pupil voice/ })
  expect(await row.getByText('Retired').count()).toBe(1)

  // Within seconds, through the outbox, the library has them all under the term left.
  await expect.poll(() => total('practice=adaptive-teaching'), { timeout: 30_000 }).toBe(either)
  expect(await total('practice=pupil-voice')).toBe(0)
  await page.goto('/library/practices/adaptive-teaching')
  await expectAccessible(page)
  await context.close()
})

test('an admin adds a synonym group (a bad one first), and the library finds case studies by the new word', async () => {
  const first = (await (
    await fetch(`${inject('baseUrl')}/api/case-studies?per_page=1&sort=newest`)
  ).json()) as { results: { title: string }[] }
  const word = first.results[0]!.title.toLowerCase()
    .split(/[^a-z]+/)
    .sort((a, b) => b.length - a.length)[0]!
  expect(word.length).toBeGreaterThan(5)
  expect(await total('q=glimmerwump')).toBe(0)

  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto('/admin/taxonomy')
  await page.getByRole('link', { name: 'Change search synonyms' }).click()
  await expectHeading(page, 'Search synonyms')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Add a group' }).click()
  await expectHeading(page, 'Add a synonym group')
  const terms = page.getByLabel('Words and phrases that should find each other')
  await terms.fill('Glimmerwump')
  await page.getByRole('button', { name: 'Add the group' }).click()
  await page.getByRole('link', { name: 'Enter at least 2 words or phrases' }).waitFor()
  expect(await page.title()).toMatch(/^Error:/)
  expect(await terms.inputValue()).toBe('Glimmerwump')
  await expectAccessible(page)
  await terms.fill(`Glimmerwump\n${word}`)
  await page.getByRole('button', { name: 'Add the group' }).click()
  await expectHeading(page, 'Search synonyms')
  await page.getByText('The group was added.').waitFor()
  await page.getByRole('cell', { name: `glimmerwump, ${word}` }).waitFor()

  // The job applies it to Meilisearch within seconds; the page then says search is using them.
  await expect.poll(() => total('q=glimmerwump'), { timeout: 30_000 }).toBeGreaterThan(0)
  await page.reload()
  await page.getByText('Search is using these synonyms.').waitFor()

  // And it can be removed again.
  await page
    .getByRole('row', { name: new RegExp(`glimmerwump, ${word}`) })
    .getByRole('link', { name: /Change/ })
    .click()
  await expectHeading(page, 'Change a synonym group')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Remove this group' }).click()
  await page.getByText('The group was removed.').waitFor()
  await expect.poll(() => total('q=glimmerwump'), { timeout: 30_000 }).toBe(0)
  await context.close()
})
