import { afterAll, beforeAll, expect, test } from 'vitest'
import { runFollowUps } from '../../app/follow-ups/invitations.server'
import type { NextVersionDraft } from '../../app/follow-ups/next-version'
import { decideFollowUp, saveNextVersion } from '../../app/follow-ups/review.server'
import { addMonths } from '../../app/follow-ups/schedule'
import type { Json } from '../../db/types'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'
import { validUpn } from '../support/identifiers'
import { insertStaff } from '../support/load-context'

let t: TestServices
let moderatorId: string
let otherModeratorId: string
let callId: string
let urn: number
const publishedAt = new Date('2026-03-12T10:00:00Z')
const sixMonths = addMonths(publishedAt, 6)
const reviewedAt = new Date(sixMonths.getTime() + 20 * 86_400_000)

beforeAll(async () => {
  t = await createTestServices()
  moderatorId = await insertStaff(t, 'moderator')
  otherModeratorId = await insertStaff(t, 'moderator', 'second@staff.test')
  callId = (await insertCall(t.db)).id
  urn = await insertSchool(t.db, { postcode: 'EC2V 7HH' })
})
afterAll(() => t.cleanUp())

/** A published case study whose school has sent its 6-month update with these answers. */
async function receivedUpdate(advice: string) {
  const school = await insertModeratedResponse(t.db, {
    callId,
    urn,
    status: 'published',
    consent: 'named',
    email: `head-${Math.random()}@oak.sch.uk`,
    followUpConsent: true,
    caseStudy: {
      publishedAt,
      evidenceStrength: 2,
      title: 'Sensory circuits before lessons',
      advice: 'Start small.',
      measures: [{ measure: 'Attendance', before: '89%', after: '93%', period: '2024 to 2025' }],
    },
  })
  await runFollowUps(t.db, { intervals: [6, 12], baseUrl: 'https://x.example', now: sixMonths })
  const answers = {
    completed: ['running', 'changes', 'impact', 'pupils', 'advice'],
    running: { running: 'changed', runningWhy: 'A second base opened.' },
    changes: { whatChanged: 'It now runs in Year 7 too.' },
    impact: {
      measure1Kind: 'attendance',
      measure1Before: '89%',
      measure1After: '96%',
      measure1Period: '2024 to 2026',
    },
    pupils: { pupilsNow: '64' },
    advice: { adviceToAdd: advice },
  }
  const { id } = await t.db
    .updateTable('follow_ups')
    .set({ status: 'submitted', submitted_at: sixMonths, answers: answers as unknown as Json })
    .where('case_study_id', '=', school.caseStudyId)
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ...school, followUpId: id }
}

const followUp = (id: string) =>
  t.db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const caseStudy = (id: string) =>
  t.db.selectFrom('case_studies').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const versions = (id: string) =>
  t.db
    .selectFrom('case_study_versions')
    .selectAll()
    .where('case_study_id', '=', id)
    .orderBy('number')
    .execute()
const draftOf = async (id: string) => {
  const row = await followUp(id)
  return { draft: row.draft as unknown as NextVersionDraft, editVersion: row.edit_version }
}

const decide = (
  followUpId: string,
  decision: 'claim' | 'publish' | 'record',
  editVersion?: number,
) =>
  decideFollowUp(t.db, { followUpId, actorId: moderatorId, decision, editVersion, now: reviewedAt })

test('an update with a planted identifier is flagged and cannot be published until it is removed', async () => {
  const upn = validUpn(11)
  const update = await receivedUpdate(`Ask pupil ${upn} to show new staff round.`)
  expect(await decide(update.followUpId, 'publish')).toMatchObject({ ok: false, status: 409 })

  expect(await decide(update.followUpId, 'claim')).toEqual({ ok: true, status: 'in_review' })
  const { draft, editVersion } = await draftOf(update.followUpId)
  // The draft starts from the published case study with what the school said.
  expect(draft.values.advice).toContain(upn)
  expect(draft.values.measures).toEqual([
    { measure: 'Attendance', before: '89%', after: '96%', period: '2024 to 2026' },
  ])
  expect(draft).toMatchObject({ practiceStatus: 'changed', evidenceStrength: 2 })
  expect(draft.changeSummary).toBe('It now runs in Year 7 too. A second base opened.')

  const refused = await decide(update.followUpId, 'publish', editVersion)
  expect(refused).toMatchObject({ ok: false, status: 409 })
  expect(refused.ok ? '' : refused.message).toContain(`Unique Pupil Number “${upn}”`)
  expect(await versions(update.caseStudyId)).toEqual([])
  expect((await caseStudy(update.caseStudyId)).advice).toBe('Start small.')

  // Removed by the moderator: then it publishes.
  const saved = await saveNextVersion(t.db, {
    followUpId: update.followUpId,
    actorId: moderatorId,
    editVersion,
    change: (d) => ({
      ...d,
      values: { ...d.values, advice: d.values.advice.replace(upn, 'a Year 6 pupil') },
    }),
  })
  expect(saved).toEqual({ ok: true })
  const next = await draftOf(update.followUpId)
  expect(await decide(update.followUpId, 'publish', next.editVersion)).toEqual({
    ok: true,
    status: 'published',
  })
  expect((await caseStudy(update.caseStudyId)).advice).not.toContain(upn)
})

