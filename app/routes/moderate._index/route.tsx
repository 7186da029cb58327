import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { NotificationBanner, Pagination } from '~/components/govuk/content'
import { ErrorSummary } from '~/components/govuk/forms'
import { countByStatus, listCalls, listModerators, listQueue, listTaxonomyTerms } from '~/db.server'
import { statusLabels, type SubmissionStatus } from '~/moderation/state-machine'
import { validateCsrf } from '~/utils/csrf.server'
import { formatLondonDate } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'
import { bulkAction } from './bulk-action.server'
import { QueueFilters } from './queue-filters'
import { chosenFilters, queueOptions } from './queue-options'
import { QueueTable } from './queue-table'
import { FollowUpTable } from '~/components/follow-up/follow-up-table'
import { listFollowUpsForQueue } from '~/follow-ups/queue.server'

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
  const options = queueOptions(terms, calls)
  const chosen = chosenFilters(options, url)
  const [counts, moderators, queue, followUps] = await Promise.all([
    countByStatus(db),
    listModerators(db),
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
    // Schools' updates are their own kind of item, listed above submissions of the same status.
    listFollowUpsForQueue(db, status),
  ])
  return {
    isAdmin: user.roles.includes('admin'),
    moderators,
    status,
    mine,
    flagged,
    options,
    chosen,
    page,
    pageCount: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)),
    total: queue.total,
    counts,
    followUps,
    rows: queue.rows.map((row) => ({
      ...row,
      submitted: row.submitted_at ? formatLondonDate(new Date(row.submitted_at)) : '',
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  return bulkAction(context, user, formData)
}

export default function ModerationQueue() {
  const actionData = useActionData<typeof action>()
  const {
    isAdmin,
    moderators,
    status,
    mine,
    flagged,
    options,
    chosen,
    page,
    pageCount,
    total,
    counts,
    followUps,
    rows,
  } = useLoaderData<typeof loader>()
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
      {actionData?.problem ? <ErrorSummary errors={{ bulkAction: actionData.problem }} /> : null}
      {actionData && actionData.outcomes.length > 0 ? (
        <NotificationBanner title="Done" success={actionData.outcomes.every((o) => o.ok)}>
          <ul className="govuk-list">
            {actionData.outcomes.map((o) => (
              <li key={o.reference}>
                {o.reference}: {o.message}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-xl">Moderation queue</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/moderate/audit">
          Audit log
        </Link>{' '}
        ·{' '}
        <Link className="govuk-link" to="/moderate/agreement">
          Coding agreement
        </Link>{' '}
        ·{' '}
        <Link className="govuk-link" to="/moderate/follow-ups">
          Updates from schools
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
      <QueueFilters
        status={status}
        mine={mine}
        flagged={flagged}
        options={options}
        chosen={chosen}
      />
      {followUps.length > 0 ? (
        <FollowUpTable rows={followUps} caption="Updates from schools" />
      ) : null}
      {/* The count is announced when filters change it; a heading cannot itself be a status. */}
      <div role="status">
        <h2 className="govuk-heading-m">
          {total.toLocaleString('en-GB')} {statusLabels[status].toLowerCase()}{' '}
          {total === 1 ? 'submission' : 'submissions'}, oldest first
        </h2>
      </div>
      <QueueTable rows={rows} isAdmin={isAdmin} moderators={moderators} options={options} />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => query({ page: String(p) })} />
    </>
  )
}
