import { describe, expect, test } from 'vitest'
import { appDatabaseForFile } from '../support/app-database'
import { browserForFile, expectAccessible, signIn } from './browser'

const browser = browserForFile()
const db = appDatabaseForFile()

/** A waiting submission with nothing to redact; a different one for each run. */
async function waitingSubmission(offset: number) {
  const row = await db
    .selectFrom('submissions')
    .select(['id', 'reference'])
    .where('status', '=', 'submitted')
    .where('personal_data_flagged', '=', false)
    .orderBy('submitted_at', 'desc')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow()
  return row
}

const openSuggestions = (submissionId: string) =>
  db
    .selectFrom('tag_suggestions as s')
    .innerJoin('taxonomy_terms as t', (join) =>
      join.onRef('t.scheme_code', '=', 's.scheme').onRef('t.code', '=', 's.code'),
    )
    .select(['s.id', 's.scheme', 's.code', 's.decision', 't.label'])
    .where('s.submission_id', '=', submissionId)
    .where('s.source', '=', 'model')
    .orderBy('s.score', 'desc')
    .execute()

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a moderator claims a submission, sees suggested tags with reasons, accepts one and dismisses another', async () => {
      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await signIn(page, 'moderator')
      const submission = await waitingSubmission(javaScript ? 0 : 1)
      await page.goto(`/moderate/${submission.reference}`)
      await page.getByRole('button', { name: 'Claim this submission' }).click()
      await page.getByRole('heading', { name: 'Suggested tags', level: 2 }).waitFor()
      await expectAccessible(page)

      const suggestions = await openSuggestions(submission.id)
      const isTicked = (s: { scheme: string; code: string }) =>
        page.locator(`#${s.scheme}-${s.code}`).isChecked()
      const untagged = []
      for (const s of suggestions) if (!(await isTicked(s))) untagged.push(s)
      expect(untagged.length).toBeGreaterThanOrEqual(2)
      const [accept, dismiss] = untagged as [(typeof untagged)[0], (typeof untagged)[0]]
      // Shown, with a confidence in words: nothing ticked until a moderator accepts.
      await page.getByRole('button', { name: `Accept ${accept.label}`, exact: true }).waitFor()

      await page.getByRole('button', { name: `Accept ${accept.label}`, exact: true }).click()
      await expect.poll(() => isTicked(accept), { timeout: 15_000 }).toBe(true)
      await page.getByRole('button', { name: `Dismiss ${dismiss.label}`, exact: true }).click()
      await expect
        .poll(
          () => page.getByRole('button', { name: `Dismiss ${dismiss.label}`, exact: true }).count(),
          { timeout: 15_000 },
        )
        .toBe(0)
      expect(await isTicked(dismiss)).toBe(false)
      await page.getByText(new RegExp(`“${dismiss.label}” suggested .* dismissed by`)).waitFor()
      await page.getByText(new RegExp(`“${accept.label}” suggested .* accepted by`)).waitFor()
      await expectAccessible(page)

      const decided = await openSuggestions(submission.id)
      expect(decided.find((s) => s.id === accept.id)?.decision).toBe('accepted')
      expect(decided.find((s) => s.id === dismiss.id)?.decision).toBe('dismissed')

      await page.goto('/moderate/agreement')
      await page.getByRole('heading', { name: 'Suggested tags' }).waitFor()
      await expectAccessible(page)
      await context.close()
    })
  })
}
