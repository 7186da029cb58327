import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { demoCallSlug } from '../../seeds/seed'
import { submitCompleteResponse } from '../support/respondent-client'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'
import { appDatabaseForFile } from '../support/app-database'

const browser = browserForFile()
const db = appDatabaseForFile()

/** A waiting submission the respondent agreed to publish, with no personal data to remove. */
async function publishableSubmission() {
  const rows = await db
    .selectFrom('submissions')
    .select(['reference', 'original_answers'])
    .where('status', '=', 'submitted')
    .where('personal_data_flagged', '=', false)
    .orderBy('submitted_at')
    .execute()
  const row = rows.find(
    (r) =>
      (r.original_answers as { consent?: { publication?: string } }).consent?.publication !==
      'evidence-only',
  )!
  return row.reference
}

async function librarySearch(page: Page, word: string) {
  await page.goto(`/library?q=${word}`)
  return page.locator('ol[aria-label="Case studies"] h2 a').allTextContents()
}

for (const javaScript of [true, false]) {
  describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('a moderator claims a submission, writes its summary, tags it, publishes it, finds it in the library, then unpublishes it', async () => {
      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()
      await signIn(page, 'moderator')
      await page.getByRole('link', { name: 'Moderation queue' }).click()
      await expectHeading(page, 'Moderation queue')
      expect(await page.getByRole('status').textContent()).toMatch(
        /^\d+ submitted submissions, oldest first$/,
      )
      await expectAccessible(page)

      const reference = await publishableSubmission()
      await page.goto(`/moderate/${reference}`)
      await page.getByText('Claim this submission to start its case study.').waitFor()
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Claim this submission' }).click()
      await page.getByRole('button', { name: 'Save case study' }).waitFor()
      expect(await page.getByText('held by Morgan Moderator (demo)').count()).toBeGreaterThan(0)

      // Publishing without a summary is refused, with the reason, and nothing changes.
      await page.getByRole('button', { name: 'Publish' }).click()
      await page
        .locator('.govuk-error-summary')
        .getByText('Write a summary before publishing')
        .waitFor()
      await expectAccessible(page)

      const word = `zephyrine${javaScript ? 'js' : 'nojs'}${Date.now().toString(36)}`
      await page.getByLabel('Summary').fill(`Morning sensory circuits, ${word}, settled pupils.`)
      await page.getByRole('button', { name: 'Save case study' }).click()
      await expect.poll(() => page.getByLabel('Summary').inputValue()).toContain(word)
      await page.getByRole('button', { name: 'Save tags' }).click()
      await page.getByRole('button', { name: 'Save tags' }).waitFor()
      await page.getByRole('button', { name: 'Publish' }).click()
      await page.getByRole('button', { name: 'Unpublish' }).waitFor()
      await expectAccessible(page)

      const reader = await (await browser.newContext({ javaScript })).newPage()
      await expect
        .poll(async () => (await librarySearch(reader, word)).length, { timeout: 15_000 })
        .toBe(1)

      await page.getByRole('button', { name: 'Unpublish' }).click()
      await page.getByRole('button', { name: 'Publish' }).waitFor()
      await expect
        .poll(async () => (await librarySearch(reader, word)).length, { timeout: 15_000 })
        .toBe(0)

      const { id } = await db
        .selectFrom('submissions')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
      const audit = await db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'submission')
        .where('subject_id', '=', id)
        .orderBy('id')
        .execute()
      expect(audit.map((a) => a.action)).toEqual([
        'submission.claim',
        'submission.publish',
        'submission.unpublish',
      ])

      await page.goto(`/moderate/audit?reference=${reference}`)
      await expectHeading(page, 'Audit log')
      expect(await page.getByRole('status').textContent()).toMatch(/^\d+ events$/)
      expect(await page.getByRole('cell', { name: 'submission.publish' }).count()).toBe(1)
      await expectAccessible(page)
      const csv = await page.request.get(`/moderate/audit.csv?reference=${reference}`)
      expect(csv.headers()['content-disposition']).toBe('attachment; filename="audit-log.csv"')
      const body = await csv.text()
      expect(body.startsWith('\uFEFFtime,who,action,submission,subject,changed')).toBe(true)
      expect(body).toContain(`submission.unpublish,${reference}`)
      await context.close()
      await reader.context().close()
    })
  })
}

