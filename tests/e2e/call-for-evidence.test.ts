import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { demoCallSlug } from '../../seeds/seed'
import { browserForFile, expectAccessible, expectHeading } from './browser'
import { notifyRequestsTo } from '../support/notify-log'
import { appDatabaseForFile } from '../support/app-database'

const browser = browserForFile()
const db = appDatabaseForFile()

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const saveAndContinue = (page: Page) =>
  page.getByRole('button', { name: 'Save and continue' }).click()

async function startResponse(page: Page) {
  await page.goto(`/calls/${demoCallSlug}`)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Start now' }).click()
  await expectHeading(page, 'Your response')
}

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a school answers every section, attaches a file, checks its answers and sends its response', async () => {
      const email = `senco-${javaScript ? 'js' : 'nojs'}-${Date.now()}@westwell.sch.uk`
      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await startResponse(page)
      await expectAccessible(page)

      await page.getByRole('link', { name: 'About you' }).click()
      await expectHeading(page, 'About you')
      await saveAndContinue(page)
      await expect.poll(() => page.title()).toBe('Error: About you - Inclusion in Practice')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'Enter your full name',
      )
      await expectAccessible(page)
      await page.getByLabel('Full name').fill('Sam Lee')
      await page.getByLabel('Job title or role').fill('SENCO')
      await page.getByLabel('Work email address').fill(email)
      await page.getByLabel('Yes').check()
      await saveAndContinue(page)

      await expectHeading(page, 'Who is this response from?')
      await expectAccessible(page)
      await page.getByLabel('A school or college').check()
      await saveAndContinue(page)

      await expectHeading(page, 'Find your school')
      await page.getByLabel('School name or URN').fill('Westwell Primary')
      await page.getByRole('button', { name: 'Search' }).click()
      await page.getByLabel('Westwell Primary School').check()
      await expectAccessible(page)
      await saveAndContinue(page)

      await expectHeading(page, 'The practice')
      await page
        .getByLabel('Give your practice a short title')
        .fill('Sensory circuits before lessons')
      await page.locator('input[name="practiceTypes"]').first().check()
      await page.locator('input[name="needs"]').first().check()
      await page.locator('input[name="phases"]').first().check()
      await page.getByLabel('3 to 5 years').check()
      await page.getByLabel('How many pupils does it reach each year?').fill('40')
      await expectAccessible(page)
      await saveAndContinue(page)

      await expectHeading(page, 'Your story')
      const tooLong = Array.from({ length: 401 }, () => 'word').join(' ')
      await page.getByLabel('What challenge did you face?').fill(tooLong)
      await page
        .getByLabel('What does the practice look like day to day?')
        .fill('A circuit in the hall every morning.')
      await page
        .getByLabel('What were the key factors that made it work?')
        .fill('Training for every assistant.')
      await page.getByLabel('What advice would you give to other leaders?').fill('Start small.')
      if (javaScript) await page.getByText('You have 1 word too many').waitFor()
      await saveAndContinue(page)
      await page
        .locator('.govuk-error-summary')
        .getByText('The challenge must be 400 words or fewer')
        .waitFor()
      // What was typed is kept, including the answer that was too long.
      expect(await page.getByLabel('What challenge did you face?').inputValue()).toBe(tooLong)
      expect(
        await page.getByLabel('What advice would you give to other leaders?').inputValue(),
      ).toBe('Start small.')
      await expectAccessible(page)
      await page
        .getByLabel('What challenge did you face?')
        .fill('Pupils with sensory needs found mornings hard.')
      await saveAndContinue(page)

      await expectHeading(page, 'Impact and evidence')
      await page
        .getByLabel('What changed for children and young people?')
        .fill('Lateness fell and pupils settled.')
      await page
        .getByLabel('How do you know it made a difference?')
        .fill('Attendance records each term.')
      await page.locator('#measure1Kind').selectOption('attendance')
      await page.locator('#measure1Before').fill('91%')
      await page.locator('#measure1After').fill('95%')
      await page.locator('#measure1Period').fill('2022 to 2024')
      await expectAccessible(page)
      await saveAndContinue(page)

      await expectHeading(page, 'Supporting files (optional)')
      await page.getByLabel('Upload a file').setInputFiles({
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('not really a pdf'),
      })
      await page.getByRole('button', { name: 'Upload file' }).click()
      await page
        .locator('.govuk-error-summary')
        .getByText('The selected file must be a PDF, Word, Excel, PowerPoint, JPEG or PNG file')
        .waitFor()
      await expectAccessible(page)
      await page
        .getByLabel('Upload a file')
        .setInputFiles({ name: 'resources.png', mimeType: 'image/png', buffer: png })
      await page.getByRole('button', { name: 'Upload file' }).click()
      await page.locator('dt', { hasText: 'resources.png' }).waitFor()
      await expectAccessible(page)
      await saveAndContinue(page)

      await expectHeading(page, 'Publication and consent')
      await page.getByLabel('Publish it without naming our organisation').check()
      await page.getByLabel(/I agree that the response may be edited/).check()
      await page.getByLabel('Their full name').fill('Alex Morgan')
      await page.getByLabel('Their job title').fill('Headteacher')
      await expectAccessible(page)
      await saveAndContinue(page)

      await expectHeading(page, 'Your response')
      expect(await page.getByText('You have completed 7 of 7 sections').count()).toBe(1)
      await page.getByRole('link', { name: 'Check your answers' }).click()
      await expectHeading(page, 'Check your answers before sending your response')
      expect(await page.getByText('Westwell Primary School').count()).toBeGreaterThan(0)
      await page.getByText('resources.png').waitFor()
      expect(await page.getByText('resources.png').count()).toBe(1)
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Accept and send' }).click()

      await expectHeading(page, 'Response sent')
      const reference = (await page.locator('.govuk-panel__body strong').textContent())!
      expect(reference).toMatch(/^IIP-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
      await expectAccessible(page)

      const saved = await db
        .selectFrom('submissions')
        .select(['id', 'status', 'respondent_email', 'establishment_urn', 'original_answers'])
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
      expect(saved).toMatchObject({
        status: 'submitted',
        respondent_email: email,
        establishment_urn: 990001,
      })
      expect(JSON.stringify(saved.original_answers)).toContain('Sensory circuits before lessons')
      const files = await db
        .selectFrom('submission_files')
        .select(['file_name', 'media_type', 'size_bytes'])
        .where('submission_id', '=', saved.id)
        .execute()
      expect(files).toEqual([
        { file_name: 'resources.png', media_type: 'image/png', size_bytes: png.byteLength },
      ])

      const sent = await notifyRequestsTo(email)
      expect(sent).toHaveLength(1)
      expect(sent[0]!.reference).toBe(reference)
      expect(sent[0]!.personalisation.subject).toBe(`Response received: ${reference}`)
      expect(sent[0]!.personalisation.body).toContain('Sensory circuits before lessons')

      // Sending again (a resent form) does not make a second submission.
      await page.goBack()
      await db
        .selectFrom('submissions')
        .select('id')
        .where('respondent_email', '=', email)
        .execute()
      expect(
        await db
          .selectFrom('submissions')
          .select('id')
          .where('respondent_email', '=', email)
          .where('status', '=', 'submitted')
          .execute(),
      ).toHaveLength(1)
      await context.close()
    })
  })
}

