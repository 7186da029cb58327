import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { BackLink, Pagination, Table } from '~/components/govuk/content'
import { Button, TextInput } from '~/components/govuk/forms'
import { readAuditFilters } from '~/moderation/audit-filters.server'
import { auditLog } from '~/moderation/audit-log.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Audit log', matches)]

const PAGE_SIZE = 50

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['moderator'])
  const url = new URL(request.url)
  const filters = await readAuditFilters(context.services.db, url)
  const log = await auditLog(context.services.db, {
    reference: filters.reference,
    actorId: filters.actorId,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  })
  return {
    ...log,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(log.total / PAGE_SIZE)),
    referenceText: filters.referenceText,
    actorId: filters.actorId ?? '',
    staff: filters.staff.map((s) => ({ id: s.id, name: s.name })),
  }
}

export default function AuditLog() {
  const { rows, total, page, pageCount, referenceText, actorId, staff } =
    useLoaderData<typeof loader>()
  const { search } = useLocation()
  const params = new URLSearchParams(search)
  params.delete('page')
  return (
    <>
      <BackLink to="/moderate">Back to the queue</BackLink>
      <h1 className="govuk-heading-xl">Audit log</h1>
      <p className="govuk-body">
        Every decision and change, newest first. The service never changes or deletes these records.
      </p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <TextInput
          name="reference"
          label="Submission reference"
          hint="For example, IIP-7K3M-Q9XD"
          widthClass="govuk-input--width-10"
          defaultValue={referenceText}
        />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="actor">
            Who
          </label>
          <select className="govuk-select" id="actor" name="actor" defaultValue={actorId}>
            <option value="">Anyone</option>
            {staff.map((s) => (
              <option value={s.id} key={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-button-group">
          <Button secondary>Filter</Button>
          <a className="govuk-link" href={`/moderate/audit.csv?${params}`} download>
            Download as CSV
          </a>
        </div>
      </Form>
      {/* The count is announced when filters change it; a heading cannot itself be a status. */}
      <div role="status">
        <h2 className="govuk-heading-m">
          {total.toLocaleString('en-GB')} {total === 1 ? 'event' : 'events'}
        </h2>
      </div>
      <Table
        caption="Audit events"
        captionSize="hidden"
        head={['When', 'Who', 'What', 'Submission', 'Changed']}
        rows={rows.map((row) => [
          row.at,
          row.actor,
          row.action,
          row.reference ? (
            <Link className="govuk-link" to={`/moderate/${row.reference}`}>
              {row.reference}
            </Link>
          ) : (
            row.subject
          ),
          <span className="app-break-words">{row.change}</span>,
        ])}
      />
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => `/moderate/audit?${new URLSearchParams([...params, ['page', String(p)]])}`}
      />
    </>
  )
}
