// The dashboard's follow-up figures, as app/follow-ups/figures.server.ts computes them.

export interface FollowUpFigures {
  sent: number
  answered: number
  published: number
  /** Case studies with a follow-up version, rated at first publication and now. */
  reRated: number
  stronger: number
  same: number
  weaker: number
  /** Mean change in evidence strength (0–4 scale) from first publication to latest version. */
  meanChange: number | null
}
