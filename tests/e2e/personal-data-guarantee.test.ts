import ExcelJS from 'exceljs'
import { PDFParse } from 'pdf-parse'
import { expect, inject, test } from 'vitest'
import {
  publishedFields,
  publishedInputIds,
  publishedTexts,
  readPublishedValues,
  MAX_MEASURES,
  type PublishedField,
  type PublishedValues,
} from '../../app/privacy/published-fields'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { appDatabaseForFile } from '../support/app-database'
import { validUpn } from '../support/identifiers'
import { openCallAnswers } from '../support/open-call-answers'
import {
  prepareCompleteResponse,
  RespondentClient,
  sendPreparedResponse,
  type completeFormAnswers,
} from '../support/respondent-client'
import { browserForFile, expectAccessible, signIn } from './browser'

// Generated from the one list of published fields: for each field, a response (or, for what
// moderators write, a moderator's edit) carries a check-digit-valid pupil identifier in that
// field alone. Publishing is refused until the moderator removes it; once it is published, the
// identifier is on no public surface: the library page and listing, search by the identifier,
// the public API's JSON and CSV, and every publication-audience export.

const db = appDatabaseForFile()
const browser = browserForFile()
const base = inject('baseUrl')
let serial = Date.now() % 100_000_000

type FormFields = ReturnType<typeof completeFormAnswers>

/** Where the respondent types the answer that becomes this field, if they do. */
const plantInAnswers: Partial<Record<string, (fields: FormFields, text: string) => void>> = {
  'practice.title': (f, text) => (f.practice.title = `Circuits for calm starts ${text}`),
  'story.challenge': (f, text) => (f.story.challenge = `${f.story.challenge} ${text}`),
  'story.dayToDay': (f, text) => (f.story.dayToDay = `${f.story.dayToDay} ${text}`),
  'story.keyFactors': (f, text) => (f.story.keyFactors = `${f.story.keyFactors} ${text}`),
  'story.advice': (f, text) => (f.story.advice = `${f.story.advice} ${text}`),
  'impact.whatChanged': (f, text) => (f.impact.whatChanged = `${f.impact.whatChanged} ${text}`),
  'impact.costStaff': (f, text) =>
    Object.assign(f.impact as Record<string, string>, { costStaff: `One assistant ${text}` }),
  'impact.measure1Before': (f, text) => (f.impact.measure1Before = text),
}

async function staffClient(role: 'moderator' | 'advisory') {
  const account = demoAccounts.find((a) => a.role === role)!
  const client = new RespondentClient(base)
  await client.get('/sign-in')
  const signedIn = await client.post('/sign-in', {
    email: account.email,
    password: account.password,
  })
  expect(signedIn.status, `${role} signs in`).toBe(302)
  await client.get('/account')
  return client
}

/** The case study form's fields, as the review page posts them. */
function draftForm(values: PublishedValues, version: number) {
  const texts = new Map(publishedTexts(values).map((t) => [t.id, t.text]))
  return {
    ...Object.fromEntries(publishedInputIds(MAX_MEASURES).map((id) => [id, texts.get(id) ?? ''])),
    version: String(version),
    changeReason: '',
    intent: 'save-draft',
  }
}

async function storedDraft(reference: string) {
  return db
    .selectFrom('case_studies as cs')
    .innerJoin('submissions as s', 's.id', 'cs.submission_id')
    .selectAll('cs')
    .where('s.reference', '=', reference)
    .executeTakeFirstOrThrow()
}

/** Writes `text` into the field: the first measure's "before" for measures, a keyword for keywords. */
function withText(values: PublishedValues, field: PublishedField, text: string): PublishedValues {
  if (field.input === 'measures')
    return {
      ...values,
      measures: [{ ...values.measures[0]!, before: text }, ...values.measures.slice(1)],
    }
  if (field.input === 'list') return { ...values, keywords: [...values.keywords, text] }
  return { ...values, [field.key]: `${values[field.key] as string} ${text}`.trim() }
}

