import type { Kysely } from 'kysely'
import { findEstablishmentsByUrn } from '../../db/repositories/establishments'
import type { DB, Json } from '../../db/types'
import { aboutYouSchema } from './about-you.schema'
import { freeText, readAnswers, type StoredAnswers } from './answers'
import { consentSchema } from './consent.schema'
import { listFiles } from './files.server'
import { impactSchema } from './impact.schema'
import { organisationSchema } from './organisation.schema'
import { scanAnswers, type PersonalDataFinding } from './personal-data'
import { practiceSchema } from './practice.schema'
import { loadPracticeOptions, practiceCodes, type PracticeOptions } from './practice-options.server'
import { sections, type SectionKey } from './sections'
import { storySchema } from './story.schema'
import { summariseResponse, type SummarySection } from './summary'

interface DraftRow {
  id: string
  answers: Json
  respondent_name: string | null
  respondent_email: string | null
  respondent_role: string | null
  may_contact: boolean
}

export interface ResolvedOrganisation {
  kind: string
  name: string
  urns: number[]
  schools: {
    urn: number
    name: string
    la_name: string
    phase_name: string
    postcode: string | null
  }[]
}

/** The organisation as answered, with each school's details from the register. */
export async function resolveOrganisation(
  db: Kysely<DB>,
  answers: StoredAnswers,
): Promise<ResolvedOrganisation | null> {
  const parsed = organisationSchema.safeParse(answers.organisation ?? {})
  if (!parsed.success) return null
  const urns = answers.organisation?.urns ?? []
  const schools = await findEstablishmentsByUrn(db, urns)
  const kind = parsed.data.kind
  if (kind === 'school' && schools.length !== 1) return null
  if (['trust', 'local-authority', 'local-area'].includes(kind) && schools.length === 0) return null
  return {
    kind,
    name: kind === 'school' ? schools[0]!.name : parsed.data.name,
    urns: schools.map((s) => s.urn),
    schools,
  }
}

/** Which required sections are not yet valid, by the same schemas the question pages use. */
export function incompleteSections(
  draft: DraftRow,
  answers: StoredAnswers,
  options: PracticeOptions,
  organisation: ResolvedOrganisation | null,
): SectionKey[] {
  const valid: Record<SectionKey, boolean> = {
    'about-you': aboutYouSchema.safeParse({
      name: draft.respondent_name ?? '',
      role: draft.respondent_role ?? '',
      email: draft.respondent_email ?? '',
      mayContact: draft.may_contact ? 'yes' : 'no',
    }).success,
    organisation: organisation !== null,
    practice: practiceSchema(practiceCodes(options)).safeParse(answers.practice ?? {}).success,
    story: storySchema.safeParse(answers.story ?? {}).success,
    impact: impactSchema.safeParse(answers.impact ?? {}).success,
    files: true,
    consent: consentSchema.safeParse(answers.consent ?? {}).success,
  }
  return sections
    .filter((s) => !valid[s.key] || (!s.optional && !answers.completed?.includes(s.key)))
    .map((s) => s.key)
}

export type ResponseCheck =
  | { ok: false; incomplete: SectionKey[] }
  | {
      ok: true
      organisation: ResolvedOrganisation
      findings: PersonalDataFinding[]
      summary: SummarySection[]
    }

/** Everything check-your-answers and submit need: completeness, findings and a summary. */
export async function validateResponse(db: Kysely<DB>, draft: DraftRow): Promise<ResponseCheck> {
  const answers = readAnswers(draft.answers)
  const options = await loadPracticeOptions(db)
  const organisation = await resolveOrganisation(db, answers)
  const incomplete = incompleteSections(draft, answers, options, organisation)
  if (incomplete.length > 0 || !organisation) return { ok: false, incomplete }
  const allowedPostcodes = organisation.schools
    .map((s) => s.postcode)
    .filter((p): p is string => Boolean(p))
  return {
    ok: true,
    organisation,
    findings: scanAnswers(freeText(answers), { allowedPostcodes }),
    summary: summariseResponse(
      draft,
      answers,
      options,
      organisation,
      await listFiles(db, draft.id),
    ),
  }
}
