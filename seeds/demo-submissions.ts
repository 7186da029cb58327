import { sql, type Kysely } from 'kysely'
import { decide } from '../app/moderation/decisions.server'
import { freeText, type StoredAnswers } from '../app/submissions/answers'
import { scanAnswers } from '../app/submissions/personal-data'
import { generateReference } from '../app/submissions/reference'
import type { DB, Json } from '../db/types'
import { generateSyntheticCaseStudies, FICTIONAL_NOTICE } from './data/demo-case-studies'

const DEMO_DOMAIN = 'demo-school.example'
export const DEMO_SUBMISSION_COUNT = 48

/**
 * A queue for a new moderator to work: fictional responses to the demo call, most waiting for
 * review, some holding personal data to remove, one pair that duplicate each other, a few
 * already claimed or rejected. Idempotent: nothing is added once they exist.
 */
export async function seedDemoSubmissions(db: Kysely<DB>, callSlug: string): Promise<number> {
  const { count } = await db
    .selectFrom('submissions')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('respondent_email', 'like', `%@${DEMO_DOMAIN}`)
    .executeTakeFirstOrThrow()
  if (count > 0) return 0
  const call = await db
    .selectFrom('calls')
    .select(['id', 'opens_at', 'closes_at'])
    .where('slug', '=', callSlug)
    .executeTakeFirstOrThrow()
  const schools = await db
    .selectFrom('establishments')
    .select(['urn', 'name', 'postcode'])
    .where('status_code', 'in', [1, 3])
    .orderBy('urn')
    .limit(200)
    .execute()
  const moderator = await db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`'moderator' = ANY(roles)`)
    .orderBy('email')
    .executeTakeFirst()
  const studies = generateSyntheticCaseStudies(DEMO_SUBMISSION_COUNT, 2026)
  const ids: string[] = []
  const opened = new Date(call.opens_at).getTime()
  for (const [i, study] of studies.entries()) {
    // The pair at 10 and 11 is the same practice from the same school, sent twice.
    const school = schools[(i === 11 ? 10 : i) % schools.length]!
    const source = i === 11 ? studies[10]! : study
    const challenge =
      i % 7 === 3
        ? `${source.challenge} A pupil called Amelia (UPN B801200005001) found transitions hardest.`
        : source.challenge
    const answers: StoredAnswers = {
      completed: ['about-you', 'organisation', 'practice', 'story', 'impact', 'files', 'consent'],
      organisation: { kind: 'school', name: '', urns: [school.urn] },
      practice: {
        title: source.title,
        practiceTypes: source.practiceCodes,
        practiceOther: '',
        needs: source.needCodes,
        phases: source.phaseCodes,
        runningFor: ['1-2-years', '3-5-years', 'over-5-years'][i % 3]!,
        pupilsReached: String(12 + ((i * 37) % 180)),
      },
      story: {
        challenge,
        dayToDay: source.practice,
        keyFactors: source.keyFactors,
        advice: source.advice.replace(FICTIONAL_NOTICE, '').trim(),
      },
      impact: {
        whatChanged: source.impact,
        howYouKnow: 'Termly tracking and surveys of pupils and families.',
      },
      consent: {
        publication: ['anonymised', 'named', 'anonymised', 'evidence-only'][i % 4]!,
        agreeTerms: 'yes',
        approverName: 'A. Headteacher',
        approverRole: 'Headteacher',
      },
    }
    const findings = scanAnswers(freeText(answers), {
      allowedPostcodes: school.postcode ? [school.postcode] : [],
    })
    // Sent across the call's first weeks, more of them later (the deadline rush).
    const sentAt = new Date(
      opened + Math.round(((i + 1) / DEMO_SUBMISSION_COUNT) ** 0.5 * 40 * 86_400_000),
    )
    const { id } = await db
      .insertInto('submissions')
      .values({
        call_id: call.id,
        reference: generateReference(),
        status: 'submitted',
        respondent_name: `Demo respondent ${i + 1}`,
        respondent_email: `senco${i + 1}@${DEMO_DOMAIN}`,
        respondent_role: 'SENCO',
        may_contact: i % 2 === 0,
        organisation_kind: 'school',
        organisation_name: school.name,
        establishment_urn: school.urn,
        answers: answers as unknown as Json,
        original_answers: answers as unknown as Json,
        personal_data_findings: findings as unknown as Json,
        personal_data_flagged: findings.length > 0,
        submitted_at: sentAt,
        created_at: sentAt,
        updated_at: sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('submission_establishments')
      .values({ submission_id: id, urn: school.urn })
      .execute()
    ids.push(id)
  }
  if (moderator) {
    // Four already moderated and approved (one of them evidence only, never to be published),
    // so that the evidence pages have unpublished evidence to show.
    for (const [n, id] of ids.slice(38, 42).entries()) {
      await decide(db, { submissionId: id, actorId: moderator.id, decision: 'claim', baseUrl: '' })
      await db
        .updateTable('case_studies')
        .set({
          summary: studies[38 + n]!.summary,
          evidence_strength: studies[38 + n]!.evidenceStrength,
        })
        .where('submission_id', '=', id)
        .execute()
      await decide(db, {
        submissionId: id,
        actorId: moderator.id,
        decision: 'approve',
        baseUrl: '',
      })
    }
    for (const id of ids.slice(42, 46))
      await decide(db, { submissionId: id, actorId: moderator.id, decision: 'claim', baseUrl: '' })
    for (const id of ids.slice(46))
      await decide(db, {
        submissionId: id,
        actorId: moderator.id,
        decision: 'reject',
        reason: 'Describes provision in a special school, outside the call’s scope.',
        baseUrl: '',
      })
  }
  return ids.length
}
