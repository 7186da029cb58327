import type { AppLoadContext } from '@remix-run/node'
import { runOnce } from 'graphile-worker'
import { sql } from 'kysely'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { quietJobLogger } from '../../db/job-queue'
import { SEND_EMAIL_TASK, type EmailMessage } from '../../app/notifications/email.server'
import { createEmailTransport } from '../../app/notifications/transport.server'
import { generateReference } from '../../app/submissions/reference'
import { hashToken, redeemLinkToken } from '../../app/submissions/respondent-session.server'
import {
  sendReturnLinks,
  startResponse,
  submitResponse,
  withdrawResponse,
} from '../../app/submissions/response.server'
import { parseEnv } from '../../app/utils/env.server'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { thirdParties } from '../setup/no-outbound-network'
import { createTestServices, type TestServices } from '../setup/test-database'
import { notifyTestEnv } from '../support/notify'

let services: TestServices
let call: Awaited<ReturnType<typeof insertCall>>
let urn: number
const baseUrl = 'https://inclusion.example.org'

beforeAll(async () => {
  services = await createTestServices()
  call = await insertCall(services.db)
  urn = await insertSchool(services.db, { postcode: 'EC2V 7HH' })
})
afterAll(() => services.cleanUp())

const draft = (email = `sam-${Math.random()}@oak.sch.uk`, answers?: Record<string, unknown>) =>
  insertCompleteDraft(services.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email,
    answers,
  })

