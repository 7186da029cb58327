import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/accounts/session.server'
import { toCsv } from '~/utils/csv.server'
import { formatLondonStamp } from '~/utils/london-time'
import { readAuditFilters } from '~/moderation/audit-filters.server'
import { auditLog } from '~/moderation/audit-log.server'

/** The audit log under the same filters as the page, every matching event, as CSV. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['moderator'])
  const filters = await readAuditFilters(context.services.db, new URL(request.url))
  const { rows } = await auditLog(context.services.db, {
    reference: filters.reference,
    actorId: filters.actorId,
    limit: 100_000,
    offset: 0,
  })
  const csv = toCsv(
    // `time` is UTC for machines; the last column is the same time as people read it.
    ['time', 'who', 'action', 'submission', 'subject', 'changed', 'time (UK time)'],
    rows.map((r) => [
      r.atIso,
      r.actor,
      r.action,
      r.reference ?? '',
      r.subject,
      r.change,
      formatLondonStamp(new Date(r.atIso)),
    ]),
  )
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit-log.csv"',
      'Cache-Control': 'no-store',
    },
  })
}
