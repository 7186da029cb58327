import { afterAll, expect, inject, test } from 'vitest'
import { sql } from 'kysely'
import { FOLLOW_UP_TASK, runFollowUps } from '../../app/follow-ups/invitations.server'
import { SEND_EMAIL_TASK } from '../../app/notifications/email.server'
import type { NextVersionDraft } from '../../app/follow-ups/next-version'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { appDatabaseForFile } from '../support/app-database'
import { notifyRequestsTo } from '../support/notify-log'
import { browserForFile, expectAccessible, expectHeading, signIn } from './browser'

// A living library, end to end on the app's test clock: a case study is published; six months
// pass; its school is invited once (however many job runners look), answers the follow-up (an
// error first), and a moderator publishes what they said as version 2 with stronger evidence.
// The library then shows version 2 and its history, version 1 keeps its address, search finds the
// new text, and the API and its CSV carry the new version.

const db = appDatabaseForFile()
const browser = browserForFile()
const base = inject('baseUrl')
const day = 86_400
afterAll(() => moveClock(0))

async function moveClock(offsetSeconds: number) {
  const response = await fetch(`${base}/dev/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ offsetSeconds }),
  })
  expect(response.status).toBe(200)
  return new Date(((await response.json()) as { now: string }).now)
}

/** Follow-up runs and emails waiting or being done in the app's job queue. */
async function queued() {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier IN (${FOLLOW_UP_TASK}, ${SEND_EMAIL_TASK})`.execute(db)
  return Number(rows[0]!.n)
}

async function until<T>(what: string, read: () => Promise<T | undefined | null | false>) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const value = await read()
    if (value && (!Array.isArray(value) || value.length > 0)) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

for (const javaScript of [true, false]) {
  test(
    `a case study is followed up at 6 months and its school's update is published as version 2 (JavaScript ${javaScript ? 'on' : 'off'})`,
    {
      timeout: 300_000,
    },
    async () => {
      await moveClock(0)
      const serial = `${Date.now() % 1_000_000}`
      const word = javaScript ? 'quillwort' : 'bramblewick'
      const email = `head-${word}-${serial}@follow-up.sch.uk`
      const title = `Sensory circuits at the lunchtime club ${serial}`
      const call = await db
        .selectFrom('calls')
        .select('id')
        .where('slug', '=', 'inclusion-in-practice')
        .executeTakeFirstOrThrow()
      const school = await db
        .selectFrom('establishments')
        .select('urn')
        .where('status_code', '=', 1)
        .orderBy('urn')
        .limit(1)
        .executeTakeFirstOrThrow()
      const response = await insertModeratedResponse(db, {
        callId: call.id,
        urn: school.urn,
        status: 'approved',
        consent: 'named',
        email,
        followUpConsent: true,
        caseStudy: {
          title,
          summary: `A lunchtime club where pupils with sensory needs settle before afternoon lessons (${serial}).`,
          evidenceStrength: 2,
          isFictional: true,
        },
      })

      const context = await browser.newContext({ javaScript })
      const page = await context.newPage()

      // A moderator publishes the case study.
      await signIn(page, 'moderator')
      await page.goto(`/moderate/${response.reference}`)
      await page.getByRole('button', { name: 'Publish', exact: true }).click()
      const { slug } = await until('the case study to be published', () =>
        db
          .selectFrom('case_studies')
          .select('slug')
          .where('id', '=', response.caseStudyId)
          .where('status', '=', 'published')
          .executeTakeFirst(),
      )

      // Six months and a day later the job runs: the app's runner (asked when the clock moves) and
      // two more at once from here. The school gets one invitation.
      const now = await moveClock(182 * day + day)
      await Promise.all(
        [1, 2].map(() => runFollowUps(db, { intervals: [6, 12], baseUrl: base, now })),
      )
      const invitations = async () =>
        (await notifyRequestsTo(email)).filter((r) => r.personalisation.subject.includes('going'))
      const [invitation] = await until('the invitation email', invitations)
      expect(invitation?.personalisation.subject).toContain('6 months on')
      // The app's own run (queued when the clock moved) and every email queued are done, so a
      // second invitation would have been sent by now.
      await until('the follow-up runs and their emails done', async () => (await queued()) === 0)
      await runFollowUps(db, { intervals: [6, 12], baseUrl: base, now })
      expect(await invitations()).toHaveLength(1)
      const link = /\/follow-up\/open\/[A-Za-z0-9_-]+/.exec(invitation!.personalisation.body)![0]

      // The school answers, in a browser of its own.
      const schoolContext = await browser.newContext({ javaScript })
      const respondent = await schoolContext.newPage()
      await respondent.goto(link)
      await expectHeading(respondent, 'Tell us how your practice is going')
      await expectAccessible(respondent)
      await respondent.getByRole('button', { name: 'Start now' }).click()

      await expectHeading(respondent, 'Is the practice still running?')
      await expectAccessible(respondent)
      await respondent.getByLabel('Yes, but it has changed').check()
      await respondent.getByRole('button', { name: 'Continue' }).click()
      await respondent.getByRole('link', { name: 'Tell us why the practice changed' }).waitFor()
      expect(await respondent.title()).toMatch(/^Error: /)
      await expectAccessible(respondent)
      await respondent
        .getByLabel('If it has changed or stopped, why?')
        .fill('A second club opened for the younger pupils.')
      await respondent.getByRole('button', { name: 'Continue' }).click()

      await expectHeading(respondent, 'What has changed since your case study was published?')
      await expectAccessible(respondent)
      await respondent
        .getByLabel('Describe what you do now and what it has achieved')
        .fill('The club now runs every day and afternoon lessons start calmly.')
      await respondent.getByRole('button', { name: 'Continue' }).click()

      await expectHeading(respondent, 'New impact data (optional)')
      await expectAccessible(respondent)
      await respondent.locator('#measure1Kind').selectOption('attendance')
      await respondent.locator('#measure1Before').fill('91%')
      await respondent.locator('#measure1After').fill('96%')
      await respondent.locator('#measure1Period').fill('2025 to 2026')
      await respondent.getByRole('button', { name: 'Continue' }).click()

      await expectHeading(respondent, 'How many pupils does the practice reach now?')
      await expectAccessible(respondent)
      await respondent.getByLabel('How many pupils does the practice reach now?').fill('64')
      await respondent.getByRole('button', { name: 'Continue' }).click()

      await expectHeading(respondent, 'Is there anything you would add to your advice?')
      await expectAccessible(respondent)
      await respondent
        .getByLabel('Advice to other leaders (optional)')
        .fill('Keep the same adults running the club every day.')
      await respondent.getByRole('button', { name: 'Continue' }).click()

      await expectHeading(respondent, 'Check your answers before sending them')
      await expectAccessible(respondent)
      await expect
        .poll(() => respondent.locator('.govuk-summary-list').innerText())
        .toContain('Attendance: 91% before, 96% now (2025 to 2026)')
      await respondent.getByRole('button', { name: 'Accept and send' }).click()
      await expectHeading(respondent, 'Answers sent')
      await expectAccessible(respondent)
      // The link was used once: it does not open again.
      expect((await respondent.goto(link))!.status()).toBe(410)
      await schoolContext.close()

      // The moderator finds it in the queue as its own kind, publishes version 2 rated higher.
      await page.goto('/moderate')
      await page.getByRole('link', { name: title }).waitFor()
      await page.goto('/moderate/follow-ups')
      await expectHeading(page, 'Updates from schools')
      await expectAccessible(page)
      const row = page.getByRole('row').filter({ hasText: title })
      await expect.poll(() => row.innerText()).toContain('Follow-up, 6 months')
      await row.getByRole('link', { name: title }).click()
      await expectHeading(page, title)
      await expectAccessible(page)
      const draftHas = async (check: (draft: NextVersionDraft) => boolean) => {
        const row = await db
          .selectFrom('follow_ups')
          .select(['draft', 'edit_version'])
          .where('case_study_id', '=', response.caseStudyId)
          .executeTakeFirst()
        return row?.draft ? check(row.draft as unknown as NextVersionDraft) : false
      }
      // The page shows the saved draft's edit version before the next save or the publish
      // (optimistic locking: a form from before the last save would be refused).
      const pageHasSavedVersion = async () => {
        const { edit_version } = await db
          .selectFrom('follow_ups')
          .select('edit_version')
          .where('case_study_id', '=', response.caseStudyId)
          .executeTakeFirstOrThrow()
        await expect
          .poll(async () => [
            ...(await page
              .locator('input[name="version"]')
              .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))),
            await page.locator('input[name="editVersion"]').inputValue(),
          ])
          .toEqual(Array(3).fill(String(edit_version)))
      }
      await page.getByRole('button', { name: 'Claim this update' }).click()
      await page.getByRole('heading', { name: /Next version \(version 2\)/ }).waitFor()
      await expectAccessible(page)
      await page.locator('input[name="evidenceStrength"][value="3"]').check()
      await page
        .getByLabel('What changed in this version')
        .fill('The club now runs every day; attendance rose from 91% to 96%.')
      await page.getByRole('button', { name: 'Save rating and history' }).click()
      await until('the rating to be saved', () => draftHas((d) => d.evidenceStrength === 3))
      await pageHasSavedVersion()
      const newSummary = `A daily ${word} lunchtime club where pupils with sensory needs settle before afternoon lessons (${serial}).`
      await expect
        .poll(() => page.locator('input[name="evidenceStrength"][value="3"]').isChecked())
        .toBe(true)
      await page.locator('#summary').fill(newSummary)
      await page.getByRole('button', { name: 'Save case study' }).click()
      await until('the text to be saved', () => draftHas((d) => d.values.summary === newSummary))
      await pageHasSavedVersion()
      await page.getByRole('button', { name: 'Publish as a new version' }).click()
      await page.getByText('Published as a new version').first().waitFor()
      await expectAccessible(page)

      // The library: version 2, its history, version 1's permalink, search, the API and the CSV.
      await page.goto(`/library/${slug}`)
      await expectHeading(page, title)
      await expectAccessible(page)
      const main = page.locator('main')
      await expect.poll(() => main.innerText()).toContain(newSummary)
      expect(await main.innerText()).toMatch(/Last reviewed \d{1,2} \w+ \d{4}/)
      expect(await main.innerText()).toContain('version 2')
      await page.getByRole('heading', { name: 'How this practice has changed' }).waitFor()
      await page.getByRole('link', { name: /^Version 1, / }).click()
      await page.waitForURL((url) => url.pathname === `/library/${slug}/versions/1`)
      await expectHeading(page, title)
      expect(await page.locator('main').innerText()).toContain(
        'This is version 1 of this case study',
      )
      expect(await page.locator('main').innerText()).not.toContain(newSummary)
      await expectAccessible(page)
      expect((await fetch(`${base}/library/${slug}/versions/2`)).status).toBe(200)
      expect((await fetch(`${base}/library/${slug}/versions/3`)).status).toBe(404)

      await until('search to find the new text', async () => {
        const found = await fetch(`${base}/api/case-studies?q=${word}`)
        const body = (await found.json()) as { results: { slug: string; version: number }[] }
        return body.results.find((r) => r.slug === slug && r.version === 2)
      })
      await page.goto(`/library?q=${word}`)
      await page.getByRole('link', { name: title }).waitFor()

      const api = (await (await fetch(`${base}/api/case-studies/${slug}`)).json()) as {
        version: number
        lastReviewedAt: string
        status: string
        evidenceStrength: number
        versions: { version: number; url: string }[]
      }
      expect(api).toMatchObject({ version: 2, status: 'changed', evidenceStrength: 3 })
      expect(new Date(api.lastReviewedAt).getTime()).toBeGreaterThan(Date.now() + 150 * day * 1000)
      expect(api.versions.map((v) => v.version)).toEqual([1, 2])
      expect(api.versions[0]!.url).toMatch(new RegExp(`/library/${slug}/versions/1$`))
      const csv = await (await fetch(`${base}/api/case-studies?format=csv&q=${word}`)).text()
      const [header, ...lines] = csv.trim().split('\r\n')
      const columns = header!.split(',')
      const line = lines.find((l) => l.startsWith(`${slug},`))!
      expect(line).toBeTruthy()
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''))
      expect(cells[columns.indexOf('version')]).toBe('2')
      expect(cells[columns.indexOf('status')]).toBe('changed')

      // Leave the shared library as other browser tests expect it.
      await page.goto(`/moderate/${response.reference}`)
      await page.getByRole('button', { name: 'Unpublish' }).click()
      await until('the case study to leave the library', () =>
        db
          .selectFrom('case_studies')
          .select('id')
          .where('id', '=', response.caseStudyId)
          .where('status', '=', 'unpublished')
          .executeTakeFirst(),
      )
      await context.close()
      await moveClock(0)
    },
  )
}
