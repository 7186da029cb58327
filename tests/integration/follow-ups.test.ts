import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runRetention } from '../../app/data-protection/retention.server'
import { runFollowUps } from '../../app/follow-ups/invitations.server'
import {
  findInvitation,
  handleFollowUpPage,
  openFollowUpLink,
  requireFollowUp,
  sendFollowUp,
} from '../../app/follow-ups/journey.server'
import { addMonths, linkExpiry } from '../../app/follow-ups/schedule'
import { SEND_EMAIL_TASK, type EmailMessage } from '../../app/notifications/email.server'
import { hashToken } from '../../app/submissions/respondent-session.server'
import { createClock } from '../../app/utils/clock.server'
import { commitCsrfToken } from '../../app/utils/csrf.server'
import { parseEnv } from '../../app/utils/env.server'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'
import { validUpn } from '../support/identifiers'
import { testLoadContext } from '../support/load-context'

let t: TestServices
let context: AppLoadContext
let callId: string
let urn: number
const day = 86_400_000
const baseUrl = 'https://inclusion.example.org'
const intervals = [6, 12]
const publishedAt = new Date('2026-03-12T10:00:00Z')
const sixMonths = addMonths(publishedAt, 6)
const twelveMonths = addMonths(publishedAt, 12)

beforeAll(async () => {
  t = await createTestServices()
  const base = testLoadContext(t)
  context = {
    ...base,
    services: {
      ...base.services,
      clock: createClock(true),
      sessionSecret: 'follow-up-tests-secret-follow-up-tests-secret',
    },
  } as AppLoadContext
  callId = (
    await insertCall(t.db, {
      opensAt: new Date('2026-01-01T00:00:00Z'),
      closesAt: new Date('2026-02-01T00:00:00Z'),
    })
  ).id
  urn = await insertSchool(t.db, { postcode: 'EC2V 7HH' })
})
afterAll(() => t.cleanUp())

const setNow = (now: Date) => context.services.clock.setOffset(now.getTime() - Date.now())

async function published(email: string, followUpConsent: boolean) {
  return insertModeratedResponse(t.db, {
    callId,
    urn,
    status: 'published',
    consent: 'named',
    email,
    followUpConsent,
    submittedAt: new Date('2026-01-20T00:00:00Z'),
    caseStudy: { publishedAt, title: `Sensory circuits ${email}` },
  })
}

const run = (now: Date) => runFollowUps(t.db, { intervals, baseUrl, now })

async function emailsTo(to: string) {
  const rows = await sql<{ payload: EmailMessage }>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks k ON k.id = j.task_id
    WHERE k.identifier = ${SEND_EMAIL_TASK} ORDER BY j.id`.execute(t.db)
  return rows.rows.map((r) => r.payload).filter((p) => p.to === to)
}

const rounds = (caseStudyId: string) =>
  t.db
    .selectFrom('follow_ups')
    .selectAll()
    .where('case_study_id', '=', caseStudyId)
    .orderBy('round')
    .execute()

const tokenIn = (email: EmailMessage) => /\/follow-up\/open\/([A-Za-z0-9_-]+)/.exec(email.body)![1]!

test('no invitation without consent: a school that did not agree is never emailed', async () => {
  const declined = await published('declined@oak.sch.uk', false)
  await run(sixMonths)
  await run(twelveMonths)
  expect(await rounds(declined.caseStudyId)).toEqual([])
  expect(await emailsTo('declined@oak.sch.uk')).toEqual([])
})

test('nothing is sent before 6 months; at 6 months exactly one invitation, however many runners', async () => {
  const school = await published('agreed@oak.sch.uk', true)
  await run(new Date(sixMonths.getTime() - 60_000))
  expect(await rounds(school.caseStudyId)).toEqual([])

  const reports = await Promise.all(Array.from({ length: 8 }, () => run(sixMonths)))
  expect(reports.reduce((n, r) => n + r.invited, 0)).toBe(1)
  await run(new Date(sixMonths.getTime() + day))

  const sent = await rounds(school.caseStudyId)
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({ round: 1, months: 6, status: 'invited', reminded_at: null })
  expect(new Date(sent[0]!.expires_at)).toEqual(linkExpiry(sixMonths))
  const emails = await emailsTo('agreed@oak.sch.uk')
  expect(emails).toHaveLength(1)
  expect(emails[0]!.subject).toContain('6 months on')
  expect(emails[0]!.reference).toMatch(/^IIP-.*-F1$/)

  // The link is stored only as its hash: the token is nowhere in the database.
  const token = tokenIn(emails[0]!)
  expect(sent[0]!.token_hash).toBe(hashToken(token))
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM follow_ups f WHERE f::text LIKE ${`%${token}%`}`.execute(t.db)
  expect(rows[0]!.n).toBe(0)
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'after'])
    .where('subject_id', '=', sent[0]!.id)
    .execute()
  expect(audit).toEqual([
    {
      action: 'follow_up.invited',
      after: { caseStudyId: school.caseStudyId, round: 1, months: 6 },
    },
  ])
})

