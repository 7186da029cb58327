import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { Pagination, Tag } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { statusLabels, type SubmissionStatus } from '~/moderation/state-machine'
import { formatLondonDate } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'
import { listCalls } from '../../../db/repositories/calls'
import { countByStatus, listQueue } from '../../../db/repositories/moderation'
import { listTaxonomyTerms } from '../../../db/repositories/taxonomy'
import { regions } from '../../../seeds/data/regions'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Moderation queue', matches)]

const queueStatuses: SubmissionStatus[] = [
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'rejected',
  'withdrawn',
]
const PAGE_SIZE = 25

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const url = new URL(request.url)
  const asked = url.searchParams.get('status') as SubmissionStatus | null
  const status = asked && queueStatuses.includes(asked) ? asked : 'submitted'
  const mine = url.searchParams.get('mine') === 'yes'
  const flagged = url.searchParams.get('flagged') === 'yes'
  const page = Math.min(Math.max(1, Number(url.searchParams.get('page')) || 1), 10_000)
  const db = context.services.db
  const [terms, calls] = await Promise.all([listTaxonomyTerms(db), listCalls(db)])
  const options = {
    call: calls.map((c) => ({ value: c.id, label: c.title })),
    practice: terms
      .filter((t) => t.scheme === 'practice')
      .map((t) => ({ value: t.code, label: t.label })),
    need: terms.filter((t) => t.scheme === 'need').map((t) => ({ value: t.code, label: t.label })),
    phase: terms
      .filter((t) => t.scheme === 'phase')
      .map((t) => ({ value: t.code, label: t.label })),
    region: regions.map((r) => ({ value: r.code, label: r.name })),
  }
  // A value not on its list is ignored rather than refused: the URL may be old or edited.
  const chosen = Object.fromEntries(
    (Object.keys(options) as (keyof typeof options)[]).map((key) => {
      const value = url.searchParams.get(key) ?? ''
      return [key, options[key].some((o) => o.value === value) ? value : '']
    }),
  ) as Record<keyof typeof options, string>
  const [counts, queue] = await Promise.all([
    countByStatus(db),
    listQueue(db, {
      status,
      assignedTo: mine ? user.id : undefined,
      flagged,
      callId: chosen.call || undefined,
      practice: chosen.practice || undefined,
      need: chosen.need || undefined,
      phase: chosen.phase || undefined,
      region: chosen.region || undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
  ])
  return {
    status,
    mine,
    flagged,
    options,
    chosen,
    page,
    pageCount: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)),
    total: queue.total,
    counts,
    rows: queue.rows.map((row) => ({
      ...row,
      submitted: row.submitted_at ? formatLondonDate(new Date(row.submitted_at)) : '',
    })),
  }
}

export default function ModerationQueue() {
  const { status, mine, flagged, options, chosen, page, pageCount, total, counts, rows } =
    useLoaderData<typeof loader>()
  const query = (next: Record<string, string>) => {
    const params = new URLSearchParams({
      status,
      ...(mine ? { mine: 'yes' } : {}),
      ...(flagged ? { flagged: 'yes' } : {}),
      ...Object.fromEntries(Object.entries(chosen).filter(([, v]) => v)),
      ...next,
    })
    return `/moderate?${params}`
  }
  return (
    <>
      <h1 className="govuk-heading-xl">Moderation queue</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/moderate/audit">
          Audit log
        </Link>
      </p>
      <nav className="app-status-tabs" aria-label="Submissions by status">
        <ul className="govuk-list app-status-tabs__list">
          {queueStatuses.map((s) => (
            <li key={s}>
              <Link
                className="govuk-link govuk-link--no-visited-state"
                to={`/moderate?status=${s}`}
                aria-current={s === status ? 'page' : undefined}
              >
                {statusLabels[s]} ({(counts[s] ?? 0).toLocaleString('en-GB')})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <input type="hidden" name="status" value={status} />
        <div className="app-queue-filters">
          {(
            [
              ['call', 'Call'],
              ['practice', 'Type of practice'],
              ['need', 'Need'],
              ['phase', 'Phase'],
              ['region', 'Region'],
            ] as const
          ).map(([key, label]) => (
            <div className="govuk-form-group" key={key}>
              <label className="govuk-label" htmlFor={`filter-${key}`}>
                {label}
              </label>
              <select
                className="govuk-select"
                id={`filter-${key}`}
                name={key}
                defaultValue={chosen[key]}
              >
                <option value="">Any</option>
                {options[key].map((o) => (
                  <option value={o.value} key={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="mine"
              name="mine"
              type="checkbox"
              value="yes"
              defaultChecked={mine}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="mine">
              Assigned to me
            </label>
          </div>
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="flagged"
              name="flagged"
              type="checkbox"
              value="yes"
              defaultChecked={flagged}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="flagged">
              Personal data flagged
            </label>
          </div>
        </div>
        <Button secondary>Apply filters</Button>
      </Form>
      <h2 className="govuk-heading-m" role="status">
        {total.toLocaleString('en-GB')} {statusLabels[status].toLowerCase()}{' '}
        {total === 1 ? 'submission' : 'submissions'}, oldest first
      </h2>
      {rows.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Submissions</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Reference
              </th>
              <th scope="col" className="govuk-table__header">
                Practice
              </th>
              <th scope="col" className="govuk-table__header">
                Organisation
              </th>
              <th scope="col" className="govuk-table__header">
                Sent
              </th>
              <th scope="col" className="govuk-table__header">
                Flags
              </th>
              <th scope="col" className="govuk-table__header">
                Held by
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.reference}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/moderate/${row.reference}`}>
                    {row.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{row.title}</td>
                <td className="govuk-table__cell">{row.organisation_name}</td>
                <td className="govuk-table__cell">{row.submitted}</td>
                <td className="govuk-table__cell">
                  {row.personal_data_flagged && !row.personal_data_resolved_at ? (
                    <Tag colour="red">Personal data</Tag>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{row.assignee ?? 'Nobody'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">Nothing here.</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => query({ page: String(p) })} />
    </>
  )
}
