import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { applyBulk } from '../../app/moderation/bulk.server'
import { decide } from '../../app/moderation/decisions.server'
import { assignSubmission, saveDraftEdits, saveTagging } from '../../app/moderation/editing.server'
import { readPublishedValues } from '../../app/privacy/published-fields'
import { generateReference } from '../../app/submissions/reference'
import { redeemLinkToken } from '../../app/submissions/respondent-session.server'
import { submitResponse } from '../../app/submissions/response.server'
import { updateDraftSection } from '../../db/repositories/submissions'
import {
  findDraftForSubmission,
  findPossibleDuplicates,
  listCaseStudyTagCodes,
  listQueue,
} from '../../db/repositories/moderation'
import { upsertUser } from '../../db/repositories/users'
import type { CaseStudyDocument } from '../../search/documents'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch } from '../../search/outbox'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let call: Awaited<ReturnType<typeof insertCall>>
let urn: number
let alice: string
let bob: string
const baseUrl = 'https://inclusion.example.org'

beforeAll(async () => {
  t = await createTestServices()
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  call = await insertCall(t.db)
  urn = await insertSchool(t.db)
  const user = (email: string, name: string) =>
    upsertUser(t.db, { email, name, roles: ['moderator'], passwordHash: null })
  alice = (await user('alice@moderators.test', 'Alice'))!.id
  bob = (await user('bob@moderators.test', 'Bob'))!.id
})
afterAll(() => t.cleanUp())

async function sentSubmission(answers?: Record<string, unknown>) {
  const { id } = await insertCompleteDraft(t.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email: 'senco@oak.sch.uk',
    answers,
  })
  await submitResponse(t.db, id, { call, baseUrl })
  return id
}

const statusOf = async (id: string) =>
  (
    await t.db
      .selectFrom('submissions')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status
const reviewsOf = async (id: string) =>
  t.db.selectFrom('reviews').select('decision').where('submission_id', '=', id).execute()
const drainAll = async () => {
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
}
const inIndex = (id: string) =>
  t.search.client
    .index<CaseStudyDocument>(t.search.caseStudiesIndex)
    .getDocument(id)
    .then(
      () => true,
      () => false,
    )

test('claiming makes a draft case study from the answers, tagged as the respondent described it', async () => {
  const id = await sentSubmission()
  expect(
    await decide(t.db, { submissionId: id, actorId: alice, decision: 'claim', baseUrl }),
  ).toEqual({ ok: true, status: 'in_review' })
  const draft = (await findDraftForSubmission(t.db, id))!
  expect(draft).toMatchObject({
    status: 'draft',
    title: 'Sensory circuits before lessons',
    summary: '',
  })
  expect(draft.challenge).toContain('Pupils found the start of the day hard')
  const tags = await listCaseStudyTagCodes(t.db, draft.id)
  expect(tags.map((tag) => tag.scheme).sort()).toEqual(['need', 'phase', 'practice'])
  // Its place comes from the register, not from anything typed.
  expect(
    await t.db
      .selectFrom('case_studies')
      .select(['la_code', 'la_name', 'region_code', 'establishment_urn'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow(),
  ).toEqual({ la_code: '201', la_name: 'City of London', region_code: 'H', establishment_urn: urn })
  const row = await t.db
    .selectFrom('submissions')
    .select('assigned_to')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.assigned_to).toBe(alice)
})

test('a refused transition answers 409 and changes nothing', async () => {
  const id = await sentSubmission()
  const result = await decide(t.db, {
    submissionId: id,
    actorId: alice,
    decision: 'approve',
    baseUrl,
  })
  expect(result).toEqual({
    ok: false,
    status: 409,
    message: 'A submission that is submitted cannot be approved',
  })
  expect(await statusOf(id)).toBe('submitted')
  expect(await reviewsOf(id)).toEqual([])
})

test('two moderators claiming at once: one holds it, the other is told it is taken', async () => {
  const id = await sentSubmission()
  const results = await Promise.all([
    decide(t.db, { submissionId: id, actorId: alice, decision: 'claim', baseUrl }),
    decide(t.db, { submissionId: id, actorId: bob, decision: 'claim', baseUrl }),
  ])
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok)).toEqual([
    { ok: false, status: 409, message: 'A submission that is in review cannot be claimed' },
  ])
  expect(await reviewsOf(id)).toHaveLength(1)
})

