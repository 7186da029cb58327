// The schemes the suggester suggests terms for, and the evidence-strength rating it suggests
// beside them. Outcomes and principles are left to moderators: they are judgements about the
// whole account rather than what it is about.

export const suggestedSchemes = ['need', 'practice', 'phase', 'setting'] as const
export type SuggestedScheme = (typeof suggestedSchemes)[number]

/** The pseudo-scheme under which a suggested evidence-strength rating is stored and shown. */
export const EVIDENCE_SCHEME = 'evidence_strength'

export const schemeNames: Record<SuggestedScheme | typeof EVIDENCE_SCHEME, string> = {
  need: 'Needs',
  practice: 'Type of practice',
  phase: 'Phase',
  setting: 'Setting',
  evidence_strength: 'Strength of evidence',
}

/** At most this many suggestions per scheme: a hint, not a list to work through. */
export const MAX_PER_SCHEME = 3

export type Confidence = 'likely' | 'possible'

/** Scores from 0 to 1 at or above which a term is suggested, and called likely. */
export const thresholds = { possible: 0.35, likely: 0.6 } as const

export function confidenceOf(score: number): Confidence | null {
  if (score >= thresholds.likely) return 'likely'
  if (score >= thresholds.possible) return 'possible'
  return null
}