test('a saved response is reopened through an emailed link; a tampered link is refused', async () => {
  const email = `return-${Date.now()}@westwell.sch.uk`
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await startResponse(page)
  await page.getByRole('link', { name: 'About you' }).click()
  await page.getByLabel('Full name').fill('Jo Patel')
  await page.getByLabel('Job title or role').fill('Headteacher')
  await page.getByLabel('Work email address').fill(email)
  await page.getByLabel('No').check()
  await page.getByRole('button', { name: 'Save and come back later' }).click()
  await expectHeading(page, 'Your answers have been saved')
  await expectAccessible(page)
  expect(await page.getByLabel('Email address').inputValue()).toBe(email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expectHeading(page, 'Check your email')
  await expectAccessible(page)
  await context.close()

  const [message] = await notifyRequestsTo(email)
  const link = message!.personalisation.body.match(/https?:\/\/\S+\/return\/[A-Za-z0-9_-]+/)![0]
  const path = new URL(link).pathname

  const elsewhere = await browser.newContext({ javaScript: true })
  const other = await elsewhere.newPage()
  await other.goto(path)
  await expectHeading(other, 'Your response')
  await other.getByRole('link', { name: 'About you' }).click()
  expect(await other.getByLabel('Full name').inputValue()).toBe('Jo Patel')

  const tampered = await other.goto(`${path.slice(0, -2)}xx`)
  expect(tampered?.status()).toBe(410)
  await expectHeading(other, 'This link has expired or is not valid')
  await expectAccessible(other)
  await elsewhere.close()
})

test('a response sent one second after the call closes is refused, even from a page opened before', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await startResponse(page)
  const call = await db
    .selectFrom('calls')
    .select(['id', 'closes_at'])
    .where('slug', '=', demoCallSlug)
    .executeTakeFirstOrThrow()
  // The person is on a question page when the deadline passes.
  await page.getByRole('link', { name: 'About you' }).click()
  await page.getByLabel('Full name').fill('Late Person')
  try {
    await db
      .updateTable('calls')
      .set({ closes_at: new Date(Date.now() - 1000) })
      .where('id', '=', call.id)
      .execute()
    const response = page.waitForResponse((r) => r.request().method() === 'POST')
    await saveAndContinue(page)
    expect((await response).status()).toBe(410)
    await expectHeading(page, 'This call for evidence has closed')
    await expectAccessible(page)
    const start = await page.goto(`/calls/${demoCallSlug}`)
    expect(start?.status()).toBe(200)
    expect(await page.getByRole('button', { name: 'Start now' }).count()).toBe(0)
  } finally {
    await db
      .updateTable('calls')
      .set({ closes_at: call.closes_at })
      .where('id', '=', call.id)
      .execute()
  }
  await context.close()
})

