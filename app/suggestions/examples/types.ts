/** A careful moderator's tags for one hand-written example: taxonomy codes, scheme by scheme. */
export interface ExampleCoding {
  need: string[]
  practice: string[]
  phase: string[]
  setting: string[]
  evidenceStrength: 0 | 1 | 2 | 3 | 4
}

/**
 * A submission written by hand as a school, trust or local area would answer the call: the same
 * fields a response has, and the tags a careful moderator gave it.
 */
export interface HandWrittenExample {
  id: string
  organisationKind: 'school' | 'trust' | 'local-area'
  title: string
  challenge?: string
  dayToDay?: string
  keyFactors?: string
  advice?: string
  whatChanged?: string
  howYouKnow?: string
  gold: ExampleCoding
}
