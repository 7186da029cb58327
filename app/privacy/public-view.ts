import type { CaseStudyWithTags } from '../../db/repositories/case-studies'
import { regions } from '../reference/regions'
import { readPublishedValues, type PublishedValues } from './published-fields'

const regionNames = new Map<string, string>(regions.map((r) => [r.code, r.name]))

/**
 * The public view of a case study: the one place that decides what a reader may see. Its text
 * comes only from the published fields; the organisation is named only where the respondent
 * agreed; everything else is reference data. The library page, the public API and the search
 * document are all built from this.
 */
export function toPublicCaseStudy(row: CaseStudyWithTags) {
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
  }
}

export type PublicCaseStudy = ReturnType<typeof toPublicCaseStudy>
