import type { Kysely } from 'kysely'
import type { DB, Json } from '../types'

export interface AuditEventInput {
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  before?: Json
  after?: Json
}

export async function recordAuditEvent(db: Kysely<DB>, event: AuditEventInput) {
  await db
    .insertInto('audit_events')
    .values({
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      // postgres.js serialises by the column's type: pass values, not JSON text.
      before: event.before ?? null,
      after: event.after ?? null,
    })
    .execute()
}