test('a trust chooses the schools its response covers: from a search, a whole trust, and a pasted list of URNs', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await startResponse(page)
  await page.getByRole('link', { name: 'Your organisation' }).click()
  await page.getByLabel('A multi-academy trust').check()
  await page
    .getByLabel('Name of your trust, local authority, partnership or organisation')
    .fill('Westwell Learning Trust')
  await saveAndContinue(page)
  await expectHeading(page, 'Schools your response covers')
  await expectAccessible(page)

  // Nothing added yet: continuing is refused with a clear message.
  await saveAndContinue(page)
  await page
    .locator('.govuk-error-summary')
    .getByText('Add at least one school that your response covers')
    .waitFor()

  await page.getByLabel('School or trust name').fill('Westwell')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('button', { name: /^Add Westwell Primary School/ }).click()
  await page.getByText('1 school added').waitFor()

  await page.getByLabel('URNs').fill('990002, 990003\n999999')
  await page.getByRole('button', { name: 'Add these schools' }).click()
  await page
    .locator('.govuk-error-summary')
    .getByText(/These are not URNs of schools in the register: 999999/)
    .waitFor()
  expect(await page.getByLabel('URNs').inputValue()).toBe('999999')
  await page.getByText('3 schools added').waitFor()
  await expectAccessible(page)

  await page.getByRole('button', { name: /^Remove St James's CofE Academy/ }).click()
  await page.getByText('2 schools added').waitFor()

  // A whole trust's open schools at once.
  await page.getByLabel('School or trust name').fill('Downland Chalk')
  await page.getByRole('button', { name: 'Search' }).click()
  await page
    .getByRole('button', { name: /^Add all \d+ schools in Downland Chalk Learning Trust$/ })
    .click()
  await page.getByText(/^\d+ schools added$/).waitFor()
  const added = Number((await page.getByText(/^\d+ schools added$/).textContent())!.split(' ')[0])
  expect(added).toBeGreaterThan(2)
  await saveAndContinue(page)
  await expectHeading(page, 'The practice')

  const [row] = await db
    .selectFrom('submissions')
    .select('answers')
    .where(sql<boolean>`answers->'organisation'->>'name' = 'Westwell Learning Trust'`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .execute()
  const urns = (row!.answers as { organisation: { urns: number[] } }).organisation.urns
  expect(urns).toHaveLength(added)
  expect(urns).toEqual(expect.arrayContaining([990001, 990003]))
  expect(urns).not.toContain(990002)
  await context.close()
})
