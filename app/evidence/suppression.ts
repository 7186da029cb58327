import type { EvidenceAudience } from './evidence-filter'

/** Below this, a count drawn from one school could identify it. */
export const SUPPRESSION_THRESHOLD = 5

/**
 * A count as an output may show it: in outputs for publication, a count of 1 to 4 case studies
 * that all come from one school is suppressed (null), because together with the filter it could
 * point at that school. Zero is shown: a gap identifies no one.
 */
export function shownCount(
  tally: { count: number; oneSchool: boolean },
  audience: EvidenceAudience,
): number | null {
  if (audience !== 'publication') return tally.count
  if (tally.count > 0 && tally.count < SUPPRESSION_THRESHOLD && tally.oneSchool) return null
  return tally.count
}

/** How a possibly suppressed count is written in tables and exports. */
export function formatCount(count: number | null): string {
  return count === null ? 'fewer than 5' : count.toLocaleString('en-GB')
}
