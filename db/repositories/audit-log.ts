import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export interface AuditFilters {
  /** Events about this submission and its case study. */
  reference?: string
  actorId?: string
  limit: number
  offset: number
}

/** The audit log, newest first, with who acted and which submission each event concerns. */
export async function listAuditEvents(db: Kysely<DB>, filters: AuditFilters) {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('case_studies as cs', (join) =>
      join
        .on('a.subject_type', '=', 'case_study')
        .on(sql`cs.id::text`, '=', sql.ref('a.subject_id')),
    )
    .leftJoin('submissions as s', (join) =>
      join.on(
        sql<boolean>`(a.subject_type = 'submission' AND s.id::text = a.subject_id) OR s.id = cs.submission_id`,
      ),
    )
  if (filters.reference) query = query.where('s.reference', '=', filters.reference)
  if (filters.actorId) query = query.where('a.actor_id', '=', filters.actorId)
  const [rows, total] = await Promise.all([
    query
      .select([
        'a.id',
        'a.created_at',
        'a.action',
        'a.subject_type',
        'a.subject_id',
        'a.before',
        'a.after',
        'u.name as actor',
        's.reference',
      ])
      .orderBy('a.id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.count }
}

export async function listStaffNames(db: Kysely<DB>) {
  return db.selectFrom('users').select(['id', 'name', 'email']).orderBy('name').execute()
}
