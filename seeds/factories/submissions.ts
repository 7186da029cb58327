import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { DB, Json } from '../../db/types'

// Builders for calls and responses, shared by tests and (later) demo data.

export async function insertCall(
  db: Kysely<DB>,
  overrides: Partial<{ slug: string; title: string; opensAt: Date; closesAt: Date }> = {},
) {
  const slug = overrides.slug ?? `call-${randomBytes(4).toString('hex')}`
  return db
    .insertInto('calls')
    .values({
      slug,
      title: overrides.title ?? 'Inclusion in Practice: test call',
      summary: 'Tell us how your school includes pupils with SEND.',
      description: 'A call for evidence used in tests.',
      opens_at: overrides.opensAt ?? new Date(Date.now() - 86_400_000),
      closes_at: overrides.closesAt ?? new Date(Date.now() + 30 * 86_400_000),
    })
    .returning(['id', 'slug', 'title', 'opens_at', 'closes_at'])
    .executeTakeFirstOrThrow()
}

export async function insertSchool(
  db: Kysely<DB>,
  overrides: Partial<{ urn: number; name: string; postcode: string; trustUid: string }> = {},
) {
  const urn = overrides.urn ?? 900_000 + Math.floor(Math.random() * 99_999)
  await db
    .insertInto('establishments')
    .values({
      urn,
      name: overrides.name ?? `Test Primary School ${urn}`,
      la_code: '201',
      la_name: 'City of London',
      type_code: 28,
      type_name: 'Academy converter',
      status_code: 1,
      status_name: 'Open',
      phase_code: 2,
      phase_name: 'Primary',
      region_code: 'H',
      region_name: 'London',
      postcode: overrides.postcode ?? 'EC2V 7HH',
      trust_uid: overrides.trustUid ?? null,
      trust_name: overrides.trustUid ? `Trust ${overrides.trustUid}` : null,
    })
    .onConflict((oc) => oc.column('urn').doNothing())
    .execute()
  return urn
}

const words = (n: number, word = 'inclusion') => Array.from({ length: n }, () => word).join(' ')

/** Every section of a response as the question pages save it, complete and valid. */
export function completeAnswers(
  codes: { practice: string; need: string; phase: string },
  urns: number[],
) {
  return {
    completed: ['about-you', 'organisation', 'practice', 'story', 'impact', 'files', 'consent'],
    organisation: { kind: 'school', name: '', urns },
    practice: {
      title: 'Sensory circuits before lessons',
      practiceTypes: [codes.practice],
      practiceOther: '',
      needs: [codes.need],
      phases: [codes.phase],
      runningFor: '3-5-years',
      pupilsReached: '40',
    },
    story: {
      challenge: `Pupils found the start of the day hard. ${words(20)}`,
      dayToDay: `A circuit runs every morning. ${words(30)}`,
      keyFactors: `Training for every assistant. ${words(10)}`,
      advice: `Start small. ${words(10)}`,
    },
    impact: {
      whatChanged: `Lateness fell. ${words(20)}`,
      howYouKnow: 'Attendance records.',
      measure1Kind: 'attendance',
      measure1Before: '91%',
      measure1After: '95%',
      measure1Period: '2022 to 2024',
    },
    consent: {
      publication: 'anonymised',
      agreeTerms: 'yes',
      approverName: 'Alex Morgan',
      approverRole: 'Headteacher',
    },
  }
}

/** A draft with every section answered, ready to send. */
export async function insertCompleteDraft(
  db: Kysely<DB>,
  input: {
    callId: string
    reference: string
    urn: number
    email: string
    answers?: Record<string, unknown>
  },
) {
  const codes = await db
    .selectFrom('taxonomy_terms')
    .select(['scheme_code', sql<string>`min(code)`.as('code')])
    .where('scheme_code', 'in', ['practice', 'need', 'phase'])
    .groupBy('scheme_code')
    .execute()
  const code = (scheme: string) => codes.find((c) => c.scheme_code === scheme)!.code
  const answers = {
    ...completeAnswers({ practice: code('practice'), need: code('need'), phase: code('phase') }, [
      input.urn,
    ]),
    ...input.answers,
  }
  return db
    .insertInto('submissions')
    .values({
      call_id: input.callId,
      reference: input.reference,
      respondent_name: 'Sam Lee',
      respondent_role: 'SENCO',
      respondent_email: input.email,
      may_contact: true,
      answers: answers as unknown as Json,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow()
}
