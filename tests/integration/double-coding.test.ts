import { afterAll, beforeAll, expect, test } from 'vitest'
import { decide } from '../../app/moderation/decisions.server'
import {
  agreementReport,
  markForDoubleCoding,
  reconcileSample,
  saveSecondCoding,
} from '../../app/moderation/double-coding.server'
import { saveTagging } from '../../app/moderation/editing.server'
import { generateReference } from '../../app/submissions/reference'
import { submitResponse } from '../../app/submissions/response.server'
import { findDraftForSubmission } from '../../db/repositories/moderation'
import { upsertUser } from '../../db/repositories/users'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let first: string
let second: string
const baseUrl = 'https://inclusion.example.org'

beforeAll(async () => {
  t = await createTestServices()
  const user = async (email: string) =>
    (await upsertUser(t.db, { email, name: email, roles: ['moderator'], passwordHash: null }))!.id
  first = await user('first@moderators.test')
  second = await user('second@moderators.test')
})
afterAll(() => t.cleanUp())

async function claimedSubmission(practice: string[], need: string[]) {
  const call = await insertCall(t.db)
  const urn = await insertSchool(t.db)
  const { id } = await insertCompleteDraft(t.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email: 'senco@oak.sch.uk',
  })
  await submitResponse(t.db, id, { call, baseUrl })
  await decide(t.db, { submissionId: id, actorId: first, decision: 'claim', baseUrl })
  const draft = (await findDraftForSubmission(t.db, id))!
  await saveTagging(t.db, {
    caseStudyId: draft.id,
    actorId: first,
    tags: [
      ...practice.map((code) => ({ scheme: 'practice', code })),
      ...need.map((code) => ({ scheme: 'need', code })),
    ],
    keywords: [],
    evidenceStrength: null,
  })
  return id
}

test('double coding: marked, coded blind by another moderator, measured with kappa, reconciled', async () => {
  const codes = await t.db
    .selectFrom('taxonomy_terms')
    .select(['scheme_code', 'code'])
    .where('scheme_code', 'in', ['practice', 'need'])
    .orderBy('position')
    .execute()
  const practice = codes.filter((c) => c.scheme_code === 'practice').map((c) => c.code)
  const need = codes.filter((c) => c.scheme_code === 'need').map((c) => c.code)

  const a = await claimedSubmission([practice[0]!], [need[0]!])
  const b = await claimedSubmission([practice[1]!], [need[1]!])
  const unclaimed = (
    await insertCompleteDraft(t.db, {
      callId: (await insertCall(t.db)).id,
      reference: generateReference(),
      urn: await insertSchool(t.db),
      email: 'x@oak.sch.uk',
    })
  ).id
  expect(await markForDoubleCoding(t.db, { submissionId: unclaimed, actorId: first })).toEqual({
    ok: false,
    message: 'Only a claimed submission, with tags to compare, can be double coded',
  })
  for (const id of [a, b])
    expect(await markForDoubleCoding(t.db, { submissionId: id, actorId: first })).toEqual({
      ok: true,
    })

  // The first coder cannot be the second.
  expect(await saveSecondCoding(t.db, { submissionId: a, coderId: first, tags: [] })).toEqual({
    ok: false,
    message: 'The second coding must be done by a different moderator from the first',
  })

  // Agrees on a entirely; on b, agrees on the need but picks another practice.
  await saveSecondCoding(t.db, {
    submissionId: a,
    coderId: second,
    tags: [
      { scheme: 'practice', code: practice[0]! },
      { scheme: 'need', code: need[0]! },
    ],
  })
  await saveSecondCoding(t.db, {
    submissionId: b,
    coderId: second,
    tags: [
      { scheme: 'practice', code: practice[2]! },
      { scheme: 'need', code: need[1]! },
    ],
  })
  const report = await agreementReport(t.db)
  const needs = report.schemes.find((s) => s.scheme === 'need')!
  expect(needs).toMatchObject({ decisions: 2 * need.length, percent: 100, kappa: 1 })
  const practices = report.schemes.find((s) => s.scheme === 'practice')!
  // Two of 2×P decisions differ (practice[1] and practice[2] on b).
  expect(practices.decisions).toBe(2 * practice.length)
  expect(practices.percent).toBeCloseTo(
    ((2 * practice.length - 2) / (2 * practice.length)) * 100,
    0,
  )
  expect(practices.kappa).toBeGreaterThan(0)
  expect(practices.kappa).toBeLessThan(1)
  const sampleB = report.samples.find((s) => s.onlyFirst.length > 0)!
  expect(sampleB.onlyFirst).toHaveLength(1)
  expect(sampleB.onlySecond).toHaveLength(1)

  expect(await reconcileSample(t.db, { submissionId: b, actorId: first })).toEqual({ ok: true })
  expect((await reconcileSample(t.db, { submissionId: b, actorId: first })).ok).toBe(false)
  expect((await saveSecondCoding(t.db, { submissionId: b, coderId: second, tags: [] })).ok).toBe(
    false,
  )
})
