import { afterAll, beforeAll, expect, test } from 'vitest'
import { decide } from '../../app/moderation/decisions.server'
import { saveTagging } from '../../app/moderation/editing.server'
import { generateReference } from '../../app/submissions/reference'
import { submitResponse } from '../../app/submissions/response.server'
import { suggestionReport } from '../../app/suggestions/agreement.server'
import { trainFromPublished } from '../../app/suggestions/model-store.server'
import { handWrittenExamples } from '../../app/suggestions/examples'
import { MODEL_FORMAT } from '../../app/suggestions/model'
import { loadSuggestionsForReview } from '../../app/suggestions/review.server'
import { suggestionVersion } from '../../app/suggestions/suggest'
import {
  decideSuggestion,
  prepareSuggestions,
  recordTaggingDecisions,
} from '../../app/suggestions/suggestions.server'
import { findDraftForSubmission, listCaseStudyTagCodes } from '../../db/repositories/moderation'
import {
  findLatestSuggestionModel,
  listTagSuggestions,
} from '../../db/repositories/tag-suggestions'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import { buildDemoCaseStudies } from '../../seeds/data/demo-case-studies'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { insertStaff } from '../support/load-context'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let moderator: string
const baseUrl = 'https://inclusion.example.org'

// The published library the suggester learns from and Meilisearch finds neighbours in: the demo
// corpus, as the seed publishes it.
beforeAll(async () => {
  t = await createTestServices()
  moderator = await insertStaff(t, 'moderator')
  for (const d of buildDemoCaseStudies().slice(0, 80))
    await insertCaseStudy(
      t.db,
      buildCaseStudy({
        slug: d.slug,
        title: d.title,
        summary: d.summary,
        challenge: d.challenge,
        practice: d.practice,
        impact: d.impact,
        keyFactors: d.keyFactors,
        advice: d.advice,
        keywords: d.keywords,
        organisationKind: d.organisationKind,
        evidenceStrength: d.evidenceStrength,
        tags: {
          need: d.needCodes,
          practice: d.practiceCodes,
          phase: d.phaseCodes,
          setting: [d.settingCode],
        },
      }),
    )
  await rebuildCaseStudyIndex(t.db, t.search)
}, 180_000)
afterAll(() => t.cleanUp())

const tagsOf = async (submissionId: string) => {
  const draft = (await findDraftForSubmission(t.db, submissionId))!
  return (await listCaseStudyTagCodes(t.db, draft.id)).map((x) => `${x.scheme}:${x.code}`).sort()
}

/** A claimed submission about autistic pupils in a resource base, which the respondent tagged otherwise. */
async function claimedSubmission() {
  const call = await insertCall(t.db)
  const { id } = await insertCompleteDraft(t.db, {
    callId: call.id,
    reference: generateReference(),
    urn: await insertSchool(t.db),
    email: 'senco@oak.sch.uk',
    answers: {
      practice: {
        title: 'A base for autistic children inside a busy primary',
        practiceTypes: ['pupil-voice'],
        practiceOther: '',
        needs: ['SLCN'],
        phases: ['primary'],
        runningFor: '3-5-years',
        pupilsReached: '12',
      },
      story: {
        challenge:
          'The local authority asked us to open a twelve-place resource base for autistic children with an EHCP.',
        dayToDay:
          'Each child has a home class and uses the base as a calm place. A specialist teacher and three teaching assistants plan with class teachers every week; visual timetables and sensory circuits across the school.',
        keyFactors: 'Joint planning time.',
        advice: 'Start with the children and their families.',
      },
    },
  })
  await submitResponse(t.db, id, { call, baseUrl })
  await decide(t.db, { submissionId: id, actorId: moderator, decision: 'claim', baseUrl })
  return id
}

test('suggestions are made once for a claimed submission, recorded with their model, and tag nothing', async () => {
  const id = await claimedSubmission()
  const before = await tagsOf(id)
  const { made } = await prepareSuggestions(t, { submissionId: id, actorId: moderator })
  expect(made).toBeGreaterThan(0)
  // Nothing is applied without a person: the tags are the respondent's own, as on claim.
  expect(await tagsOf(id)).toEqual(before)

  const rows = await listTagSuggestions(t.db, id)
  const model = await findLatestSuggestionModel(t.db)
  // The 80 published case studies and the hand-written examples the platform ships.
  expect(model?.trained_on).toBe(80 + handWrittenExamples.length)
  for (const r of rows) {
    expect(r.source).toBe('model')
    expect(r.model_version).toBe(suggestionVersion(model!.version))
    expect(['likely', 'possible']).toContain(r.confidence)
    expect(r.decision).toBeNull()
  }
  const asd = rows.find((r) => r.scheme === 'need' && r.code === 'ASD')!
  expect(asd.confidence).toBe('likely')
  expect((asd.reason as { phrases: string[] }).phrases.join(' ')).toMatch(/autis/i)
  // The published case studies most like it, from Meilisearch, carry the suggested terms.
  const similar = rows.flatMap((r) => (r.reason as { similar: { slug: string }[] }).similar)
  expect(similar.length).toBeGreaterThan(0)

  // Asked again (a second claim, a retry), what was shown stays as it was.
  expect(await prepareSuggestions(t, { submissionId: id, actorId: moderator })).toEqual({ made: 0 })
  expect(await listTagSuggestions(t.db, id)).toHaveLength(rows.length)
})

