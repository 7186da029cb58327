import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { findEstablishmentPlace } from '../../db/repositories/establishments'
import { insertCaseStudyDraft, replaceCaseStudyTags } from '../../db/repositories/moderation'
import type { DB, Json } from '../../db/types'
import type { StoredAnswers } from '../submissions/answers'
import { MEASURE_ROWS, measureKinds } from '../submissions/impact.schema'

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '')

/** A new address for a case study: words from its title and a random suffix. */
export const caseStudySlug = (title: string) =>
  `${slugify(title) || 'case-study'}-${randomBytes(3).toString('hex')}`

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : [])

/**
 * The case study a moderator starts from when they claim a submission: the respondent's words in
 * the published structure, tagged as they described it. The summary is left for the moderator.
 * The respondent's original answers are never touched.
 */
export async function createDraftFromSubmission(
  trx: Kysely<DB>,
  submission: {
    id: string
    reference: string
    original_answers: Json | null
    organisation_kind: string | null
    organisation_name: string | null
    establishment_urn: number | null
  },
) {
  const answers = (submission.original_answers ?? {}) as StoredAnswers
  const p = answers.practice ?? {}
  const s = answers.story ?? {}
  const i = answers.impact ?? {}
  const school = submission.establishment_urn
    ? await findEstablishmentPlace(trx, submission.establishment_urn)
    : undefined
  const measures = Array.from({ length: MEASURE_ROWS }, (_, n) => n + 1)
    .filter((n) => text(i[`measure${n}Kind`]))
    .map((n) => ({
      measure: measureKinds.find((m) => m.value === i[`measure${n}Kind`])?.label ?? 'Measure',
      before: text(i[`measure${n}Before`]),
      after: text(i[`measure${n}After`]),
      period: text(i[`measure${n}Period`]),
    }))
  const costs = [
    ['Staff', i.costStaff],
    ['Training', i.costTraining],
    ['Equipment', i.costEquipment],
    ['Funding', i.costFunding],
  ]
    .filter(([, value]) => text(value))
    .map(([label, value]) => `${label}: ${text(value)}`)
    .join('\n\n')
  const title = text(p.title) || `Submission ${submission.reference}`
  const id = await insertCaseStudyDraft(trx, {
    slug: caseStudySlug(title),
    submission_id: submission.id,
    status: 'draft',
    title,
    summary: '',
    challenge: text(s.challenge),
    practice: text(s.dayToDay),
    impact: [text(i.whatChanged), text(i.howYouKnow)].filter(Boolean).join('\n\n'),
    key_factors: text(s.keyFactors),
    advice: text(s.advice),
    cost_and_resources: costs,
    measures: measures as unknown as Json,
    organisation_kind: submission.organisation_kind ?? 'other',
    organisation_name: submission.organisation_name ?? '',
    organisation_named: answers.consent?.publication === 'named',
    establishment_urn: submission.establishment_urn,
    la_code: school?.la_code ?? null,
    la_name: school?.la_name ?? null,
    region_code: school?.region_code ?? null,
  })
  await replaceCaseStudyTags(trx, id, [
    ...list(p.practiceTypes)
      .filter((code) => code !== 'other')
      .map((code) => ({ scheme: 'practice', code })),
    ...list(p.needs).map((code) => ({ scheme: 'need', code })),
    ...list(p.phases).map((code) => ({ scheme: 'phase', code })),
  ])
  return id
}
