import type { CaseStudyWithTags } from '../../db/repositories/case-studies'
import type { PracticeStatus } from '../follow-ups/review-state'
import { regions } from '../reference/regions'
import { readPublishedValues, type PublishedValues } from './published-fields'

type FollowUpColumns =
  'public_version' | 'last_reviewed_at' | 'practice_status' | 'practice_status_since'

/** A stored row; rows read before follow-ups existed (and test rows) may lack their columns. */
export type PublicCaseStudyRow = Omit<CaseStudyWithTags, FollowUpColumns> &
  Partial<Pick<CaseStudyWithTags, FollowUpColumns>>

const isoOrNull = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

const regionNames = new Map<string, string>(regions.map((r) => [r.code, r.name]))

/**
 * The public view of a case study: the one place that decides what a reader may see. Its text
 * comes only from the published fields; the organisation is named only where the respondent
 * agreed; everything else is reference data. The library page, the public API and the search
 * document are all built from this.
 */
export function toPublicCaseStudy(row: PublicCaseStudyRow) {
  const values: PublishedValues = readPublishedValues(row)
  return {
    id: row.id,
    slug: row.slug,
    ...values,
    organisation_name: row.organisation_named ? values.organisation_name : null,
    organisation_kind: row.organisation_kind,
    la_code: row.la_code,
    la_name: row.la_name,
    region_code: row.region_code,
    region_name: row.region_code ? (regionNames.get(row.region_code) ?? null) : null,
    evidence_strength: row.evidence_strength,
    is_fictional: row.is_fictional,
    published_at: row.published_at ? new Date(row.published_at).toISOString() : null,
    tags: row.tags,
    // Follow-ups (app/follow-ups/): the current version, when a moderator last reviewed it (first
    // publication until a follow-up is published) and whether the practice is still running.
    version: row.public_version ?? 1,
    last_reviewed_at: isoOrNull(row.last_reviewed_at ?? row.published_at),
    practice_status: (row.practice_status ?? 'running') as PracticeStatus,
    practice_status_since: isoOrNull(row.practice_status_since ?? null),
  }
}

export type PublicCaseStudy = ReturnType<typeof toPublicCaseStudy>