test('a moderator rejects two submissions as duplicates from the queue in one go', async () => {
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  await page.goto('/moderate?status=submitted&page=2')
  const boxes = page.locator('input[name="selected"]')
  const chosen = [
    await boxes.nth(0).getAttribute('value'),
    await boxes.nth(1).getAttribute('value'),
  ]
  await boxes.nth(0).check()
  await boxes.nth(1).check()
  await page.getByLabel('Action').selectOption('reject-duplicate')
  await page.getByLabel('Duplicate of (to reject)').fill('IIP-2345-6789')
  await page.getByRole('button', { name: 'Apply to selected' }).click()
  for (const reference of chosen) await page.getByText(`${reference}: Rejected`).waitFor()
  await expectAccessible(page)
  const rows = await db
    .selectFrom('submissions')
    .select('status')
    .where('reference', 'in', chosen as string[])
    .execute()
  expect(rows).toEqual([{ status: 'rejected' }, { status: 'rejected' }])

  // Nothing chosen: a clear error, nothing done.
  await page.goto('/moderate?status=submitted')
  await page.getByRole('button', { name: 'Apply to selected' }).click()
  await page.locator('.govuk-error-summary').getByText('Select at least one submission').waitFor()
  await expectAccessible(page)
  await context.close()
})

/** As an administrator: claim a submission and add it to the double-coding sample. */
async function claimAndSample(reference: string) {
  const admin = await browser.newContext({ javaScript: false })
  const adminPage = await admin.newPage()
  await signIn(adminPage, 'admin')
  await adminPage.goto(`/moderate/${reference}`)
  await adminPage.getByRole('button', { name: 'Claim this submission' }).click()
  await adminPage.getByRole('button', { name: 'Add to the double-coding sample' }).click()
  await adminPage.getByText('This submission is in the double-coding sample.').waitFor()
  await admin.close()
}

/** Every page under /moderate, from the route folders, so that a new one cannot be missed. */
async function moderationUrls() {
  // A sent response with a supporting file, so that the file download is walked too.
  const term = (scheme: string) =>
    db
      .selectFrom('taxonomy_terms')
      .select('code')
      .where('scheme_code', '=', scheme)
      .executeTakeFirstOrThrow()
      .then((t) => t.code)
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
  const { reference } = await submitCompleteResponse(
    inject('baseUrl'),
    demoCallSlug,
    {
      email: 'access@westwell.sch.uk',
      urn: 990001,
      practiceType: await term('practice'),
      need: await term('need'),
      phase: await term('phase'),
    },
    { file: { name: 'Plan <é>.png', type: 'image/png', bytes: png } },
  )
  const { id: fileId } = await db
    .selectFrom('submission_files as f')
    .innerJoin('submissions as s', 's.id', 'f.submission_id')
    .select('f.id')
    .where('s.reference', '=', reference)
    .executeTakeFirstOrThrow()
  // In the double-coding sample with an administrator as first coder, so that the demo
  // moderator may open its second coding.
  await claimAndSample(reference)
  const samples: Record<string, string> = { $reference: reference, $fileId: fileId }
  const routes = readdirSync(path.resolve(import.meta.dirname, '../../app/routes')).filter(
    (name) => name === 'moderate' || name.startsWith('moderate.'),
  )
  expect(routes.length).toBeGreaterThan(1)
  return routes.map((name) => {
    // Folder names to paths: dots are slashes, `[.csv]` is a literal `.csv`.
    const url = `/${name
      .replace(/\[\.([a-z]+)\]/g, '~$1')
      .split('.')
      .filter((part) => part !== '_index')
      .map((part) => samples[part] ?? part.replace('~', '.'))
      .join('/')}`
    if (url.includes('$')) throw new Error(`No sample value for the parameter in route ${name}`)
    return url
  })
}

