import { listStaffNames } from '../../db/repositories/audit-log'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/types'
import { isReference } from '../submissions/reference'

/** The audit log's filters from the URL; anything malformed is ignored, not an error. */
export async function readAuditFilters(db: Kysely<DB>, url: URL) {
  const referenceText = (url.searchParams.get('reference') ?? '').trim().toUpperCase().slice(0, 20)
  const reference = isReference(referenceText) ? referenceText : undefined
  const actorText = url.searchParams.get('actor') ?? ''
  const staff = await listStaffNames(db)
  const actor = staff.find((s) => s.id === actorText)
  const page = Math.min(Math.max(1, Number(url.searchParams.get('page')) || 1), 100_000)
  return { reference, referenceText, actorId: actor?.id, staff, page }
}