test('publishing needs a summary and no personal data left in the text; then the library has it, and unpublishing takes it away', async () => {
  const id = await sentSubmission({
    story: {
      challenge: 'A pupil called Amelia struggled.',
      dayToDay: 'Daily check-ins.',
      keyFactors: 'Training.',
      advice: 'Start small.',
    },
  })
  await decide(t.db, { submissionId: id, actorId: alice, decision: 'claim', baseUrl })
  const draft = (await findDraftForSubmission(t.db, id))!
  const refused = await decide(t.db, {
    submissionId: id,
    actorId: alice,
    decision: 'publish',
    baseUrl,
  })
  expect(refused).toEqual({
    ok: false,
    status: 409,
    message:
      "Write a summary before publishing. Remove the personal data from the case study before publishing: Pupil's name “Amelia” in The challenge",
  })

  const fields = {
    ...readPublishedValues(draft),
    summary: 'Morning sensory circuits settled pupils and cut lateness.',
    challenge: 'A pupil struggled to settle.',
  }
  expect(
    await saveDraftEdits(t.db, {
      caseStudyId: draft.id,
      actorId: alice,
      version: draft.version,
      fields,
    }),
  ).toEqual({ ok: true })
  expect(
    await decide(t.db, { submissionId: id, actorId: alice, decision: 'publish', baseUrl }),
  ).toEqual({
    ok: true,
    status: 'published',
  })
  await drainAll()
  expect(await inIndex(draft.id)).toBe(true)

  expect(
    await decide(t.db, { submissionId: id, actorId: alice, decision: 'unpublish', baseUrl }),
  ).toEqual({
    ok: true,
    status: 'approved',
  })
  await drainAll()
  expect(await inIndex(draft.id)).toBe(false)
  expect((await reviewsOf(id)).map((r) => r.decision)).toEqual(['claim', 'publish', 'unpublish'])
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', 'in', [id, draft.id])
    .orderBy('id')
    .execute()
  expect(audit.map((a) => a.action)).toEqual([
    'submission.submitted',
    'submission.claim',
    'case_study.edited',
    'submission.publish',
    'submission.unpublish',
  ])
})

test('a second moderator saving an older version is refused and shown what changed', async () => {
  const id = await sentSubmission()
  await decide(t.db, { submissionId: id, actorId: alice, decision: 'claim', baseUrl })
  const draft = (await findDraftForSubmission(t.db, id))!
  const base = {
    ...readPublishedValues(draft),
    summary: '',
    challenge: draft.challenge,
  }
  expect(
    await saveDraftEdits(t.db, {
      caseStudyId: draft.id,
      actorId: alice,
      version: draft.version,
      fields: { ...base, summary: 'Alice wrote this.' },
    }),
  ).toEqual({ ok: true })
  const second = await saveDraftEdits(t.db, {
    caseStudyId: draft.id,
    actorId: bob,
    version: draft.version,
    fields: { ...base, summary: 'Bob wrote this.' },
  })
  expect(second).toEqual({
    ok: false,
    conflict: {
      current: { ...base, summary: 'Alice wrote this.' },
      version: draft.version + 1,
      changed: ['summary'],
    },
  })
  expect((await findDraftForSubmission(t.db, id))!.summary).toBe('Alice wrote this.')
})

test('rejecting needs a reason and tells the respondent why', async () => {
  const id = await sentSubmission()
  expect(
    await decide(t.db, { submissionId: id, actorId: alice, decision: 'reject', baseUrl }),
  ).toEqual({
    ok: false,
    status: 400,
    message: 'Enter the reason for rejecting this submission',
  })
  expect(
    await decide(t.db, {
      submissionId: id,
      actorId: alice,
      decision: 'reject',
      reason: 'Duplicate of IIP-2345-6789',
      baseUrl,
    }),
  ).toEqual({ ok: true, status: 'rejected' })
  const reviews = await t.db
    .selectFrom('reviews')
    .select('reason')
    .where('submission_id', '=', id)
    .execute()
  expect(reviews).toEqual([{ reason: 'Duplicate of IIP-2345-6789' }])
})

test('tagging replaces the tags and refuses retired terms', async () => {
  const id = await sentSubmission()
  await decide(t.db, { submissionId: id, actorId: alice, decision: 'claim', baseUrl })
  const draft = (await findDraftForSubmission(t.db, id))!
  const [need] = await t.db
    .selectFrom('taxonomy_terms')
    .select('code')
    .where('scheme_code', '=', 'need')
    .orderBy('code', 'desc')
    .limit(1)
    .execute()
  await saveTagging(t.db, {
    caseStudyId: draft.id,
    actorId: alice,
    tags: [{ scheme: 'need', code: need!.code }],
    keywords: ['sensory'],
    evidenceStrength: 2,
  })
  expect(await listCaseStudyTagCodes(t.db, draft.id)).toEqual([
    { scheme: 'need', code: need!.code },
  ])
  await t.db
    .updateTable('taxonomy_terms')
    .set({ retired_at: new Date() })
    .where('scheme_code', '=', 'need')
    .where('code', '=', need!.code)
    .execute()
  await expect(
    saveTagging(t.db, {
      caseStudyId: draft.id,
      actorId: alice,
      tags: [{ scheme: 'need', code: need!.code }],
      keywords: [],
      evidenceStrength: null,
    }),
  ).rejects.toThrow(/retired/)
  expect(await listCaseStudyTagCodes(t.db, draft.id)).toEqual([
    { scheme: 'need', code: need!.code },
  ])
  await t.db
    .updateTable('taxonomy_terms')
    .set({ retired_at: null })
    .where('scheme_code', '=', 'need')
    .where('code', '=', need!.code)
    .execute()
})