test('every moderation page: anonymous people go to sign-in, advisory members get 403, moderators get the page', async () => {
  const urls = await moderationUrls()
  expect(urls.some((url) => url.endsWith('/second-coding'))).toBe(true)
  const anonymous = await browser.newContext({ javaScript: false })
  const advisory = await browser.newContext({ javaScript: false })
  const moderator = await browser.newContext({ javaScript: false })
  await signIn(await advisory.newPage(), 'advisory')
  await signIn(await moderator.newPage(), 'moderator')
  for (const url of urls) {
    const anon = await anonymous.request.get(url, { maxRedirects: 0 })
    expect(anon.status(), url).toBe(302)
    expect(anon.headers().location, url).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`)
    expect((await advisory.request.get(url, { maxRedirects: 0 })).status(), url).toBe(403)
    const ok = await moderator.request.get(url, { maxRedirects: 0 })
    expect(ok.status(), url).toBe(200)
    if (url.includes('/files/')) {
      // Files go only to staff, as downloads, never sniffed into something runnable.
      expect(ok.headers()['content-disposition']).toBe(
        `attachment; filename="Plan _.png"; filename*=UTF-8''Plan%20%C3%A9.png`,
      )
      expect(ok.headers()['x-content-type-options']).toBe('nosniff')
      expect(ok.headers()['content-type']).toBe('image/png')
    }
  }
  await Promise.all([anonymous.close(), advisory.close(), moderator.close()])
})

test('a second moderator codes a sampled submission blind; agreement is shown and an admin reconciles it', async () => {
  const sample = { reference: await publishableSubmission() }
  await claimAndSample(sample.reference)
  const context = await browser.newContext({ javaScript: true })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  await page.goto(`/moderate/${sample!.reference}/second-coding`)
  await expectHeading(page, /^Second coding/)
  // Blind: nothing is ticked for the second coder.
  expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(0)
  await expectAccessible(page)
  await page.locator('input[name="practice"]').first().check()
  await page.locator('input[name="need"]').first().check()
  await page.getByRole('button', { name: 'Save second coding' }).click()
  await expectHeading(page, 'Coding agreement')
  await expectAccessible(page)
  const needs = page.getByRole('row', { name: /^Needs/ })
  expect(await needs.textContent()).toMatch(/\d+%/)
  await context.close()

  const adminContext = await browser.newContext({ javaScript: false })
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin')
  await admin.goto('/moderate/agreement')
  await admin.getByRole('button', { name: `Mark reconciled ${sample!.reference}` }).click()
  await admin
    .getByRole('row', { name: new RegExp(sample!.reference) })
    .getByText('Reconciled')
    .waitFor()
  await adminContext.close()
})

test('personal data found in a response is marked in the original, and in the case study where it still is', async () => {
  const { reference } = await db
    .selectFrom('submissions')
    .select('reference')
    .where('status', '=', 'submitted')
    .where('personal_data_flagged', '=', true)
    .orderBy('submitted_at', 'desc')
    .executeTakeFirstOrThrow()
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  await page.goto(`/moderate/${reference}`)
  expect(await page.locator('mark').allTextContents()).toEqual(
    expect.arrayContaining(['Amelia', 'B801200005001']),
  )
  await page.getByRole('button', { name: 'Claim this submission' }).click()
  await page.getByRole('link', { name: /Pupil's name “Amelia” in The challenge/ }).waitFor()
  await expectAccessible(page)
  // Publishing is refused while the personal data is still in the case study's text.
  await page.getByLabel('Summary').fill('A flagged example.')
  await page.getByRole('button', { name: 'Save case study' }).click()
  await page.getByRole('button', { name: 'Publish' }).click()
  await page
    .locator('.govuk-error-summary')
    .getByText(/Remove the personal data from the case study before publishing/)
    .waitFor()
  await context.close()
})

test('a moderator asks for changes; the respondent follows the emailed link, changes the story and sends it again', async () => {
  const reference = await publishableSubmission()
  const { respondent_email: email } = await db
    .selectFrom('submissions')
    .select('respondent_email')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow()
  const staff = await browser.newContext({ javaScript: false })
  const page = await staff.newPage()
  await signIn(page, 'moderator')
  await page.goto(`/moderate/${reference}`)
  await page.getByRole('button', { name: 'Claim this submission' }).click()
  await page
    .getByLabel('Reason or message to the respondent')
    .fill('Please say how many pupils took part.')
  await page.getByRole('button', { name: 'Request changes' }).click()
  await page.getByText('Changes requested', { exact: true }).first().waitFor()
  await staff.close()

  const deadline = Date.now() + 20_000
  let link: string | undefined
  while (!link && Date.now() < deadline) {
    const log = await readFile(inject('notifyLog'), 'utf8').catch(() => '')
    link = log
      .split('\n')
      .filter(Boolean)
      .map(
        (line) => JSON.parse(line) as { email_address: string; personalisation: { body: string } },
      )
      .find((r) => r.email_address === email && r.personalisation.body.includes('/return/'))
      ?.personalisation.body.match(/https?:\/\/\S+\/return\/[A-Za-z0-9_-]+/)?.[0]
    if (!link) await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(link, 'the changes-requested email with its link').toBeDefined()

  const respondent = await browser.newContext({ javaScript: false })
  const mine = await respondent.newPage()
  await mine.goto(new URL(link!).pathname)
  await expectHeading(mine, 'Your response')
  await mine.getByText('Please say how many pupils took part.').waitFor()
  await expectAccessible(mine)
  await mine.getByRole('link', { name: 'Your story' }).click()
  await mine
    .getByLabel('What challenge did you face?')
    .fill('Forty pupils took part in the first year.')
  await mine.getByRole('button', { name: 'Save and continue' }).click()
  await mine.goto(mine.url().replace(/\/response\/.*$/, '/response/check'))
  await expectHeading(mine, 'Check your answers before sending your response')
  await mine.getByRole('button', { name: 'Accept and send' }).click()
  await expectHeading(mine, 'Response sent')
  await respondent.close()

  const row = await db
    .selectFrom('submissions')
    .select(['status', 'answers', 'original_answers'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow()
  expect(row.status).toBe('submitted')
  expect(JSON.stringify(row.answers)).toContain('Forty pupils took part in the first year.')
  expect(JSON.stringify(row.original_answers)).not.toContain('Forty pupils took part')
})

test('the review page lists the seeded pair of duplicates as possible duplicates of each other', async () => {
  const rows = await db
    .selectFrom('submissions')
    .select([
      'reference',
      'establishment_urn',
      sql<string>`original_answers->'practice'->>'title'`.as('title'),
    ])
    .where('respondent_email', 'like', '%@demo-school.example')
    .execute()
  const pair = rows.filter(
    (r) =>
      rows.filter((o) => o.title === r.title && o.establishment_urn === r.establishment_urn)
        .length > 1,
  )
  expect(pair).toHaveLength(2)
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  await page.goto(`/moderate/${pair[0]!.reference}`)
  const section = page.locator('.govuk-inset-text', { hasText: 'Possible duplicates' })
  await section.getByRole('link', { name: pair[1]!.reference }).waitFor()
  expect(await section.textContent()).toContain('same organisation; similarity 100%')
  await expectAccessible(page)
  await context.close()
})

test('an administrator assigns a submission to a moderator from its review page', async () => {
  const reference = await publishableSubmission()
  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'admin')
  await page.goto(`/moderate/${reference}`)
  await page.getByLabel('Assign to').selectOption({ label: 'Morgan Moderator (demo)' })
  await page.getByRole('button', { name: 'Assign', exact: true }).click()
  await page.getByText('held by Morgan Moderator (demo)').waitFor()
  await expectAccessible(page)
  await context.close()
})

test('the review page links to the updates a school has sent since publication', async () => {
  const serial = `${Date.now() % 1_000_000}`
  const call = await db
    .selectFrom('calls')
    .select('id')
    .where('slug', '=', demoCallSlug)
    .executeTakeFirstOrThrow()
  const school = await db
    .selectFrom('establishments')
    .select('urn')
    .where('status_code', '=', 1)
    .orderBy('urn')
    .limit(1)
    .executeTakeFirstOrThrow()
  const title = `Calm corner for the morning ${serial}`
  const withUpdate = await insertModeratedResponse(db, {
    callId: call.id,
    urn: school.urn,
    status: 'approved',
    consent: 'named',
    email: `updates-${serial}@review.sch.uk`,
    followUpConsent: true,
    caseStudy: { title, isFictional: true },
  })
  const invitedOnly = await insertModeratedResponse(db, {
    callId: call.id,
    urn: school.urn,
    status: 'approved',
    consent: 'named',
    email: `invited-${serial}@review.sch.uk`,
    followUpConsent: true,
    caseStudy: { title: `Invited only ${serial}`, isFictional: true },
  })
  const now = new Date()
  const hash = (n: number) => `${serial.padStart(8, '0')}${String(n).padStart(56, '0')}`
  await db
    .insertInto('follow_ups')
    .values([
      {
        case_study_id: withUpdate.caseStudyId,
        round: 1,
        months: 6,
        token_hash: hash(1),
        invited_at: now,
        expires_at: new Date(now.getTime() + 60 * 86_400_000),
        status: 'submitted',
        submitted_at: now,
        answers: { running: { running: 'yes' } },
      },
      {
        case_study_id: invitedOnly.caseStudyId,
        round: 1,
        months: 6,
        token_hash: hash(2),
        invited_at: now,
        expires_at: new Date(now.getTime() + 60 * 86_400_000),
      },
    ])
    .execute()

  const context = await browser.newContext({ javaScript: false })
  const page = await context.newPage()
  await signIn(page, 'moderator')
  // An invitation not yet answered is no update: no link.
  await page.goto(`/moderate/${invitedOnly.reference}`)
  await expectHeading(page, `Invited only ${serial}`)
  expect(await page.getByRole('link', { name: /Updates from the school/ }).count()).toBe(0)

  await page.goto(`/moderate/${withUpdate.reference}`)
  await expectHeading(page, title)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Updates from the school (1)' }).click()
  await page.waitForURL(`**/moderate/${withUpdate.reference}/follow-up`)
  await expectHeading(page, title)
  await page.getByText('Follow-up, 6 months').first().waitFor()
  await context.close()
})
