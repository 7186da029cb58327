import type { Kysely } from 'kysely'
import { listFollowUpQueue } from '../../db/repositories/follow-ups'
import type { DB } from '../../db/types'
import { formatLondonDate } from '../utils/london-time'
import { followUpKindLabel } from './review-state'

/**
 * Schools' updates for the moderation queue's tab of the same name (received ones under
 * "Submitted", claimed ones under "In review"), each labelled with its kind.
 */
export async function listFollowUpsForQueue(db: Kysely<DB>, submissionStatus: string) {
  const status =
    submissionStatus === 'submitted'
      ? 'submitted'
      : submissionStatus === 'in_review'
        ? 'in_review'
        : null
  if (!status) return []
  const rows = await listFollowUpQueue(db, { status, limit: 50 })
  return rows.map((r) => ({
    id: r.id,
    href: `/moderate/${r.reference}/follow-up?round=${r.round}`,
    kind: followUpKindLabel(r.months),
    title: r.title,
    received: r.submitted_at ? formatLondonDate(new Date(r.submitted_at)) : '',
    assignee: r.assignee,
    flagged: r.personal_data_flagged,
  }))
}
