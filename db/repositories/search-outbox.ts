import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

// The search outbox's parked rows: changes Meilisearch kept refusing (search/outbox.ts parks them,
// at most one per case study), waiting for an administrator to ask for another try.

/** Parked changes, newest first, with the case study each is for (if it still exists). */
export async function listParkedChanges(db: Kysely<DB>, limit = 100) {
  return db
    .selectFrom('search_outbox as o')
    .leftJoin('case_studies as c', 'c.id', 'o.case_study_id')
    .select([
      'o.case_study_id',
      'o.attempts',
      'o.last_error',
      'o.parked_at',
      'c.title',
      'c.slug',
      'c.status',
    ])
    .where('o.parked_at', 'is not', null)
    .orderBy('o.parked_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute()
}

/** Case studies with a parked change: reconciliation leaves them to the administrators. */
export async function listParkedCaseStudyIds(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('search_outbox')
    .select('case_study_id')
    .distinct()
    .where('parked_at', 'is not', null)
    .execute()
  return new Set(rows.map((row) => row.case_study_id))
}

/** Puts a case study's parked changes back in the queue, due now, with their tries counted afresh. */
export async function unparkCaseStudyChanges(db: Kysely<DB>, caseStudyId: string) {
  const rows = await db
    .updateTable('search_outbox')
    .set({ parked_at: null, attempts: 0, available_at: sql`now()` })
    .where('case_study_id', '=', caseStudyId)
    .where('parked_at', 'is not', null)
    .returning('id')
    .execute()
  return rows.length
}
