import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'
import { evidenceConsent, evidenceStatus, selectEvidence, type EvidenceScope } from './evidence'

/**
 * Counts over the one evidence query. Every figure here counts distinct case studies; each also
 * says whether all of them came from one school, which is what public outputs need to suppress
 * small counts that could identify a school.
 */
export interface Tally {
  key: string
  count: number
  /** Mean evidence strength of the rated case studies, or null if none is rated. */
  averageStrength: number | null
  oneSchool: boolean
}

const oneSchool = sql<boolean>`count(DISTINCT sc.establishment_urn) = 1 AND bool_and(sc.establishment_urn IS NOT NULL)`

/** The scope as a common table expression `sc`: one row per case study. */
function scoped(db: Kysely<DB>, scope: EvidenceScope) {
  const rows = selectEvidence(db, scope).select([
    'cs.id',
    'cs.evidence_strength',
    'cs.establishment_urn',
    'cs.region_code',
    evidenceStatus.as('status'),
    evidenceConsent.as('consent'),
  ])
  return db.with('sc', () => rows)
}

function toTally(row: {
  key: string | number | null
  count: string | number
  average_strength: string | number | null
  one_school: boolean | null
}): Tally {
  return {
    key: row.key === null ? '' : String(row.key),
    count: Number(row.count),
    averageStrength: row.average_strength === null ? null : Number(row.average_strength),
    oneSchool: Boolean(row.one_school),
  }
}

export interface EvidenceTotals {
  total: Tally
  schools: number
}

export async function evidenceTotals(
  db: Kysely<DB>,
  scope: EvidenceScope,
): Promise<EvidenceTotals> {
  const row = await scoped(db, scope)
    .selectFrom('sc')
    .select([
      sql<string>`'total'`.as('key'),
      (eb) => eb.fn.countAll<string>().as('count'),
      sql<string | null>`avg(sc.evidence_strength)`.as('average_strength'),
      oneSchool.as('one_school'),
      sql<string>`count(DISTINCT sc.establishment_urn)`.as('schools'),
    ])
    .executeTakeFirstOrThrow()
  return { total: toTally(row), schools: Number(row.schools) }
}

/** Case studies by one of their own columns: region, evidence strength, status or consent. */
export async function tallyEvidenceBy(
  db: Kysely<DB>,
  scope: EvidenceScope,
  dimension: 'region' | 'evidence' | 'status' | 'consent',
): Promise<Tally[]> {
  const column = {
    region: sql`sc.region_code`,
    evidence: sql`sc.evidence_strength`,
    status: sql`sc.status`,
    consent: sql`sc.consent`,
  }[dimension]
  const rows = await scoped(db, scope)
    .selectFrom('sc')
    .select([
      sql<string | null>`${column}`.as('key'),
      (eb) => eb.fn.countAll<string>().as('count'),
      sql<string | null>`avg(sc.evidence_strength)`.as('average_strength'),
      oneSchool.as('one_school'),
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute()
  return rows.map(toTally)
}

/**
 * Case studies by tag, per scheme; needs are also counted by broad area (scheme `need_area`),
 * each case study once per area however many of its needs sit there.
 */
export async function tallyEvidenceByTag(
  db: Kysely<DB>,
  scope: EvidenceScope,
): Promise<(Tally & { scheme: string })[]> {
  const rows = await scoped(db, scope)
    .with('tagged', (qb) =>
      qb
        .selectFrom('sc')
        .innerJoin('case_study_tags as cst', 'cst.case_study_id', 'sc.id')
        .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
        .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
        .select(['sc.id', 't.scheme_code as scheme', 't.code'])
        .union((qb2) =>
          qb2
            .selectFrom('sc')
            .innerJoin('case_study_tags as cst', 'cst.case_study_id', 'sc.id')
            .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
            .innerJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
            .select(['sc.id', sql<string>`'need_area'`.as('scheme'), 'p.code'])
            .where('t.scheme_code', '=', 'need'),
        ),
    )
    .selectFrom('tagged')
    .innerJoin('sc', 'sc.id', 'tagged.id')
    .select([
      'tagged.scheme',
      'tagged.code as key',
      (eb) => eb.fn.countAll<string>().as('count'),
      sql<string | null>`avg(sc.evidence_strength)`.as('average_strength'),
      oneSchool.as('one_school'),
    ])
    .groupBy(['tagged.scheme', 'tagged.code'])
    .execute()
  return rows.map((row) => ({ scheme: row.scheme, ...toTally(row) }))
}

export interface GapCell extends Tally {
  practice: string
  /** A need code, or a broad area's code when `level` is area. */
  need: string
}

/**
 * The evidence gap map's cells: case studies by practice type and need, at the level of need
 * codes and of broad areas (each case study once per practice and area).
 */
export async function evidenceGapCells(
  db: Kysely<DB>,
  scope: EvidenceScope,
  level: 'code' | 'area',
): Promise<GapCell[]> {
  const needKey = level === 'code' ? sql<string>`n.code` : sql<string>`a.code`
  const rows = await scoped(db, scope)
    .with('pairs', (qb) =>
      qb
        .selectFrom('sc')
        .innerJoin('case_study_tags as pt', 'pt.case_study_id', 'sc.id')
        .innerJoin('taxonomy_terms as p', (join) =>
          join.onRef('p.id', '=', 'pt.term_id').on('p.scheme_code', '=', 'practice'),
        )
        .innerJoin('case_study_tags as nt', 'nt.case_study_id', 'sc.id')
        .innerJoin('taxonomy_terms as n', (join) =>
          join.onRef('n.id', '=', 'nt.term_id').on('n.scheme_code', '=', 'need'),
        )
        .leftJoin('taxonomy_terms as a', 'a.id', 'n.parent_id')
        .select(['sc.id', 'p.code as practice', needKey.as('need')])
        .distinct(),
    )
    .selectFrom('pairs')
    .innerJoin('sc', 'sc.id', 'pairs.id')
    .select([
      'pairs.practice',
      'pairs.need',
      sql<string>`pairs.practice || ':' || pairs.need`.as('key'),
      (eb) => eb.fn.countAll<string>().as('count'),
      sql<string | null>`avg(sc.evidence_strength)`.as('average_strength'),
      oneSchool.as('one_school'),
    ])
    .where('pairs.need', 'is not', null)
    .groupBy(['pairs.practice', 'pairs.need'])
    .execute()
  return rows.map((row) => ({ practice: row.practice, need: row.need, ...toTally(row) }))
}

/**
 * Responses received (sent, in any status but draft) by status and by day in London, for the
 * chosen calls: the whole pipeline, before moderation turns responses into evidence.
 */
export async function responsesReceived(db: Kysely<DB>, callSlugs: readonly string[]) {
  let received = db
    .selectFrom('submissions as s')
    .innerJoin('calls as c', 'c.id', 's.call_id')
    .where('s.status', '!=', 'draft')
    .where('s.submitted_at', 'is not', null)
  if (callSlugs.length > 0) received = received.where('c.slug', 'in', [...callSlugs])
  const [byStatus, byDay] = await Promise.all([
    received
      .select(['s.status as key', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('s.status')
      .execute(),
    received
      .select([
        sql<string>`to_char(s.submitted_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`.as('day'),
        (eb) => eb.fn.countAll<string>().as('count'),
      ])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
  ])
  return {
    byStatus: byStatus.map((r) => ({ key: r.key, count: Number(r.count) })),
    byDay: byDay.map((r) => ({ day: r.day, count: Number(r.count) })),
  }
}
