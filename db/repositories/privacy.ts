import { sql, type Kysely } from 'kysely'
import type { DB, Json } from '../types'
import { recordAuditEvent } from './audit-events'

type Executor = Kysely<DB>

export interface Measure {
  measure: string
  before: string
  after: string
  period: string
}

/**
 * The published values of a case study, as stored in `case_studies`: the columns below. What each
 * one means on a public surface is listed once in app/privacy/published-fields.ts.
 */
export interface PublishedValues {
  title: string
  summary: string
  challenge: string
  practice: string
  impact: string
  key_factors: string
  advice: string
  cost_and_resources: string
  measures: Measure[]
  keywords: string[]
  organisation_name: string
}

/** The columns of a case study that its published text is read from. */
export const publishedValueColumns = [
  'title',
  'summary',
  'challenge',
  'practice',
  'impact',
  'key_factors',
  'advice',
  'cost_and_resources',
  'measures',
  'keywords',
  'organisation_name',
] as const

/** A case study's published text and what the checks need beside it, locked for the transaction. */
export async function lockCaseStudyText(trx: Executor, caseStudyId: string) {
  return trx
    .selectFrom('case_studies')
    .select([
      'id',
      'slug',
      'status',
      'published_at',
      'submission_id',
      'organisation_named',
      'establishment_urn',
      ...publishedValueColumns,
    ])
    .where('id', '=', caseStudyId)
    .forUpdate()
    .executeTakeFirst()
}

/** The postcodes of the schools a case study is about: public, not a child's address. */
export async function findSchoolPostcodes(db: Executor, caseStudyId: string) {
  const rows = await db
    .selectFrom('case_studies as cs')
    .leftJoin('submission_establishments as se', 'se.submission_id', 'cs.submission_id')
    .innerJoin('establishments as e', (join) =>
      join.on((eb) =>
        eb.or([
          eb('e.urn', '=', eb.ref('cs.establishment_urn')),
          eb('e.urn', '=', eb.ref('se.urn')),
        ]),
      ),
    )
    .select('e.postcode')
    .distinct()
    .where('cs.id', '=', caseStudyId)
    .where('e.postcode', 'is not', null)
    .execute()
  return rows.map((r) => r.postcode!)
}

export async function findDismissedFingerprints(db: Executor, caseStudyIds: readonly string[]) {
  if (caseStudyIds.length === 0) return new Map<string, Set<string>>()
  const rows = await db
    .selectFrom('personal_data_dismissals')
    .select(['case_study_id', 'fingerprint'])
    .where('case_study_id', 'in', caseStudyIds)
    .execute()
  const byCaseStudy = new Map<string, Set<string>>()
  for (const row of rows) {
    const set = byCaseStudy.get(row.case_study_id) ?? new Set<string>()
    set.add(row.fingerprint)
    byCaseStudy.set(row.case_study_id, set)
  }
  return byCaseStudy
}

export async function listDismissals(db: Executor, caseStudyId: string) {
  return db
    .selectFrom('personal_data_dismissals as d')
    .innerJoin('users as u', 'u.id', 'd.dismissed_by')
    .select(['d.fingerprint', 'd.field', 'd.kind', 'd.match_text', 'd.reason', 'd.dismissed_at'])
    .select('u.name')
    .where('d.case_study_id', '=', caseStudyId)
    .orderBy('d.dismissed_at')
    .execute()
}