test('the queue filters by what the respondent chose and by the region of the schools covered', async () => {
  const id = await sentSubmission()
  const { reference } = await t.db
    .selectFrom('submissions')
    .select('reference')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const answers = (
    await t.db
      .selectFrom('submissions')
      .select('original_answers')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).original_answers as { practice: { practiceTypes: string[]; needs: string[]; phases: string[] } }
  const found = async (filters: Record<string, string>) =>
    (await listQueue(t.db, { status: 'submitted', page: 1, pageSize: 500, ...filters })).rows.some(
      (row) => row.reference === reference,
    )
  expect(await found({ region: 'H' })).toBe(true)
  expect(await found({ region: 'A' })).toBe(false)
  expect(await found({ practice: answers.practice.practiceTypes[0]! })).toBe(true)
  expect(
    await found({ need: answers.practice.needs[0]!, phase: answers.practice.phases[0]! }),
  ).toBe(true)
  expect(await found({ need: 'NOT-A-NEED' })).toBe(false)
  expect(await found({ callId: call.id })).toBe(true)
})

test('an assignment and a redaction are audited, with the redaction’s reason', async () => {
  const id = await sentSubmission()
  await assignSubmission(t.db, { submissionId: id, actorId: alice, assigneeId: bob })
  await assignSubmission(t.db, { submissionId: id, actorId: alice, assigneeId: bob })
  await decide(t.db, { submissionId: id, actorId: bob, decision: 'claim', baseUrl })
  const draft = (await findDraftForSubmission(t.db, id))!
  await saveDraftEdits(t.db, {
    caseStudyId: draft.id,
    actorId: bob,
    version: draft.version,
    reason: 'Removed a pupil’s name',
    fields: {
      ...readPublishedValues(draft),
      summary: draft.summary,
      challenge: 'A Year 4 pupil struggled.',
    },
  })
  const events = await t.db
    .selectFrom('audit_events')
    .select(['action', 'before', 'after'])
    .where('subject_id', 'in', [id, draft.id])
    .where('action', 'in', ['submission.assigned', 'case_study.edited'])
    .orderBy('id')
    .execute()
  expect(events).toEqual([
    { action: 'submission.assigned', before: { assignedTo: null }, after: { assignedTo: bob } },
    {
      action: 'case_study.edited',
      before: { challenge: draft.challenge },
      after: { challenge: 'A Year 4 pupil struggled.', reason: 'Removed a pupil’s name' },
    },
  ])
})

test('bulk actions give each submission the audit events it would get one at a time', async () => {
  const [first, second, done] = [
    await sentSubmission(),
    await sentSubmission(),
    await sentSubmission(),
  ]
  await decide(t.db, {
    submissionId: done,
    actorId: alice,
    decision: 'reject',
    reason: 'Out of scope',
    baseUrl,
  })
  const references = await Promise.all(
    [first, second, done].map(
      async (id) =>
        (
          await t.db
            .selectFrom('submissions')
            .select('reference')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).reference,
    ),
  )
  const outcomes = await applyBulk(t.db, {
    references,
    actorId: alice,
    action: { kind: 'reject-duplicate', duplicateOf: 'IIP-2345-6789' },
    baseUrl,
  })
  expect(outcomes).toEqual([
    { reference: references[0], ok: true, message: 'Rejected' },
    { reference: references[1], ok: true, message: 'Rejected' },
    {
      reference: references[2],
      ok: false,
      message: 'A submission that is rejected cannot be rejected',
    },
  ])
  for (const id of [first, second]) {
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('subject_id', '=', id)
      .where('action', '=', 'submission.reject')
      .execute()
    expect(events).toEqual([
      {
        action: 'submission.reject',
        after: { status: 'rejected', reason: 'Duplicate of IIP-2345-6789' },
      },
    ])
  }
})

