import path from 'node:path'
import type { Kysely } from 'kysely'
import type { DB } from '../db/types'
import { upsertUser } from '../db/repositories/users'
import { hashPassword } from '../app/accounts/passwords.server'
import { londonTimeToInstant } from '../app/utils/london-time'
import type { Env } from '../app/utils/env.server'
import { buildDemoCaseStudies, type DemoCaseStudy } from './data/demo-case-studies'
import { phaseFromGiasPhaseCode } from '../app/reference/taxonomy'
import { demoAccounts } from '../app/accounts/demo-accounts'
import { seedDemoSubmissions } from './demo-submissions'
import { seedDemoFollowUps } from './demo-follow-ups'
import { buildCaseStudy, insertCaseStudy } from './factories/case-studies'
import { importEstablishments } from '../app/establishments/import-establishments.server'

export const schoolsSampleFile = path.resolve(
  import.meta.dirname,
  'data',
  'schools-register-sample.csv',
)
export const demoCallSlug = 'inclusion-in-practice'

type Say = (message: string) => void

/** Seeds demo data only into a database with nothing in it (the reference data comes with the migrations). */
export async function seedDemoDataIfEmpty(db: Kysely<DB>, env: Env, say: Say): Promise<boolean> {
  const [establishment, user, caseStudy] = await Promise.all([
    db.selectFrom('establishments').select('urn').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('case_studies').select('id').limit(1).executeTakeFirst(),
  ])
  if (establishment || user || caseStudy) return false
  if (env.NODE_ENV === 'production') {
    say(
      'The database is empty. Demo data is not loaded when NODE_ENV is production (the taxonomy and search synonyms arrived with the migrations).',
    )
    return false
  }
  await seedDemoData(db, env, say)
  return true
}

/** Idempotent: running it again adds only what is missing and leaves everything else as it is. */
export async function seedDemoData(db: Kysely<DB>, env: Env, say: Say): Promise<void> {
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'Demo data (with its published demo passwords) is never loaded when NODE_ENV is production.',
    )
  }
  const schools = await importEstablishments(db, schoolsSampleFile)
  say(
    `Schools register sample: ${schools.inserted} added, ${schools.updated} updated, ${schools.unchanged} unchanged.`,
  )

  await seedDemoCall(db)

  for (const account of demoAccounts) {
    await upsertUser(db, {
      email: account.email,
      name: account.name,
      roles: [account.role],
      passwordHash: await hashPassword(account.password),
    })
  }
  say(`Staff accounts: ${demoAccounts.length} demo accounts ready.`)

  const inserted = await seedDemoCaseStudies(db)
  say(`Case studies: ${inserted} fictional demo case studies published.`)

  const submissions = await seedDemoSubmissions(db, demoCallSlug)
  say(`Submissions: ${submissions} fictional responses for the moderation queue.`)

  const followUps = await seedDemoFollowUps(db)
  say(
    `Follow-ups: ${followUps} demo case studies followed up (new versions, and one update to moderate).`,
  )
}

/**
 * The real call opened at 10:30 on 15 March and closed at midnight at the end of 1 May. The demo
 * call keeps those times but runs from this year's 15 March to next year's 1 May, so that it is
 * open whenever the demo is run.
 */