test('optimistic locking: a stale edit or a stale publish is refused, nothing overwritten', async () => {
  const update = await receivedUpdate('Keep the routine the same every day.')
  await decide(update.followUpId, 'claim')
  const { editVersion } = await draftOf(update.followUpId)
  const first = await saveNextVersion(t.db, {
    followUpId: update.followUpId,
    actorId: otherModeratorId,
    editVersion,
    change: (d) => ({ ...d, evidenceStrength: 4 }),
  })
  expect(first).toEqual({ ok: true })
  const stale = await saveNextVersion(t.db, {
    followUpId: update.followUpId,
    actorId: moderatorId,
    editVersion,
    change: (d) => ({ ...d, evidenceStrength: 1 }),
  })
  expect(stale).toMatchObject({
    ok: false,
    status: 409,
    conflict: { current: { evidenceStrength: 4 } },
  })
  expect((await draftOf(update.followUpId)).draft.evidenceStrength).toBe(4)
  expect(await decide(update.followUpId, 'publish', editVersion)).toMatchObject({
    ok: false,
    status: 409,
  })
  expect(await versions(update.caseStudyId)).toEqual([])
})

test('publishing a new version keeps version 1, re-rates the evidence, dates the review, audits and re-indexes, once', async () => {
  const update = await receivedUpdate('Train every lunchtime supervisor.')
  const before = await caseStudy(update.caseStudyId)
  await decide(update.followUpId, 'claim')
  const { editVersion } = await draftOf(update.followUpId)
  await saveNextVersion(t.db, {
    followUpId: update.followUpId,
    actorId: moderatorId,
    editVersion,
    change: (d) => ({
      ...d,
      evidenceStrength: 3,
      changeSummary: 'Extended to Year 7; attendance up.',
    }),
  })
  const current = (await draftOf(update.followUpId)).editVersion
  const outboxBefore = await t.db
    .selectFrom('search_outbox')
    .select('id')
    .where('case_study_id', '=', update.caseStudyId)
    .execute()

  const results = await Promise.all([
    decide(update.followUpId, 'publish', current),
    decide(update.followUpId, 'publish', current),
  ])
  expect(results.filter((r) => r.ok)).toHaveLength(1)

  const after = await caseStudy(update.caseStudyId)
  expect(after).toMatchObject({
    status: 'published',
    public_version: 2,
    evidence_strength: 3,
    practice_status: 'changed',
    practice_status_since: null,
    slug: before.slug,
    version: before.version + 1,
  })
  expect(new Date(after.last_reviewed_at!)).toEqual(reviewedAt)
  // First publication's date stays: the review is the new date.
  expect(new Date(after.published_at!)).toEqual(publishedAt)
  expect(after.advice).toContain('Train every lunchtime supervisor.')

  const kept = await versions(update.caseStudyId)
  expect(kept.map((v) => [v.number, v.evidence_strength, v.practice_status])).toEqual([
    [1, 2, 'running'],
    [2, 3, 'changed'],
  ])
  expect(new Date(kept[0]!.published_at)).toEqual(publishedAt)
  expect((kept[0]!.published_values as { advice: string }).advice).toBe('Start small.')
  expect(kept[1]!.change_summary).toBe('Extended to Year 7; attendance up.')
  expect(kept[1]!.follow_up_id).toBe(update.followUpId)

  expect(await followUp(update.followUpId)).toMatchObject({
    status: 'published',
    published_version: 2,
    decided_by: moderatorId,
  })
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'before', 'after'])
    .where('subject_id', 'in', [update.followUpId, update.caseStudyId])
    .where('action', 'in', ['follow_up.published', 'case_study.published'])
    .execute()
  expect(audit).toEqual(
    expect.arrayContaining([
      {
        action: 'follow_up.published',
        before: { status: 'in_review', version: 1, evidenceStrength: 2, practiceStatus: 'running' },
        after: { status: 'published', version: 2, evidenceStrength: 3, practiceStatus: 'changed' },
      },
      expect.objectContaining({ action: 'case_study.published' }),
    ]),
  )
  const outboxAfter = await t.db
    .selectFrom('search_outbox')
    .select('id')
    .where('case_study_id', '=', update.caseStudyId)
    .execute()
  expect(outboxAfter.length).toBe(outboxBefore.length + 1)
  expect(await decide(update.followUpId, 'publish', current)).toMatchObject({ status: 409 })
})

test('recording an update without publishing changes nothing in the library', async () => {
  const update = await receivedUpdate('Nothing new.')
  const before = await caseStudy(update.caseStudyId)
  expect(await decide(update.followUpId, 'record')).toMatchObject({ ok: false, status: 409 })
  await decide(update.followUpId, 'claim')
  expect(await decide(update.followUpId, 'record')).toEqual({ ok: true, status: 'recorded' })
  const after = await caseStudy(update.caseStudyId)
  expect(after.public_version).toBe(1)
  expect(after.updated_at).toEqual(before.updated_at)
  expect(await versions(update.caseStudyId)).toEqual([])
  const stored = await followUp(update.followUpId)
  expect(stored).toMatchObject({ status: 'recorded', decided_by: moderatorId })
  expect((stored.draft as unknown as NextVersionDraft).practiceStatus).toBe('changed')
})