export async function insertDismissal(
  trx: Executor,
  dismissal: {
    caseStudyId: string
    fingerprint: string
    field: string
    kind: string
    match: string
    reason: string
    actorId: string
  },
) {
  const result = await trx
    .insertInto('personal_data_dismissals')
    .values({
      case_study_id: dismissal.caseStudyId,
      fingerprint: dismissal.fingerprint,
      field: dismissal.field,
      kind: dismissal.kind,
      match_text: dismissal.match,
      reason: dismissal.reason,
      dismissed_by: dismissal.actorId,
    })
    .onConflict((oc) => oc.columns(['case_study_id', 'fingerprint']).doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

/**
 * Takes a published case study out of the library: the case study is unpublished and its
 * submission goes back to approved, from where a moderator can publish it again once it is clean.
 * Returns false if it was not published.
 */
export async function markWithheld(trx: Executor, caseStudyId: string) {
  const result = await trx
    .updateTable('case_studies')
    .set({ status: 'unpublished', updated_at: sql`now()` })
    .where('id', '=', caseStudyId)
    .where('status', '=', 'published')
    .returning('submission_id')
    .executeTakeFirst()
  if (!result) return false
  if (result.submission_id)
    await trx
      .updateTable('submissions')
      .set({ status: 'approved', updated_at: sql`now()` })
      .where('id', '=', result.submission_id)
      .where('status', '=', 'published')
      .execute()
  return true
}

export async function insertPrivacyAlert(
  trx: Executor,
  alert: { caseStudyId: string; surface: string; findings: Json },
) {
  await trx
    .insertInto('privacy_alerts')
    .values({ case_study_id: alert.caseStudyId, surface: alert.surface, findings: alert.findings })
    .execute()
}

/** Alerts nobody has dealt with yet (the case study has not been published again since). */
export async function listOpenPrivacyAlerts(db: Executor, caseStudyId?: string) {
  let query = db
    .selectFrom('privacy_alerts as a')
    .innerJoin('case_studies as cs', 'cs.id', 'a.case_study_id')
    .leftJoin('submissions as s', 's.id', 'cs.submission_id')
    .select([
      'a.id',
      'a.surface',
      'a.findings',
      'a.raised_at',
      'cs.title',
      'cs.slug',
      's.reference',
    ])
    .where('a.resolved_at', 'is', null)
    .orderBy('a.raised_at', 'desc')
  if (caseStudyId) query = query.where('a.case_study_id', '=', caseStudyId)
  return query.limit(100).execute()
}

export async function resolvePrivacyAlerts(trx: Executor, caseStudyId: string, actorId: string) {
  await trx
    .updateTable('privacy_alerts')
    .set({ resolved_at: sql`now()`, resolved_by: actorId })
    .where('case_study_id', '=', caseStudyId)
    .where('resolved_at', 'is', null)
    .execute()
}

/** Published case studies last scanned under older rules, in id order from a cursor. */
export async function listPublishedForRescan(
  db: Executor,
  options: { belowVersion: number; afterId?: string; limit: number },
) {
  let query = db
    .selectFrom('case_studies')
    .select(['id', 'slug', 'organisation_named', ...publishedValueColumns])
    .where('status', '=', 'published')
    .where('privacy_scan_version', '<', options.belowVersion)
  if (options.afterId) query = query.where('id', '>', options.afterId)
  return query.orderBy('id').limit(options.limit).execute()
}

export async function markScanned(db: Executor, caseStudyIds: readonly string[], version: number) {
  if (caseStudyIds.length === 0) return
  await db
    .updateTable('case_studies')
    .set({ privacy_scan_version: version })
    .where('id', 'in', caseStudyIds)
    .execute()
}

/** Whether the respondent's flagged personal data has been cleared from the case study. */
export async function setPersonalDataCleared(
  trx: Executor,
  input: { submissionId: string; cleared: boolean; actorId: string | null },
) {
  await trx
    .updateTable('submissions')
    .set(
      input.cleared
        ? {
            personal_data_resolved_at: sql`coalesce(personal_data_resolved_at, now())`,
            personal_data_resolved_by: sql`coalesce(personal_data_resolved_by, ${input.actorId}::uuid)`,
          }
        : {
            personal_data_flagged: true,
            personal_data_resolved_at: null,
            personal_data_resolved_by: null,
          },
    )
    .where('id', '=', input.submissionId)
    .execute()
}

/**
 * What the boundary guard writes when it fires: the case study withheld, an alert for staff and an
 * audit event, each naming where and what kind was found, never the identifier itself. The
 * caller makes sure the index drops it.
 */
export async function recordWithholding(
  trx: Executor,
  input: { caseStudyId: string; surface: string; findings: { path: string; kind: string }[] },
) {
  const withheld = await markWithheld(trx, input.caseStudyId)
  const findings = input.findings.map(({ path, kind }) => ({ path, kind }))
  await insertPrivacyAlert(trx, {
    caseStudyId: input.caseStudyId,
    surface: input.surface,
    findings,
  })
  await recordAuditEvent(trx, {
    actorId: null,
    action: 'case_study.withheld',
    subjectType: 'case_study',
    subjectId: input.caseStudyId,
    before: { published: withheld },
    after: { published: false, surface: input.surface, findings },
  })
}
