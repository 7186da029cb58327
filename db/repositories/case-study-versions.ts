import { sql, type Kysely } from 'kysely'
import type { DB, Json } from '../types'
import { publishedValueColumns, type PublishedValues } from './privacy'

// The published versions of a case study. The case study row holds the current version (what the
// library, the search index and the API show); each version's published text is kept here so that
// its permalink, /library/:slug/versions/:n, shows it for good. A case study never followed up has
// no rows: it is its own version 1.

type Executor = Kysely<DB>

/** The case study a new version replaces, locked for the transaction that publishes it. */
export async function lockCaseStudyForNewVersion(trx: Executor, caseStudyId: string) {
  return trx
    .selectFrom('case_studies')
    .select([
      'id',
      'status',
      'published_at',
      'public_version',
      'evidence_strength',
      'practice_status',
      'practice_status_since',
      'organisation_named',
      ...publishedValueColumns,
    ])
    .where('id', '=', caseStudyId)
    .forUpdate()
    .executeTakeFirst()
}

export async function countCaseStudyVersions(db: Executor, caseStudyId: string) {
  const row = await db
    .selectFrom('case_study_versions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('case_study_id', '=', caseStudyId)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertCaseStudyVersion(
  trx: Executor,
  version: {
    caseStudyId: string
    number: number
    publishedAt: Date
    values: PublishedValues
    evidenceStrength: number | null
    practiceStatus: string
    changeSummary: string
    followUpId: string | null
  },
) {
  await trx
    .insertInto('case_study_versions')
    .values({
      case_study_id: version.caseStudyId,
      number: version.number,
      published_at: version.publishedAt,
      published_values: version.values as unknown as Json,
      evidence_strength: version.evidenceStrength,
      practice_status: version.practiceStatus,
      change_summary: version.changeSummary,
      follow_up_id: version.followUpId,
    })
    .execute()
}

/**
 * Makes the case study its new version: the text, the rating and the practice's status, the
 * date it was reviewed, and its number. The edit version moves on too, so a moderator editing the
 * old text on the submission's page is told it changed rather than overwriting it.
 */
export async function applyNewVersion(
  trx: Executor,
  caseStudyId: string,
  next: {
    number: number
    values: PublishedValues
    evidenceStrength: number | null
    practiceStatus: string
    practiceStatusSince: Date | null
    reviewedAt: Date
  },
) {
  await trx
    .updateTable('case_studies')
    .set({
      ...next.values,
      measures: next.values.measures as unknown as Json,
      evidence_strength: next.evidenceStrength,
      practice_status: next.practiceStatus,
      practice_status_since: next.practiceStatusSince,
      last_reviewed_at: next.reviewedAt,
      public_version: next.number,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', caseStudyId)
    .execute()
}

/** A case study's versions for its public history, oldest first. */
export async function listCaseStudyVersions(db: Executor, caseStudyIds: readonly string[]) {
  if (caseStudyIds.length === 0) return []
  return db
    .selectFrom('case_study_versions')
    .select([
      'case_study_id',
      'number',
      'published_at',
      'evidence_strength',
      'practice_status',
      'change_summary',
    ])
    .where('case_study_id', 'in', caseStudyIds)
    .orderBy('case_study_id')
    .orderBy('number')
    .execute()
}

/** One earlier version's published text. */
export async function findCaseStudyVersion(db: Executor, caseStudyId: string, number: number) {
  return db
    .selectFrom('case_study_versions')
    .select([
      'number',
      'published_at',
      'published_values',
      'evidence_strength',
      'practice_status',
      'change_summary',
    ])
    .where('case_study_id', '=', caseStudyId)
    .where('number', '=', number)
    .executeTakeFirst()
}

/** For the evidence dashboard: evidence strength at first publication and now, per case study. */
export async function listEvidenceStrengthChanges(db: Executor) {
  return db
    .selectFrom('case_studies as cs')
    .innerJoin('case_study_versions as first', (join) =>
      join.onRef('first.case_study_id', '=', 'cs.id').on('first.number', '=', 1),
    )
    .select(['cs.id', 'first.evidence_strength as first', 'cs.evidence_strength as latest'])
    .where('cs.status', '=', 'published')
    .where('cs.public_version', '>', 1)
    .execute()
}

/**
 * For the personal-data rescan: the stored versions of these case studies that the public can
 * still read apart from the current text. Each one's text when it is earlier than the current
 * version (its permalink shows it), and every version's line about what changed (the history
 * shows them all), oldest first.
 */
export async function listVersionsForRescan(db: Executor, caseStudyIds: readonly string[]) {
  if (caseStudyIds.length === 0) return []
  return db
    .selectFrom('case_study_versions as v')
    .innerJoin('case_studies as cs', 'cs.id', 'v.case_study_id')
    .select([
      'v.case_study_id',
      'v.number',
      sql<Json | null>`CASE WHEN v.number < cs.public_version THEN v.published_values END`.as(
        'published_values',
      ),
      'v.change_summary',
    ])
    .where('v.case_study_id', 'in', caseStudyIds)
    .orderBy('v.case_study_id')
    .orderBy('v.number')
    .execute()
}