async function seedDemoCall(db: Kysely<DB>, now = new Date()) {
  const year =
    now.getTime() >= londonTimeToInstant(now.getUTCFullYear(), 3, 15, 10, 30).getTime()
      ? now.getUTCFullYear()
      : now.getUTCFullYear() - 1
  const opensAt = londonTimeToInstant(year, 3, 15, 10, 30)
  const closesAt = londonTimeToInstant(year + 1, 5, 2, 0, 0)
  await db
    .insertInto('calls')
    .values({
      slug: demoCallSlug,
      title: 'Inclusion in Practice: call for evidence',
      summary:
        'Tell us how your school, trust or local area includes pupils with special educational needs and disabilities in mainstream education.',
      description:
        'We want examples of effective inclusion in mainstream settings: resourced provision and SEN units, pupils taught in mainstream lessons with specialist support, accessible PE and sport, early identification of need, work with families, health and social care, and the leadership, training and funding that make it possible. What you send will be moderated, anonymised and published as case studies in the national practice library, and will inform national SEND policy.',
      opens_at: opensAt,
      closes_at: closesAt,
      question_sections: ['about-you', 'organisation', 'practice', 'story', 'impact', 'consent'],
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute()
}

const phaseCodesByGias = (phase: string) =>
  ({ 'early-years': [1], primary: [2, 3], secondary: [4, 5], 'all-through': [7], 'post-16': [6] })[
    phase
  ] ?? []

async function seedDemoCaseStudies(db: Kysely<DB>): Promise<number> {
  const schools = await listOpenSchools(db)
  const existing = new Set(
    (await db.selectFrom('case_studies').select('slug').execute()).map((row) => row.slug),
  )
  let inserted = 0
  await db.transaction().execute(async (trx) => {
    for (const [i, demo] of buildDemoCaseStudies().entries()) {
      if (existing.has(demo.slug)) continue
      await insertCaseStudy(trx, demoToCaseStudyInput(demo, schools, i))
      inserted++
    }
  })
  return inserted
}

/** A demo (or synthetic) case study as a row, attributed to one of the register's schools. */
export function demoToCaseStudyInput(demo: DemoCaseStudy, schools: SchoolRow[], i: number) {
  return buildCaseStudy(fromDemo(demo, pickEstablishment(schools, demo, i)))
}

export async function listOpenSchools(db: Kysely<DB>): Promise<SchoolRow[]> {
  return db
    .selectFrom('establishments')
    .select(['urn', 'name', 'la_code', 'la_name', 'region_code', 'phase_code', 'trust_name'])
    .where('status_code', 'in', [1, 3])
    .orderBy('urn')
    .execute()
}

type SchoolRow = {
  urn: number
  name: string
  la_code: string
  la_name: string
  region_code: string | null
  phase_code: number
  trust_name: string | null
}

function pickEstablishment(schools: SchoolRow[], demo: DemoCaseStudy, i: number): SchoolRow {
  const phases = demo.phaseCodes.flatMap(phaseCodesByGias)
  let candidates = schools.filter(
    (s) => phases.includes(s.phase_code) && phaseFromGiasPhaseCode(s.phase_code) !== null,
  )
  if (demo.organisationKind === 'trust') candidates = candidates.filter((s) => s.trust_name)
  if (candidates.length === 0) candidates = schools
  // A fixed stride spreads the demo over many local authorities and regions, the same way every run.
  return candidates[(i * 7919) % candidates.length]!
}

function fromDemo(demo: DemoCaseStudy, school: SchoolRow) {
  const organisationName =
    demo.organisationKind === 'trust'
      ? (school.trust_name ?? school.name)
      : demo.organisationKind === 'local-area'
        ? `${school.la_name} local area SEND partnership`
        : school.name
  return {
    slug: demo.slug,
    title: demo.title,
    summary: demo.summary,
    status: 'published' as const,
    challenge: demo.challenge,
    practice: demo.practice,
    impact: demo.impact,
    keyFactors: demo.keyFactors,
    advice: demo.advice,
    costAndResources: demo.costAndResources,
    measures: demo.measures,
    keywords: demo.keywords,
    organisationKind: demo.organisationKind,
    organisationName,
    organisationNamed: demo.consentToName,
    establishmentUrn: demo.organisationKind === 'local-area' ? null : school.urn,
    laCode: school.la_code,
    laName: school.la_name,
    regionCode: school.region_code,
    evidenceStrength: demo.evidenceStrength,
    isFictional: true,
    publishedAt: new Date(demo.publishedAt),
    tags: {
      need: demo.needCodes,
      practice: demo.practiceCodes,
      phase: demo.phaseCodes,
      setting: [demo.settingCode],
      outcome: demo.outcomeCodes,
      principle: demo.principleCodes,
    },
  }
}