test('one reminder after 14 days with a fresh link (the first stops working), then none', async () => {
  const school = await published('remind@oak.sch.uk', true)
  await run(sixMonths)
  const first = tokenIn((await emailsTo('remind@oak.sch.uk'))[0]!)
  expect((await run(new Date(sixMonths.getTime() + 13 * day))).reminded).toBe(0)
  const reports = await Promise.all(
    Array.from({ length: 4 }, () => run(new Date(sixMonths.getTime() + 14 * day))),
  )
  // Four runners at once: every open invitation (this school's and earlier tests') reminded once.
  const reminded = await t.db
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('reminded_at', 'is not', null)
    .executeTakeFirstOrThrow()
  expect(reports.reduce((n, r) => n + r.reminded, 0)).toBe(Number(reminded.n))
  expect((await run(new Date(sixMonths.getTime() + 30 * day))).reminded).toBe(0)

  const emails = await emailsTo('remind@oak.sch.uk')
  expect(emails.map((e) => e.subject)).toEqual([
    expect.stringContaining('6 months on'),
    expect.stringContaining('Reminder'),
  ])
  const second = tokenIn(emails[1]!)
  expect(second).not.toBe(first)
  expect(await findInvitation(context, first)).toBeNull()
  expect((await findInvitation(context, second))?.case_study_id).toBe(school.caseStudyId)
})

test('the second round goes at 12 months, and a school that answered is not reminded', async () => {
  const school = await published('twelve@oak.sch.uk', true)
  await run(sixMonths)
  await t.db
    .updateTable('follow_ups')
    .set({ status: 'submitted', submitted_at: sixMonths })
    .where('case_study_id', '=', school.caseStudyId)
    .execute()
  expect((await run(new Date(sixMonths.getTime() + 20 * day))).reminded).toBe(0)
  await Promise.all([run(twelveMonths), run(twelveMonths), run(twelveMonths)])
  const sent = await rounds(school.caseStudyId)
  expect(sent.map((r) => [r.round, r.months])).toEqual([
    [1, 6],
    [2, 12],
  ])
  const emails = await emailsTo('twelve@oak.sch.uk')
  expect(emails.map((e) => e.subject)).toEqual([
    expect.stringContaining('6 months on'),
    expect.stringContaining('12 months on'),
  ])
  await run(addMonths(publishedAt, 24))
  expect(await rounds(school.caseStudyId)).toHaveLength(2)
})

async function csrf() {
  const [token, cookie] = await commitCsrfToken(new Request(`${baseUrl}/`), context)
  return { token, cookie: cookie?.split(';')[0] ?? '' }
}

async function post(
  page: 'running' | 'changes' | 'impact' | 'pupils' | 'advice',
  session: string,
  values: Record<string, string>,
) {
  const { token, cookie } = await csrf()
  const body = new FormData()
  body.set('csrf', token)
  for (const [k, v] of Object.entries(values)) body.set(k, v)
  const request = new Request(`${baseUrl}/follow-up/${page}`, {
    method: 'POST',
    body,
    headers: { Cookie: `${cookie}; ${session}` },
  })
  try {
    const result = await handleFollowUpPage({ request, context, params: {} }, page)
    return {
      status: (result as { init?: { status?: number } }).init?.status ?? 200,
      location: null,
    }
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get('Location') }
    throw thrown
  }
}

const statusOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (thrown: unknown) => (thrown instanceof Response ? thrown.status : Promise.reject(thrown)),
  )

test('the link is single-use and expires after 60 days', async () => {
  await published('link@oak.sch.uk', true)
  await run(sixMonths)
  const token = tokenIn((await emailsTo('link@oak.sch.uk'))[0]!)
  setNow(new Date(sixMonths.getTime() + day))
  const cookie = await openFollowUpLink(context, token)
  expect(cookie).toMatch(/^iip_follow_up=/)
  expect(cookie).toContain('Path=/follow-up')
  expect(await statusOf(openFollowUpLink(context, token))).toBe(410)
  expect(await statusOf(openFollowUpLink(context, 'x'.repeat(43)))).toBe(404)

  await published('late@oak.sch.uk', true)
  await run(sixMonths)
  const late = tokenIn((await emailsTo('late@oak.sch.uk'))[0]!)
  setNow(new Date(linkExpiry(sixMonths).getTime() + 1000))
  expect(await statusOf(openFollowUpLink(context, late))).toBe(410)
  // A session opened in time closes with the link, too.
  const session = cookie.split(';')[0]!
  const request = new Request(`${baseUrl}/follow-up/running`, { headers: { Cookie: session } })
  expect(await statusOf(requireFollowUp(request, context))).toBe(410)
  setNow(new Date())
})

