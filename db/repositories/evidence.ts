import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../types'

/**
 * The one way case studies are selected, for the library, the search index, the evidence
 * dashboard, the gap map and every export. Who is asking (the audience) decides what can be
 * seen; the filter only narrows within that. Nothing else in the code base chooses which case
 * studies a reader may see, so a hidden case study cannot leak through a path of its own.
 *
 * - `public` (the library, the search index, outputs prepared for publication): published case
 *   studies only. Evidence-only responses are never published, so they never appear.
 * - `internal` (advisory group members and administrators): moderated evidence in the chosen
 *   statuses, evidence-only responses included. Rejected and withdrawn responses never appear.
 */
export type Audience = 'public' | 'internal'

/** The moderation statuses an internal audience may ask for; anything else is ignored. */
export const INTERNAL_STATUSES = ['published', 'approved', 'in_review', 'changes_requested']

export type TagScheme = 'need' | 'practice' | 'phase' | 'setting'

export interface EvidenceScope {
  audience: Audience
  /** Internal audience only; the public audience sees published case studies whatever this says. */
  statuses?: readonly string[]
  consents?: readonly string[]
  callSlugs?: readonly string[]
  /** Codes by scheme: values within a scheme combine with OR, schemes with AND. */
  tags?: Partial<Record<TagScheme, readonly string[]>>
  /** Further tag conditions, each ANDed with `tags` (a gap-map cell within a filter). */
  alsoTags?: Partial<Record<TagScheme, readonly string[]>>
  regions?: readonly string[]
  evidence?: readonly number[]
  /** Postgres full-text search (the library's fallback when Meilisearch is unavailable). */
  text?: string
}

export const DEFAULT_INTERNAL_STATUSES = ['published', 'approved']

/** A case study's place in moderation: published, or its submission's status. */
export const evidenceStatus = sql<string>`CASE WHEN cs.status = 'published' THEN 'published' ELSE coalesce(s.status, cs.status) END`

/**
 * What the respondent agreed to. Case studies written by the team (no submission) are named or
 * anonymised by their own flag.
 */
export const evidenceConsent = sql<string>`coalesce(s.original_answers #>> '{consent,publication}', CASE WHEN cs.organisation_named THEN 'named' ELSE 'anonymised' END)`

export const searchDocument = sql`to_tsvector('english', cs.title || ' ' || cs.summary || ' ' || cs.challenge || ' ' || cs.practice || ' ' || cs.impact)`

/**
 * Case studies (alias `cs`) with their submission (alias `s`, absent for the team's own case
 * studies) within a scope. Select what you need from it; aggregate over it; page through it.
 */
export function selectEvidence(db: Kysely<DB>, scope: EvidenceScope) {
  let query = db
    .selectFrom('case_studies as cs')
    .leftJoin('submissions as s', 's.id', 'cs.submission_id')
    // A response taken back by its author, or turned down, is never evidence.
    .where((eb) =>
      eb.or([eb('s.id', 'is', null), eb('s.status', 'not in', ['withdrawn', 'rejected'])]),
    )
  if (scope.audience === 'public') {
    query = query.where('cs.status', '=', 'published')
  } else {
    const statuses = (scope.statuses?.length ? scope.statuses : DEFAULT_INTERNAL_STATUSES).filter(
      (status) => INTERNAL_STATUSES.includes(status),
    )
    query =
      statuses.length > 0
        ? query.where(evidenceStatus, 'in', statuses)
        : query.where(sql<SqlBool>`false`)
  }
  if (scope.consents?.length) query = query.where(evidenceConsent, 'in', [...scope.consents])
  if (scope.callSlugs?.length) {
    query = query.where((eb) =>
      eb(
        's.call_id',
        'in',
        eb
          .selectFrom('calls')
          .select('calls.id')
          .where('calls.slug', 'in', [...scope.callSlugs!]),
      ),
    )
  }
  const tagConditions = [
    ...Object.entries(scope.tags ?? {}),
    ...Object.entries(scope.alsoTags ?? {}),
  ]
  for (const [scheme, codes] of tagConditions) {
    if (!codes || codes.length === 0) continue
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_study_tags as f')
          .innerJoin('taxonomy_terms as ft', 'ft.id', 'f.term_id')
          .select(sql`1`.as('one'))
          .whereRef('f.case_study_id', '=', 'cs.id')
          .where('ft.scheme_code', '=', scheme)
          .where('ft.code', 'in', [...codes]),
      ),
    )
  }
  if (scope.regions?.length) query = query.where('cs.region_code', 'in', [...scope.regions])
  if (scope.evidence?.length) query = query.where('cs.evidence_strength', 'in', [...scope.evidence])
  if (scope.text?.trim()) query = query.where(textMatches(scope.text))
  return query
}

export function textMatches(text: string): Expression<SqlBool> {
  return sql<SqlBool>`${searchDocument} @@ websearch_to_tsquery('english', ${text})`
}

export function textRank(text: string) {
  return sql<number>`ts_rank(${searchDocument}, websearch_to_tsquery('english', ${text}))`
}

/** How many case studies a scope holds. */
export async function countEvidence(db: Kysely<DB>, scope: EvidenceScope): Promise<number> {
  const row = await selectEvidence(db, scope)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
