import type { Kysely } from 'kysely'
import { listEvidenceStrengthChanges } from '../../db/repositories/case-study-versions'
import { countFollowUpInvitations } from '../../db/repositories/follow-ups'
import type { DB } from '../../db/types'
import type { FollowUpFigures } from './figures'

/** The dashboard's follow-up figures: invitations sent and answered, and how evidence moved. */
export async function loadFollowUpFigures(db: Kysely<DB>): Promise<FollowUpFigures> {
  const [counts, changes] = await Promise.all([
    countFollowUpInvitations(db),
    listEvidenceStrengthChanges(db),
  ])
  const rated = changes.filter((c) => c.first !== null && c.latest !== null)
  const deltas = rated.map((c) => c.latest! - c.first!)
  return {
    ...counts,
    reRated: rated.length,
    stronger: deltas.filter((d) => d > 0).length,
    same: deltas.filter((d) => d === 0).length,
    weaker: deltas.filter((d) => d < 0).length,
    meanChange:
      deltas.length > 0
        ? Math.round((deltas.reduce((a, b) => a + b, 0) / deltas.length) * 10) / 10
        : null,
  }
}
