import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/types'
import { enqueueCaseStudySync } from '../../search/outbox'

export type TagCodes = Partial<
  Record<'need' | 'practice' | 'phase' | 'setting' | 'outcome' | 'principle', string[]>
>

export interface CaseStudyInput {
  slug: string
  title: string
  summary: string
  status: 'draft' | 'published' | 'unpublished'
  challenge: string
  practice: string
  impact: string
  keyFactors: string
  advice: string
  costAndResources: string
  measures: { measure: string; before: string; after: string; period: string }[]
  keywords: string[]
  organisationKind: 'school' | 'trust' | 'local-authority' | 'local-area' | 'other'
  organisationName: string
  organisationNamed: boolean
  establishmentUrn: number | null
  laCode: string | null
  laName: string | null
  regionCode: string | null
  evidenceStrength: number | null
  isFictional: boolean
  publishedAt: Date | null
  tags: TagCodes
}

let sequence = 0

/** A complete, valid case study; tests override only what they are about. Shared with the seeds. */
export function buildCaseStudy(overrides: Partial<CaseStudyInput> = {}): CaseStudyInput {
  sequence++
  // Letters only: hex such as "c1a8da" reads as a postcode (C1A 8DA) to the personal-data scan,
  // which then held back about one factory case study in fifty at random.
  const letters = [...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')
  const suffix = `${sequence}-${letters}`
  const status = overrides.status ?? 'published'
  return {
    slug: `case-study-${suffix}`,
    title: `Case study ${suffix}`,
    summary:
      'A mainstream primary school built a resource base so that autistic pupils learn in their classes.',
    status,
    challenge: 'Autistic pupils were spending long periods outside lessons.',
    practice: 'A resource base staffed by a specialist teacher and two teaching assistants.',
    impact: 'Time in mainstream lessons rose across the year.',
    keyFactors: 'Leadership commitment and joint planning time.',
    advice: 'Start with the pupils and their families.',
    costAndResources: 'One specialist teacher and two teaching assistants.',
    measures: [],
    keywords: [],
    organisationKind: 'school',
    organisationName: 'Example Primary School',
    organisationNamed: true,
    establishmentUrn: null,
    laCode: null,
    laName: null,
    regionCode: null,
    evidenceStrength: 2,
    isFictional: true,
    publishedAt: status === 'published' ? new Date() : null,
    tags: {
      need: ['ASD'],
      practice: ['resourced-provision'],
      phase: ['primary'],
      setting: ['mainstream-school'],
    },
    ...overrides,
  }
}

/** Inserts a case study with its tags, and notes it in the search outbox in the same transaction. */
export async function insertCaseStudy(
  db: Kysely<DB>,
  input: CaseStudyInput,
): Promise<{ id: string }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => insertCaseStudy(trx, input))
  const { id } = await db
    .insertInto('case_studies')
    .values(toCaseStudyRow(input))
    .returning('id')
    .executeTakeFirstOrThrow()
  await tagCaseStudy(db, id, input.tags)
  await enqueueCaseStudySync(db, [id])
  return { id }
}

function toCaseStudyRow(input: CaseStudyInput) {
  return {
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    status: input.status,
    challenge: input.challenge,
    practice: input.practice,
    impact: input.impact,
    key_factors: input.keyFactors,
    advice: input.advice,
    cost_and_resources: input.costAndResources,
    measures: input.measures,
    keywords: input.keywords,
    organisation_kind: input.organisationKind,
    organisation_name: input.organisationName,
    organisation_named: input.organisationNamed,
    establishment_urn: input.establishmentUrn,
    la_code: input.laCode,
    la_name: input.laName,
    region_code: input.regionCode,
    evidence_strength: input.evidenceStrength,
    is_fictional: input.isFictional,
    published_at: input.publishedAt,
  }
}

export async function tagCaseStudy(db: Kysely<DB>, caseStudyId: string, tags: TagCodes) {
  const wanted = Object.entries(tags).flatMap(([scheme, codes]) =>
    (codes ?? []).map((code) => ({ scheme, code })),
  )
  if (wanted.length === 0) return
  const terms = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'scheme_code', 'code'])
    .where((eb) =>
      eb.or(wanted.map((w) => eb.and([eb('scheme_code', '=', w.scheme), eb('code', '=', w.code)]))),
    )
    .execute()
  const missing = wanted.filter(
    (w) => !terms.some((t) => t.scheme_code === w.scheme && t.code === w.code),
  )
  if (missing.length > 0) {
    throw new Error(
      `Unknown taxonomy terms: ${missing.map((m) => `${m.scheme}:${m.code}`).join(', ')}`,
    )
  }
  await db
    .insertInto('case_study_tags')
    .values(terms.map((t) => ({ case_study_id: caseStudyId, term_id: t.id })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Many case studies in few statements (benchmarks, large seeds). Same rows as insertCaseStudy,
 * outbox included, in one transaction per call.
 */
export async function insertCaseStudiesInBulk(
  db: Kysely<DB>,
  inputs: CaseStudyInput[],
): Promise<string[]> {
  if (inputs.length === 0) return []
  const terms = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'scheme_code', 'code'])
    .execute()
  const termId = new Map(terms.map((t) => [`${t.scheme_code}:${t.code}`, t.id]))
  return db.transaction().execute(async (trx) => {
    const ids: string[] = []
    for (let start = 0; start < inputs.length; start += 500) {
      const batch = inputs.slice(start, start + 500)
      const rows = await trx
        .insertInto('case_studies')
        .values(batch.map(toCaseStudyRow))
        .returning('id')
        .execute()
      const tags = rows.flatMap((row, i) =>
        Object.entries(batch[i]!.tags).flatMap(([scheme, codes]) =>
          (codes ?? []).map((code) => {
            const id = termId.get(`${scheme}:${code}`)
            if (id === undefined) throw new Error(`Unknown taxonomy term ${scheme}:${code}`)
            return { case_study_id: row.id, term_id: id }
          }),
        ),
      )
      for (let t = 0; t < tags.length; t += 5000) {
        await trx
          .insertInto('case_study_tags')
          .values(tags.slice(t, t + 5000))
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
      await enqueueCaseStudySync(
        trx,
        rows.map((row) => row.id),
      )
      ids.push(...rows.map((row) => row.id))
    }
    return ids
  })
}
