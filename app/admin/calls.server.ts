import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findCallForAdmin,
  insertCallRow,
  setCallClosesAt,
  updateCallRow,
  type CallValues,
} from '../../db/repositories/calls'
import type { DB } from '../../db/types'
import { callState } from '../calls/call-state'

export type CallResult = { ok: true; slug: string } | { ok: false; field: string; message: string }

const iso = (d: Date) => new Date(d).toISOString()

export async function createCall(
  db: Kysely<DB>,
  actorId: string,
  values: CallValues,
): Promise<CallResult> {
  return db.transaction().execute(async (trx) => {
    const row = await insertCallRow(trx, values)
    if (!row) return { ok: false, field: 'slug', message: 'Another call already has this address' }
    await recordAuditEvent(trx, {
      actorId,
      action: 'call.created',
      subjectType: 'call',
      subjectId: row.id,
      after: { slug: values.slug, opensAt: iso(values.opensAt), closesAt: iso(values.closesAt) },
    })
    return { ok: true, slug: row.slug }
  })
}

/**
 * Saves a call's changes. The address of a call that has opened cannot change (links to it are
 * out in the world), and a change to an open call's dates is audited as such, with before and
 * after, since it moves a deadline people are working to.
 */
export async function updateCall(
  db: Kysely<DB>,
  actorId: string,
  slug: string,
  values: CallValues,
  now: Date,
): Promise<CallResult> {
  return db.transaction().execute(async (trx) => {
    const call = await findCallForAdmin(trx, slug)
    if (!call) return { ok: false, field: 'title', message: 'This call no longer exists' }
    const state = callState(call, now)
    if (state !== 'scheduled' && values.slug !== call.slug)
      return {
        ok: false,
        field: 'slug',
        message: 'The address of a call that has opened cannot change',
      }
    if (values.slug !== call.slug && (await findCallForAdmin(trx, values.slug)))
      return { ok: false, field: 'slug', message: 'Another call already has this address' }
    await updateCallRow(trx, call.id, values)
    const datesChanged =
      iso(call.opens_at) !== iso(values.opensAt) || iso(call.closes_at) !== iso(values.closesAt)
    await recordAuditEvent(trx, {
      actorId,
      action: datesChanged && state === 'open' ? 'call.open_dates_changed' : 'call.updated',
      subjectType: 'call',
      subjectId: call.id,
      before: { slug: call.slug, opensAt: iso(call.opens_at), closesAt: iso(call.closes_at) },
      after: { slug: values.slug, opensAt: iso(values.opensAt), closesAt: iso(values.closesAt) },
    })
    return { ok: true, slug: values.slug }
  })
}

/** Closes an open call at once: its closing time becomes now. */
export async function closeCallNow(
  db: Kysely<DB>,
  actorId: string,
  slug: string,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const call = await findCallForAdmin(trx, slug)
    if (!call || callState(call, now) !== 'open') return false
    await setCallClosesAt(trx, call.id, now)
    await recordAuditEvent(trx, {
      actorId,
      action: 'call.closed_early',
      subjectType: 'call',
      subjectId: call.id,
      before: { closesAt: iso(call.closes_at) },
      after: { closesAt: iso(now) },
    })
    return true
  })
}
