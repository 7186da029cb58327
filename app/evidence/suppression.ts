import type { EvidenceAudience } from './evidence-filter'

/** Below this, a count drawn from one school could identify it. */
export const SUPPRESSION_THRESHOLD = 5

export interface TallyToShow {
  count: number
  oneSchool: boolean
  averageStrength?: number | null
}

/** A count and what is derived from it, as an output may show them: null where suppressed. */
export interface Shown {
  count: number | null
  averageStrength: number | null
  suppressed: boolean
}

/**
 * The one suppression rule, decided once per tally: in outputs for publication, a count of 1 to
 * 4 case studies that all come from one school is suppressed, because together with the filter
 * it could point at that school — and so is every figure derived from it (its mean evidence
 * strength). Zero is shown: a gap identifies no one. No tally at all is a zero.
 */
export function showTally(tally: TallyToShow | undefined, audience: EvidenceAudience): Shown {
  if (!tally) return { count: 0, averageStrength: null, suppressed: false }
  const suppressed =
    audience === 'publication' &&
    tally.count > 0 &&
    tally.count < SUPPRESSION_THRESHOLD &&
    tally.oneSchool
  return suppressed
    ? { count: null, averageStrength: null, suppressed: true }
    : { count: tally.count, averageStrength: tally.averageStrength ?? null, suppressed: false }
}

/** The count alone, under the same rule. */
export function shownCount(tally: TallyToShow | undefined, audience: EvidenceAudience) {
  return showTally(tally, audience).count
}

export const SUPPRESSED_TEXT = 'fewer than 5'

/** How a possibly suppressed count is written in tables and exports. */
export function formatCount(count: number | null): string {
  return count === null ? SUPPRESSED_TEXT : count.toLocaleString('en-GB')
}

/** "1 case study", "2 case studies", "fewer than 5 case studies". */
export function caseStudiesText(count: number | null): string {
  return `${formatCount(count)} ${count === 1 ? 'case study' : 'case studies'}`
}

/** What a broad area with no practices to list says, for the same decision everywhere. */
export function noPracticesText(total: number | null): string {
  if (total === 0) return 'No case studies in this filter.'
  if (total === null)
    return 'Fewer than 5 case studies, all from one school: not broken down further, so that the school cannot be identified.'
  return 'Each type of practice here has fewer than 5 case studies from one school: not listed, so that the school cannot be identified.'
}