test('a moderator accepts one suggestion and dismisses another: the tags, the record and the agreement figures follow', async () => {
  const id = await claimedSubmission()
  await prepareSuggestions(t, { submissionId: id, actorId: moderator })
  const rows = await listTagSuggestions(t.db, id)
  const asd = rows.find((r) => r.scheme === 'need' && r.code === 'ASD')!
  const before = await tagsOf(id)
  const other = rows.find(
    (r) =>
      r.id !== asd.id &&
      r.scheme !== 'evidence_strength' &&
      !before.includes(`${r.scheme}:${r.code}`),
  )!
  const figuresBefore = await suggestionReport(t.db)

  expect(
    await decideSuggestion(t.db, {
      submissionId: id,
      suggestionId: asd.id,
      actorId: moderator,
      decision: 'accepted',
    }),
  ).toEqual({ ok: true })
  expect(
    await decideSuggestion(t.db, {
      submissionId: id,
      suggestionId: other.id,
      actorId: moderator,
      decision: 'dismissed',
    }),
  ).toEqual({ ok: true })

  const after = await tagsOf(id)
  expect(after).toEqual([...before, 'need:ASD'].sort())
  expect(after).not.toContain(`${other.scheme}:${other.code}`)
  const decided = await listTagSuggestions(t.db, id)
  expect(decided.find((r) => r.id === asd.id)).toMatchObject({
    decision: 'accepted',
    decided_by_name: 'Moderator Tester',
  })
  expect(decided.find((r) => r.id === other.id)).toMatchObject({ decision: 'dismissed' })
  // A decision is taken once.
  expect(
    await decideSuggestion(t.db, {
      submissionId: id,
      suggestionId: asd.id,
      actorId: moderator,
      decision: 'dismissed',
    }),
  ).toEqual({ ok: false, status: 409, message: 'This suggestion has already been decided' })
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', id)
    .where('action', 'like', 'submission.suggestion_%')
    .execute()
  expect(audit.map((a) => a.action).sort()).toEqual([
    'submission.suggestion_accepted',
    'submission.suggestion_dismissed',
  ])

  // The agreement page's figures: one more accepted and kept for needs, one more dismissed.
  const figuresAfter = await suggestionReport(t.db)
  const need = (f: typeof figuresAfter) => f.find((s) => s.scheme === 'need')!
  const scheme = (f: typeof figuresAfter) => f.find((s) => s.scheme === other.scheme)!
  expect(need(figuresAfter).accepted).toBe(need(figuresBefore).accepted + 1)
  expect(scheme(figuresAfter).dismissed).toBe(scheme(figuresBefore).dismissed + 1)
  expect(need(figuresAfter).precision!).toBeGreaterThan(need(figuresBefore).precision!)
  expect(need(figuresAfter).recall!).toBeGreaterThan(need(figuresBefore).recall ?? 0)

  // Tagging by hand a term nobody suggested is recorded as the moderator's own.
  const draft = (await findDraftForSubmission(t.db, id))!
  const tags = [...after, 'practice:leadership-strategy'].map((tag) => {
    const [s, code] = tag.split(':') as [string, string]
    return { scheme: s, code }
  })
  await saveTagging(t.db, {
    caseStudyId: draft.id,
    actorId: moderator,
    tags,
    evidenceStrength: null,
  })
  await recordTaggingDecisions(t.db, { submissionId: id, actorId: moderator, tags })
  const history = await loadSuggestionsForReview(t.db, id, after)
  const own = history.history.find(
    (h) => !h.suggested && h.label === 'Leadership, strategy and funding',
  )
  expect(own).toMatchObject({ decision: 'tagged without a suggestion', by: 'Moderator Tester' })
  expect(history.history.some((h) => h.suggested && h.decision === 'accepted')).toBe(true)
  expect(history.history.some((h) => h.suggested && h.decision === 'dismissed')).toBe(true)
})

test('the model is retrained only when the published library changed', async () => {
  const first = await trainFromPublished(t.db)
  expect(first.trained).toBe(false)
  await insertCaseStudy(
    t.db,
    buildCaseStudy({
      title: 'Wheelchair basketball for every class',
      practice: 'Sports wheelchairs and adapted PE so that pupils with physical disabilities play.',
      tags: { need: ['PD'], practice: ['accessible-pe-sport'], phase: ['primary'] },
    }),
  )
  const second = await trainFromPublished(t.db)
  expect(second.trained).toBe(true)
  expect(second.version).not.toBe(first.version)
  expect((await findLatestSuggestionModel(t.db))?.trained_on).toBe(81 + handWrittenExamples.length)
})

test('a model stored in an older format is retrained even when the library has not changed', async () => {
  const latest = (await findLatestSuggestionModel(t.db))!
  // The same library, as a model of a format this code no longer reads that way.
  await t.db
    .updateTable('suggestion_models')
    .set({ version: `nb0-${latest.version.split('-')[1]}` })
    .where('version', '=', latest.version)
    .execute()
  const again = await trainFromPublished(t.db)
  expect(again.trained).toBe(true)
  expect(again.version).toBe(latest.version)
  expect(again.version.startsWith(`${MODEL_FORMAT}-`)).toBe(true)
})

test('a model stored before the hand-written examples were learned from is retrained', async () => {
  const latest = (await findLatestSuggestionModel(t.db))!
  // As the format before them stored it: named nb2, stamped with the library alone.
  const libraryStamp = latest.source_stamp.split('|').slice(0, 3).join('|')
  await t.db
    .updateTable('suggestion_models')
    .set({ version: `nb2-${latest.version.split('-')[1]}`, source_stamp: libraryStamp })
    .where('version', '=', latest.version)
    .execute()
  const again = await trainFromPublished(t.db)
  expect(again).toEqual({ version: latest.version, trained: true })
  expect((await findLatestSuggestionModel(t.db))?.trained_on).toBe(81 + handWrittenExamples.length)
  // Trained on the same library and examples, it stands.
  expect(await trainFromPublished(t.db)).toEqual({ version: latest.version, trained: false })
})