test('the journey saves every page, scans the answers as responses are scanned, and sends once', async () => {
  const school = await published('journey@oak.sch.uk', true)
  await run(sixMonths)
  const token = tokenIn((await emailsTo('journey@oak.sch.uk'))[0]!)
  setNow(new Date(sixMonths.getTime() + day))
  const session = (await openFollowUpLink(context, token)).split(';')[0]!

  // An error first: "changed" needs a reason. What was typed is kept.
  expect(await post('running', session, { running: 'changed', runningWhy: '' })).toMatchObject({
    status: 400,
  })
  expect(
    await post('running', session, { running: 'changed', runningWhy: 'A second base opened.' }),
  ).toEqual({ status: 302, location: '/follow-up/changes' })
  const upn = validUpn(7)
  await post('changes', session, { whatChanged: 'We now run it in Year 7 as well.' })
  await post('impact', session, {
    measure1Kind: 'attendance',
    measure1Before: '89%',
    measure1After: '96%',
    measure1Period: '2025 to 2027',
  })
  await post('pupils', session, { pupilsNow: '64' })
  await post('advice', session, { adviceToAdd: `Start with pupil ${upn} and their family.` })

  const row = (await rounds(school.caseStudyId))[0]!
  expect(row.personal_data_flagged).toBe(true)
  expect(row.personal_data_findings).toEqual([
    expect.objectContaining({ field: 'advice.adviceToAdd', kind: 'upn', match: upn }),
  ])
  expect((row.answers as { completed: string[] }).completed.sort()).toEqual([
    'advice',
    'changes',
    'impact',
    'pupils',
    'running',
  ])

  const request = new Request(`${baseUrl}/follow-up/check`, { headers: { Cookie: session } })
  const { followUp, answers } = await requireFollowUp(request, context)
  const [a, b] = await Promise.all([
    sendFollowUp(context, followUp, answers),
    sendFollowUp(context, followUp, answers),
  ])
  expect([a, b].filter(Boolean)).toHaveLength(1)
  const sent = (await rounds(school.caseStudyId))[0]!
  expect(sent).toMatchObject({ status: 'submitted', personal_data_flagged: true })
  // Once sent, the pages go to the confirmation and nothing more can be saved.
  expect(await post('pupils', session, { pupilsNow: '1' })).toEqual({
    status: 302,
    location: '/follow-up/confirmation',
  })
  setNow(new Date())
})

test('retention keeps the contact details of those who agreed until the last round is answered or lapses', async () => {
  const env = parseEnv({ NODE_ENV: 'test', RETENTION_CONTACT_DAYS: '30' })
  const agreed = await published('keep@oak.sch.uk', true)
  const declined = await published('go@oak.sch.uk', false)
  const email = async (id: string) =>
    (
      await t.db
        .selectFrom('submissions')
        .select('respondent_email')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).respondent_email

  // The call closed long ago: without consent, contact details go at once.
  const report = await runRetention(t.db, env, sixMonths)
  expect(report.contactsKeptForFollowUp).toBeGreaterThanOrEqual(1)
  expect(await email(declined.submissionId)).toBeNull()
  expect(await email(agreed.submissionId)).toBe('keep@oak.sch.uk')

  // Both rounds sent; kept while the last is open, removed once it lapses.
  await run(sixMonths)
  await run(twelveMonths)
  await runRetention(t.db, env, new Date(twelveMonths.getTime() + 30 * day))
  expect(await email(agreed.submissionId)).toBe('keep@oak.sch.uk')
  await runRetention(t.db, env, new Date(linkExpiry(twelveMonths).getTime() + 1000))
  expect(await email(agreed.submissionId)).toBeNull()

  // Answered: removed at the next run, even before the link would have expired.
  const answered = await published('answered@oak.sch.uk', true)
  await run(twelveMonths)
  await t.db
    .updateTable('follow_ups')
    .set({ status: 'submitted', submitted_at: twelveMonths })
    .where('case_study_id', '=', answered.caseStudyId)
    .execute()
  await runRetention(t.db, env, new Date(twelveMonths.getTime() + day))
  expect(await email(answered.submissionId)).toBeNull()
  // Nobody whose details were removed is invited again.
  expect((await run(addMonths(publishedAt, 12))).invited).toBe(0)
})
