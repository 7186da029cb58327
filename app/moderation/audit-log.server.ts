import type { Kysely } from 'kysely'
import { listAuditEvents, type AuditFilters } from '../../db/repositories/audit-log'
import type { DB, Json } from '../../db/types'
import { formatLondonDateTime } from '../utils/london-time'

/** "summary: “old” → “new”" for each field an event changed, short enough for a table cell. */
export function describeChange(before: Json | null, after: Json | null): string {
  const b = (
    before && typeof before === 'object' && !Array.isArray(before) ? before : {}
  ) as Record<string, unknown>
  const a = (after && typeof after === 'object' && !Array.isArray(after) ? after : {}) as Record<
    string,
    unknown
  >
  const show = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? null)
    return text.length > 80 ? `${text.slice(0, 80)}…` : text
  }
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => `${key}: ${show(b[key])} → ${show(a[key])}`)
    .join('; ')
}

export async function auditLog(db: Kysely<DB>, filters: AuditFilters) {
  const { rows, total } = await listAuditEvents(db, filters)
  return {
    total,
    rows: rows.map((row) => ({
      id: String(row.id),
      at: formatLondonDateTime(new Date(row.created_at)),
      atIso: new Date(row.created_at).toISOString(),
      actor: row.actor ?? 'Respondent or system',
      action: row.action,
      reference: row.reference,
      subject: `${row.subject_type} ${row.subject_id}`,
      change: describeChange(row.before, row.after),
    })),
  }
}