async function download(client: RespondentClient, format: string) {
  await client.get('/evidence/export?for=publication')
  const response = await fetch(`${base}/evidence/download?for=publication`, {
    method: 'POST',
    headers: { Cookie: client.jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: client.csrf, format }),
  })
  expect(response.status, `${format} export`).toBe(200)
  const bytes = Buffer.from(await response.arrayBuffer())
  if (format === 'pdf') return (await new PDFParse({ data: bytes }).getText()).text
  if (format === 'xlsx') {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer)
    const cells: string[] = []
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
    )
    return cells.join('\n')
  }
  return bytes.toString('utf8')
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await attempt()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

for (const field of publishedFields) {
  test(`an identifier in ${field.label} alone: publishing is refused until it is removed, then no public surface shows it`, async () => {
    const upn = validUpn(serial++)
    // A made-up word no other case study has, far from every other test's (search forgives typos).
    const token = `zq${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`
    const { call, answersFor } = await openCallAnswers(db)
    const plant = field.from ? plantInAnswers[field.from] : undefined
    const email = `pd.${serial}@school.example`
    const respondent = await prepareCompleteResponse(
      base,
      call.slug,
      answersFor(email, serial % 7),
      {
        edit: (fields) => {
          fields.consent.publication = 'named'
          plant?.(fields, upn)
        },
      },
    )
    // Saving the answer was enough for the server to scan it.
    const draftRow = await db
      .selectFrom('submissions')
      .select(['status', 'personal_data_flagged', 'personal_data_findings'])
      .where('respondent_email', '=', email)
      .executeTakeFirstOrThrow()
    expect(draftRow.status).toBe('draft')
    if (plant)
      expect(draftRow.personal_data_findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: field.from, kind: 'upn', match: upn }),
        ]),
      )
    const reference = await sendPreparedResponse(respondent, call.slug)

    const moderator = await staffClient('moderator')
    await moderator.get(`/moderate/${reference}`)
    expect(
      (await moderator.post(`/moderate/${reference}`, { intent: 'decision:claim' })).status,
    ).toBe(302)
    const draft = await storedDraft(reference)
    let values = {
      ...readPublishedValues(draft),
      summary: `Morning circuits helped pupils settle. ${token}`,
    }
    // What moderators write themselves is planted by the moderator.
    if (!plant) values = withText(values, field, upn)
    expect(values).not.toEqual(readPublishedValues(draft))
    expect(JSON.stringify(values)).toContain(upn)
    expect(
      (await moderator.post(`/moderate/${reference}`, draftForm(values, draft.version))).status,
    ).toBe(302)

    // The review page offers every published field, and marks the identifier where it is.
    const review = await moderator.get(`/moderate/${reference}`)
    for (const id of publishedInputIds(MAX_MEASURES))
      expect(review.html, `input ${id}`).toContain(`name="${id}"`)
    expect(review.html).toContain('Possible personal data in the case study')
    expect(review.html).toContain(upn)

    const refused = await moderator.post(`/moderate/${reference}`, { intent: 'decision:publish' })
    expect(refused.status).toBe(409)
    expect(refused.html).toContain('Remove the personal data from the case study before publishing')
    expect((await storedDraft(reference)).status).toBe('draft')

    // The moderator removes it; then it publishes.
    const saved = await storedDraft(reference)
    const cleaned = JSON.parse(
      JSON.stringify(readPublishedValues(saved)).split(upn).join('a pupil'),
    ) as PublishedValues
    expect(
      (await moderator.post(`/moderate/${reference}`, draftForm(cleaned, saved.version))).status,
    ).toBe(302)
    expect(
      (await moderator.post(`/moderate/${reference}`, { intent: 'decision:publish' })).status,
    ).toBe(302)
    const published = await storedDraft(reference)
    expect(published.status).toBe('published')

    // Public surfaces, each shown to hold the case study, none holding the identifier.
    const visitor = new RespondentClient(base)
    const listing = await until('the index', async () => {
      const result = await visitor.get(`/library?q=${token}`)
      return result.html.includes(`/library/${published.slug}`) ? result : undefined
    })
    const pages = {
      listing: listing.html,
      page: (await visitor.get(`/library/${published.slug}`)).html,
      searchByIdentifier: (await visitor.get(`/library?q=${encodeURIComponent(upn)}`)).html,
      apiCaseStudy: (await visitor.get(`/api/case-studies/${published.slug}`)).html,
      apiSearch: (await visitor.get(`/api/case-studies?q=${token}`)).html,
      apiSearchByIdentifier: (await visitor.get(`/api/case-studies?q=${encodeURIComponent(upn)}`))
        .html,
      apiCsv: (await visitor.get(`/api/case-studies?q=${token}&format=csv`)).html,
    }
    expect(pages.page).toContain(published.title.replaceAll('&', '&amp;').replaceAll("'", '&#x27;'))
    expect(JSON.parse(pages.apiSearch).total).toBe(1)
    expect(JSON.parse(pages.apiSearchByIdentifier).total).toBe(0)
    expect(pages.apiCsv).toContain(published.slug)
    const adviser = await staffClient('advisory')
    const exports = {
      csv: await download(adviser, 'csv'),
      json: await download(adviser, 'json'),
      xlsx: await download(adviser, 'xlsx'),
      pdf: await download(adviser, 'pdf'),
      pack: (await adviser.get('/evidence/pack?for=publication')).html,
    }
    expect(exports.csv).toContain(published.title)
    // Searching by the identifier finds nothing (the page repeats what was typed, nothing more).
    expect(pages.searchByIdentifier).not.toContain(`/library/${published.slug}`)
    const { searchByIdentifier: _typed, ...shown } = pages
    for (const [surface, text] of Object.entries({ ...shown, ...exports }))
      expect(text.includes(upn), `${surface} shows the identifier`).toBe(false)

    // Leave the shared library as it was for the tests that count it.
    await moderator.get(`/moderate/${reference}`)
    expect(
      (await moderator.post(`/moderate/${reference}`, { intent: 'decision:unpublish' })).status,
    ).toBe(302)
  })
}

