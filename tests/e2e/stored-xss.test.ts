import { readFile } from 'node:fs/promises'
import { parse as parseCsv } from 'csv-parse/sync'
import { PDFParse } from 'pdf-parse'
import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { openCallAnswers } from '../support/open-call-answers'
import { prepareCompleteResponse, sendPreparedResponse } from '../support/respondent-client'
import { browserForFile, signIn } from './browser'
import { appDatabaseForFile } from '../support/app-database'

// A response whose every free-text answer carries markup meant to run in a reader's browser is
// sent, moderated and published. Everywhere it then appears — the moderation page, the library's
// page and search results, the advisory group's pages, CSV and PDF exports — it must be text.

const payloads = {
  title: 'Circuits <script>window.__xss = "title"</script> for calm starts',
  challenge:
    'Mornings were hard. <img src=x onerror="window.__xss=\'challenge\'"> The rest is plain.',
  dayToDay: 'A circuit runs daily. "><svg onload="window.__xss=\'dayToDay\'"></svg> Then lessons.',
  keyFactors: 'Training. </textarea><script>window.__xss = "keyFactors"</script> Time.',
  advice:
    '=HYPERLINK("http://evil.example","Click here") Start small with <a href="javascript:window.__xss=1">this</a>.',
  whatChanged:
    'Lateness fell. <iframe src="javascript:window.__xss=\'impact\'"></iframe> Calm rose.',
  summary:
    'Summary <b onmouseover="window.__xss=\'summary\'">bold</b> and {{constructor.constructor("window.__xss=1")()}}',
}

const browser = browserForFile()
const db = appDatabaseForFile()

/** Nothing injected ran or became an element; the payload is on the page as text. */
async function expectInert(page: Page, visibleText: string[]) {
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
    images: document.querySelectorAll('img[src="x"], svg[onload], iframe, b[onmouseover]').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    // Remix's own data script carries the text JSON-escaped; an injected one would start with it.
    scripts: [...document.scripts].filter((s) => s.textContent?.trim().startsWith('window.__xss'))
      .length,
  }))
  expect(found, page.url()).toEqual({ ran: null, images: 0, javascriptLinks: 0, scripts: 0 })
  const text = await page.locator('body').innerText()
  for (const visible of visibleText) expect(text, page.url()).toContain(visible)
}

test('markup in every answer and the summary stays text on every page and export', async () => {
  const { call, answersFor } = await openCallAnswers(db)
  const client = await prepareCompleteResponse(
    inject('baseUrl'),
    call.slug,
    answersFor(`xss.${Date.now()}@school.example`, 0),
    {
      edit: (fields) => {
        fields.practice.title = payloads.title
        fields.story.challenge = payloads.challenge
        fields.story.dayToDay = payloads.dayToDay
        fields.story.keyFactors = payloads.keyFactors
        fields.story.advice = payloads.advice
        fields.impact.whatChanged = payloads.whatChanged
      },
    },
  )
  const reference = await sendPreparedResponse(client, call.slug)

  // A moderator reads it (JavaScript on, so anything injected would run), then publishes it.
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await signIn(page, 'moderator')
  await page.goto(`/moderate/${reference}`)
  await expectInert(page, [payloads.title, '<img src=x onerror='])
  await page.getByRole('button', { name: 'Claim this submission' }).click()
  await page.getByLabel('Summary').fill(payloads.summary)
  await page.getByRole('button', { name: 'Save case study' }).click()
  await page.getByRole('button', { name: 'Save tags' }).click()
  await page.getByRole('button', { name: 'Save tags' }).waitFor()
  await page.getByRole('button', { name: 'Publish' }).click()
  await page.getByRole('button', { name: 'Unpublish' }).waitFor()
  await expectInert(page, [])
  expect(await page.getByLabel('Summary').inputValue()).toBe(payloads.summary)

  const { slug } = await db
    .selectFrom('case_studies as c')
    .innerJoin('submissions as s', 's.id', 'c.submission_id')
    .select('c.slug')
    .where('s.reference', '=', reference)
    .executeTakeFirstOrThrow()
  await page.goto(`/library/${slug}`)
  await expectInert(page, [
    payloads.title,
    '</textarea><script>',
    '<iframe src=',
    '<b onmouseover=',
  ])

  // Search results, with highlighting, once the index has it.
  await expect
    .poll(
      async () => {
        const response = await fetch(
          `${inject('baseUrl')}/api/case-studies?q=circuits%20calm%20starts`,
        )
        const body = (await response.json()) as { results: { slug: string }[] }
        return body.results.some((r) => r.slug === slug)
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  await page.goto('/library?q=circuits+calm+starts')
  await expectInert(page, ['<script>window.__xss = "title"</script>'])
  await context.close()

  // The advisory group's pages and exports.
  const adviserContext = await browser.newContext({ javaScript: true })
  const adviser = await adviserContext.newPage()
  adviser.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await signIn(adviser, 'advisory')
  await adviser.goto(`/evidence/case-studies/${reference}`)
  await expectInert(adviser, [payloads.title, '"><svg onload='])
  await adviser.goto('/evidence/export')
  const download = async (format: RegExp) => {
    await adviser.getByLabel(format).check()
    const [file] = await Promise.all([
      adviser.waitForEvent('download'),
      adviser.getByRole('button', { name: 'Download' }).click(),
    ])
    return readFile((await file.path())!)
  }
  const rows = parseCsv(await download(/^CSV/), { bom: true, columns: true }) as Record<
    string,
    string
  >[]
  const row = rows.find((r) => r.Reference === reference)!
  expect(row.Title).toBe(payloads.title)
  // Text stays as written, except that a formula at the start of a cell is neutralised.
  expect(JSON.stringify(row)).toContain('<img src=x onerror=')
  expect(Object.values(row).some((cell) => cell.includes('=HYPERLINK('))).toBe(true)
  expect(Object.values(row).some((cell) => /^[=+\-@]/.test(cell))).toBe(false)
  const pdf = await new PDFParse({ data: await download(/PDF evidence summary/) }).getText()
  expect(pdf.text).toContain(reference)
  // The PDF draws text; the title is printed as written.
  expect(pdf.text.replace(/\s+/g, ' ')).toContain('Circuits <script>')
  await adviserContext.close()

  expect(dialogs).toEqual([])
})
