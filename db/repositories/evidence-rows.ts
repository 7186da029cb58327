import { sql, type Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { DB } from '../types'
import { evidenceConsent, evidenceStatus, selectEvidence, type EvidenceScope } from './evidence'

export interface EvidenceRowOptions {
  /**
   * Respondents' names, emails and roles. Given only to an internal audience, and only for
   * respondents who agreed to be contacted; otherwise the columns are empty.
   */
  contacts: boolean
  /** Rows fetched from Postgres at a time; memory stays flat however many rows match. */
  chunkSize?: number
}

/**
 * Every case study in a scope with everything an export writes, in reference order, read
 * through one cursor. An organisation (and its URN) is named only where the respondent agreed.
 */
export function streamEvidenceRows(
  db: Kysely<DB>,
  scope: EvidenceScope,
  options: EvidenceRowOptions,
) {
  return selectEvidenceRows(db, scope, options).stream(options.chunkSize ?? 500)
}

export function selectEvidenceRows(
  db: Kysely<DB>,
  scope: EvidenceScope,
  options: EvidenceRowOptions,
) {
  const contacts = options.contacts && scope.audience === 'internal'
  const contact = (column: 's.respondent_name' | 's.respondent_email' | 's.respondent_role') =>
    contacts
      ? sql<string | null>`CASE WHEN s.may_contact THEN ${sql.ref(column)} END`
      : sql<string | null>`NULL::text`
  const named = sql<boolean>`${evidenceConsent} = 'named'`
  return selectEvidence(db, scope)
    .leftJoin('calls as c', 'c.id', 's.call_id')
    .select([
      'cs.id',
      sql<string>`coalesce(s.reference, cs.slug)`.as('reference'),
      'cs.slug',
      evidenceStatus.as('status'),
      evidenceConsent.as('consent'),
      'c.slug as call',
      'cs.title',
      'cs.summary',
      'cs.challenge',
      'cs.practice',
      'cs.impact',
      'cs.key_factors',
      'cs.advice',
      'cs.cost_and_resources',
      'cs.measures',
      'cs.organisation_kind',
      sql<string | null>`CASE WHEN ${named} THEN cs.organisation_name END`.as('organisation_name'),
      sql<number | null>`CASE WHEN ${named} THEN cs.establishment_urn END`.as('urn'),
      'cs.la_code',
      'cs.la_name',
      'cs.region_code',
      'cs.evidence_strength',
      'cs.is_fictional',
      's.submitted_at',
      'cs.published_at',
      'cs.public_version as version',
      sql<Date | null>`coalesce(cs.last_reviewed_at, cs.published_at)`.as('last_reviewed_at'),
      contact('s.respondent_name').as('contact_name'),
      contact('s.respondent_email').as('contact_email'),
      contact('s.respondent_role').as('contact_role'),
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('case_study_tags as cst')
          .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
          .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
          .select(['t.scheme_code as scheme', 't.code', 't.label', 'p.code as parentCode'])
          .whereRef('cst.case_study_id', '=', 'cs.id')
          .orderBy('t.scheme_code')
          .orderBy('t.position'),
      ).as('tags'),
    )
    .orderBy(sql`s.reference IS NULL`)
    .orderBy('s.reference')
    .orderBy('cs.slug')
}

export type EvidenceRow = Awaited<
  ReturnType<ReturnType<typeof selectEvidenceRows>['execute']>
>[number]

/**
 * A few case studies in a scope to quote from, the best evidenced first: the sections that start
 * from the respondent's own words (impact, practice), never the moderator's summary.
 */
export async function listEvidenceToQuote(db: Kysely<DB>, scope: EvidenceScope, limit: number) {
  return selectEvidence(db, scope)
    .select([
      'cs.id',
      sql<string>`coalesce(s.reference, cs.slug)`.as('reference'),
      'cs.slug',
      'cs.title',
      'cs.impact',
      'cs.practice',
      evidenceStatus.as('status'),
    ])
    .orderBy(sql`cs.evidence_strength DESC NULLS LAST`)
    .orderBy(sql`coalesce(s.reference, cs.slug)`)
    .limit(limit)
    .execute()
}

/** One page of a scope's case studies, in reference order, for the evidence list. */
export async function listEvidencePage(
  db: Kysely<DB>,
  scope: EvidenceScope,
  page: { limit: number; offset: number },
) {
  return selectEvidenceRows(db, scope, { contacts: false })
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** One case study by its reference (or, for the team's own, its address), within a scope. */
export async function findEvidenceByReference(
  db: Kysely<DB>,
  scope: EvidenceScope,
  reference: string,
) {
  return selectEvidenceRows(db, scope, { contacts: false })
    .where(sql<string>`coalesce(s.reference, cs.slug)`, '=', reference)
    .executeTakeFirst()
}

/**
 * The schools behind the "Schools" figure (the distinct schools whose case studies are in the
 * scope), one row each with their case studies. For the public audience a school is named only
 * through case studies whose respondents agreed to be named, and lists only those; schools with
 * none are counted, not named.
 */
export async function listEvidenceSchools(db: Kysely<DB>, scope: EvidenceScope) {
  const named = sql<boolean>`${evidenceConsent} = 'named'`
  const rows = await selectEvidence(db, scope)
    .innerJoin('establishments as e', 'e.urn', 'cs.establishment_urn')
    .select([
      'e.urn',
      'e.name',
      'e.la_name',
      'e.region_name',
      'e.phase_name',
      sql<
        string[]
      >`array_agg(coalesce(s.reference, cs.slug) ORDER BY coalesce(s.reference, cs.slug))`.as(
        'references',
      ),
      sql<
        string[]
      >`coalesce(array_agg(coalesce(s.reference, cs.slug) ORDER BY coalesce(s.reference, cs.slug)) FILTER (WHERE ${named}), '{}')`.as(
        'named_references',
      ),
    ])
    .groupBy(['e.urn', 'e.name', 'e.la_name', 'e.region_name', 'e.phase_name'])
    .orderBy('e.name')
    .orderBy('e.urn')
    .execute()
  return rows
}