test('the review page with findings shown passes axe, and a dismissal works without JavaScript', async () => {
  const { call, answersFor } = await openCallAnswers(db)
  const phone = '01632 960321'
  const upn = validUpn(serial++)
  const respondent = await prepareCompleteResponse(
    base,
    call.slug,
    answersFor(`axe.${serial}@school.example`, 3),
    {
      edit: (fields) => {
        fields.story.advice = `${fields.story.advice} Ring the office on ${phone}.`
        fields.story.challenge = `${fields.story.challenge} UPN ${upn}.`
      },
    },
  )
  const reference = await sendPreparedResponse(respondent, call.slug)
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  await page.goto(`/moderate/${reference}`)
  await page.getByRole('button', { name: 'Claim this submission' }).click()
  await page
    .getByRole('heading', { name: /Possible personal data in the case study \(2\)/ })
    .waitFor()
  // The page streams: let all of it arrive before axe reads it.
  await page.waitForLoadState('load')
  await expectAccessible(page)

  // The identifier can only be removed; the phone number can be dismissed, with a reason.
  await page.getByText('A number with a valid check digit cannot be dismissed.').waitFor()
  await page.getByRole('button', { name: 'Dismiss this finding' }).click()
  await page.getByRole('link', { name: 'Enter why this is not a child’s personal data' }).waitFor()
  expect(await page.title()).toMatch(/^Error: /)
  await page.waitForLoadState('load')
  await expectAccessible(page)
  await page
    .getByLabel(`Why “${phone}” is not a child’s personal data`)
    .fill('The school office’s number')
  await page.getByRole('button', { name: 'Dismiss this finding' }).click()
  await page
    .getByRole('heading', { name: /Possible personal data in the case study \(1\)/ })
    .waitFor()
  await page.getByText('Dismissed as not a child’s personal data (1)').waitFor()

  // Publishing is refused while the identifier is in the text, and the summary says where.
  await page.getByLabel('Summary').fill('Morning circuits helped pupils settle.')
  await page.getByLabel('The challenge').fill('Pupils found the start of the day hard.')
  await page.getByRole('button', { name: 'Save case study' }).click()
  await page.getByRole('heading', { name: /No personal data left in the case study/ }).waitFor()
  await page.getByRole('button', { name: 'Publish' }).click()
  await page.getByRole('button', { name: 'Unpublish' }).click()
  await page.getByRole('button', { name: 'Publish' }).waitFor()
  await context.close()
})