const jobsFor = async (reference: string) => {
  // graphile-worker keeps payloads in its private table (the public view leaves them out).
  const rows = await sql<{ payload: EmailMessage }>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${SEND_EMAIL_TASK}`.execute(services.db)
  return rows.rows.map((r) => r.payload).filter((p) => p.reference === reference)
}

test('sending a response writes the submission, its school, an audit event, a status link and the receipt in one go', async () => {
  const { id, reference } = await draft('sam@oak.sch.uk')
  const result = await submitResponse(services.db, id, { call, baseUrl })
  expect(result).toEqual({ ok: true, reference, alreadySubmitted: false })

  const row = await services.db
    .selectFrom('submissions')
    .select([
      'status',
      'submitted_at',
      'original_answers',
      'establishment_urn',
      'organisation_name',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.status).toBe('submitted')
  expect(row.submitted_at).toBeInstanceOf(Date)
  expect(row.establishment_urn).toBe(urn)
  expect(row.organisation_name).toMatch(/^Test Primary School/)
  expect(JSON.stringify(row.original_answers)).toContain('Sensory circuits before lessons')
  const schools = await services.db
    .selectFrom('submission_establishments')
    .select('urn')
    .where('submission_id', '=', id)
    .execute()
  expect(schools).toEqual([{ urn }])
  const audit = await services.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id'])
    .where('subject_id', '=', id)
    .execute()
  expect(audit).toEqual([{ action: 'submission.submitted', actor_id: null }])
  const tokens = await services.db
    .selectFrom('respondent_tokens')
    .select(['purpose', 'token_hash'])
    .where('submission_id', '=', id)
    .execute()
  expect(tokens.map((t) => t.purpose)).toEqual(['status'])

  const [receipt] = await jobsFor(reference)
  expect(receipt!.to).toBe('sam@oak.sch.uk')
  expect(receipt!.subject).toBe(`Response received: ${reference}`)
  expect(receipt!.body).toContain('Sensory circuits before lessons')
  // The link in the email opens the response; only its hash is stored.
  const token = receipt!.body.match(/\/return\/([A-Za-z0-9_-]+)/)![1]!
  expect(tokens[0]!.token_hash).toBe(hashToken(token))
  expect(receipt!.body).not.toContain(tokens[0]!.token_hash)
})

test('the original answers cannot be changed once sent', async () => {
  const { id } = await draft()
  await submitResponse(services.db, id, { call, baseUrl })
  await expect(
    services.db
      .updateTable('submissions')
      .set({ original_answers: { tampered: true } })
      .where('id', '=', id)
      .execute(),
  ).rejects.toThrow(/cannot be changed/)
})

test('a double click, a resent form or two tabs never make two submissions', async () => {
  const { id, reference } = await draft()
  const results = await Promise.all(
    Array.from({ length: 5 }, () => submitResponse(services.db, id, { call, baseUrl })),
  )
  expect(results.filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1)
  expect(results.every((r) => r.ok)).toBe(true)
  const audit = await services.db
    .selectFrom('audit_events')
    .select('id')
    .where('subject_id', '=', id)
    .execute()
  expect(audit).toHaveLength(1)
  expect(await jobsFor(reference)).toHaveLength(1)
})

test('starting twice with the same start token finds the same draft', async () => {
  const token = 'a'.repeat(32)
  const first = await startResponse(services.db, call, token)
  const second = await startResponse(services.db, call, token)
  expect(second).toEqual(first)
  const other = await insertCall(services.db)
  expect(await startResponse(services.db, other, token)).toBeNull()
})

test('the deadline holds to the second in British Summer Time: 23:59:59 is in, 00:00:00 is out', async () => {
  // Closes at midnight at the end of Thursday 30 April 2026, London time (BST, UTC+1).
  const bstCall = await insertCall(services.db, {
    opensAt: new Date('2026-03-14T10:30:00Z'),
    closesAt: new Date('2026-04-30T23:00:00Z'),
  })
  const make = () =>
    insertCompleteDraft(services.db, {
      callId: bstCall.id,
      reference: generateReference(),
      urn,
      email: 'late@oak.sch.uk',
    })
  const inTime = await make()
  const lastSecond = new Date('2026-04-30T22:59:59Z') // 23:59:59 BST
  expect(
    await submitResponse(services.db, inTime.id, { call: bstCall, baseUrl, now: lastSecond }),
  ).toMatchObject({ ok: true, alreadySubmitted: false })

  for (const late of ['2026-04-30T23:00:00Z', '2026-04-30T23:00:01Z']) {
    const tooLate = await make()
    const result = await submitResponse(services.db, tooLate.id, {
      call: bstCall,
      baseUrl,
      now: new Date(late),
    })
    expect(result).toEqual({ ok: false, problem: 'closed' })
    const row = await services.db
      .selectFrom('submissions')
      .select(['status', 'submitted_at'])
      .where('id', '=', tooLate.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'draft', submitted_at: null })
  }
})

test('an incomplete draft is refused, naming the sections still to do', async () => {
  const { id } = await draft(undefined, { story: { challenge: '' }, completed: ['about-you'] })
  const result = await submitResponse(services.db, id, { call, baseUrl })
  expect(result).toMatchObject({ ok: false, problem: 'incomplete' })
  expect(result.ok === false && result.problem === 'incomplete' && result.sections).toEqual(
    expect.arrayContaining(['story', 'practice', 'consent']),
  )
})

test("children's personal data left in the text is recorded and flagged for moderators", async () => {
  const { id } = await draft(undefined, {
    story: {
      challenge: 'A pupil called Amelia, UPN B801200005001, struggled to settle.',
      dayToDay: 'Daily check-ins.',
      keyFactors: 'Training.',
      advice: 'Ring the family on 07700 900123 first.',
    },
  })
  await submitResponse(services.db, id, { call, baseUrl })
  const row = await services.db
    .selectFrom('submissions')
    .select(['personal_data_flagged', 'personal_data_findings'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.personal_data_flagged).toBe(true)
  const kinds = (row.personal_data_findings as { kind: string; field: string }[]).map(
    (f) => `${f.field}:${f.kind}`,
  )
  expect(kinds).toEqual(
    expect.arrayContaining([
      'story.challenge:upn',
      'story.challenge:pupil-name',
      'story.advice:phone',
    ]),
  )
})

test('the receipt goes through GOV.UK Notify with the reference and a copy of the answers', async () => {
  const sent: {
    template_id: string
    email_address: string
    personalisation: EmailMessage
    reference: string
  }[] = []
  thirdParties.use(
    http.post(
      'https://api.notifications.service.gov.uk/v2/notifications/email',
      async ({ request }) => {
        sent.push((await request.json()) as (typeof sent)[number])
        return HttpResponse.json({ id: crypto.randomUUID() }, { status: 201 })
      },
    ),
  )
  const { id, reference } = await draft('notify@oak.sch.uk')
  await submitResponse(services.db, id, { call, baseUrl })
  const env = parseEnv(notifyTestEnv)
  const transport = createEmailTransport(env)
  expect(transport.kind).toBe('notify')
  await runOnce({
    pgPool: services.pgPool,
    logger: quietJobLogger,
    taskList: { [SEND_EMAIL_TASK]: (payload) => transport.send(payload as EmailMessage) },
  })
  const mine = sent.filter((m) => m.reference === reference)
  expect(mine).toHaveLength(1)
  expect(mine[0]!.email_address).toBe('notify@oak.sch.uk')
  expect(mine[0]!.template_id).toBe(notifyTestEnv.NOTIFY_TEMPLATE_ID)
  expect(mine[0]!.personalisation.subject).toBe(`Response received: ${reference}`)
  expect(mine[0]!.personalisation.body).toContain('Pupils found the start of the day hard')
})

test('a return link is emailed only for an address with a response, and opens only that response', async () => {
  const context = { services } as unknown as AppLoadContext
  const { id, reference } = await draft('return@oak.sch.uk')
  expect(await sendReturnLinks(services.db, call, 'RETURN@oak.sch.uk', baseUrl)).toBe(1)
  expect(await sendReturnLinks(services.db, call, 'nobody@oak.sch.uk', baseUrl)).toBe(0)
  const [email] = await jobsFor(reference)
  const token = email!.body.match(/\/return\/([A-Za-z0-9_-]+)/)![1]!
  const link = await redeemLinkToken(context, token)
  expect(link).toMatchObject({ submission_id: id, purpose: 'return' })
  expect(link!.expires_at.getTime()).toBe(call.closes_at.getTime())

  // Tampered or made-up links open nothing.
  expect(
    await redeemLinkToken(context, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
  ).toBeNull()
  expect(await redeemLinkToken(context, '<script>alert(1)</script>')).toBeNull()
  // Expired links open nothing.
  await services.db
    .updateTable('respondent_tokens')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('token_hash', '=', hashToken(token))
    .execute()
  expect(await redeemLinkToken(context, token)).toBeNull()
})

test('a response can be withdrawn while the call is open and nobody has taken it', async () => {
  const { id } = await draft()
  await submitResponse(services.db, id, { call, baseUrl })
  expect(await withdrawResponse(services.db, id, call)).toBe(true)
  expect(await withdrawResponse(services.db, id, call)).toBe(false)
  const row = await services.db
    .selectFrom('submissions')
    .select(['status', 'withdrawn_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.status).toBe('withdrawn')
  expect(row.withdrawn_at).toBeInstanceOf(Date)
})