test('a respondent asked for changes edits through the emailed link and sends again; the original stays as first sent', async () => {
  const id = await sentSubmission()
  await decide(t.db, { submissionId: id, actorId: alice, decision: 'claim', baseUrl })
  expect(
    await decide(t.db, {
      submissionId: id,
      actorId: alice,
      decision: 'request_changes',
      reason: 'Please say how many pupils took part.',
      baseUrl,
    }),
  ).toEqual({ ok: true, status: 'changes_requested' })
  const { reference } = await t.db
    .selectFrom('submissions')
    .select('reference')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const jobs = await sql<{ payload: { reference: string; subject: string; body: string } }>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'send_email'`.execute(t.db)
  const email = jobs.rows
    .map((r) => r.payload)
    .find((p) => p.subject === `Changes requested to your response: ${reference}`)!
  expect(email.body).toContain('Please say how many pupils took part.')
  const token = email.body.match(/\/return\/([A-Za-z0-9_-]+)/)![1]!
  const link = await redeemLinkToken({ services: t } as unknown as AppLoadContext, token)
  expect(link).toMatchObject({ submission_id: id, purpose: 'return' })

  // The respondent changes their story while the status is changes_requested.
  const before = await t.db
    .selectFrom('submissions')
    .select(['answers', 'original_answers'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const answers = before.answers as { story: Record<string, string>; completed: string[] }
  expect(
    await updateDraftSection(
      t.db,
      id,
      'story',
      { ...answers.story, challenge: 'Forty pupils took part.' },
      answers.completed,
    ),
  ).toBe(true)
  expect(await submitResponse(t.db, id, { call, baseUrl })).toMatchObject({
    ok: true,
    alreadySubmitted: false,
  })
  const after = await t.db
    .selectFrom('submissions')
    .select(['status', 'answers', 'original_answers'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(after.status).toBe('submitted')
  expect(after.original_answers).toEqual(before.original_answers)
  expect((after.answers as { story: { challenge: string } }).story.challenge).toBe(
    'Forty pupils took part.',
  )
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute()
  expect(audit.map((a) => a.action)).toEqual([
    'submission.submitted',
    'submission.claim',
    'submission.request_changes',
    'submission.resubmitted',
  ])
  // Sent again, it cannot be edited until a moderator asks again.
  expect(await updateDraftSection(t.db, id, 'story', {}, [])).toBe(false)
})

test('possible duplicates: the same organisation or a title alike by trigrams, most alike first', async () => {
  const otherUrn = await insertSchool(t.db, { name: 'Elsewhere Academy' })
  const sendFrom = async (schoolUrn: number, title: string, challenge: string) => {
    const { id } = await insertCompleteDraft(t.db, {
      callId: call.id,
      reference: generateReference(),
      urn: schoolUrn,
      email: 'dup@oak.sch.uk',
    })
    await t.db
      .updateTable('submissions')
      .set({
        answers: sql`jsonb_set(jsonb_set(answers, '{practice,title}', to_jsonb(${title}::text)), '{story,challenge}', to_jsonb(${challenge}::text))`,
      })
      .where('id', '=', id)
      .execute()
    await submitResponse(t.db, id, { call, baseUrl })
    return id
  }
  const original = await sendFrom(
    otherUrn,
    'Lunchtime lego therapy club for autistic pupils',
    'Break times were hard.',
  )
  const retitled = await sendFrom(
    await insertSchool(t.db, { name: 'Third School' }),
    'Lunchtime Lego therapy clubs for autistic pupils',
    'Something else entirely.',
  )
  const unrelated = await sendFrom(
    await insertSchool(t.db, { name: 'Fourth School' }),
    'Attendance mentoring for Year 9',
    'Persistent absence rose after the pandemic.',
  )
  const sameSchool = await sendFrom(otherUrn, 'Sensory garden', 'Nothing alike.')
  const found = await findPossibleDuplicates(t.db, original)
  const references = await t.db
    .selectFrom('submissions')
    .select(['id', 'reference'])
    .where('id', 'in', [retitled, unrelated, sameSchool])
    .execute()
  const ref = (id: string) => references.find((r) => r.id === id)!.reference
  expect(found.map((d) => d.reference)).toContain(ref(retitled))
  expect(found.map((d) => d.reference)).not.toContain(ref(unrelated))
  expect(found.find((d) => d.reference === ref(retitled))!.similarity).toBeGreaterThan(0.5)
  expect(found.find((d) => d.reference === ref(sameSchool))).toMatchObject({
    sameOrganisation: true,
  })
})

test('the audit log is append-only in the database itself', async () => {
  const [event] = await t.db.selectFrom('audit_events').select('id').limit(1).execute()
  await expect(
    t.db
      .updateTable('audit_events')
      .set({ action: 'tampered' })
      .where('id', '=', event!.id)
      .execute(),
  ).rejects.toThrow(/never changed or deleted/)
  await expect(
    t.db.deleteFrom('audit_events').where('id', '=', event!.id).execute(),
  ).rejects.toThrow(/never changed or deleted/)
})
