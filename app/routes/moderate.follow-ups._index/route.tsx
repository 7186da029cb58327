import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { BackLink } from '~/components/govuk/content'
import { FollowUpTable } from '~/components/follow-up/follow-up-table'
import { countFollowUpsByStatus, listFollowUpQueue } from '~/db.server'
import {
  followUpKindLabel,
  followUpStatusLabels,
  type FollowUpStatus,
} from '~/follow-ups/review-state'
import { formatLondonDate } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Updates from schools', matches)]

const statuses: FollowUpStatus[] = ['submitted', 'in_review', 'published', 'recorded']

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['moderator'])
  const asked = new URL(request.url).searchParams.get('status') as FollowUpStatus | null
  const status = asked && statuses.includes(asked) ? asked : 'submitted'
  const db = context.services.db
  const [counts, rows] = await Promise.all([
    countFollowUpsByStatus(db),
    listFollowUpQueue(db, { status }),
  ])
  return {
    status,
    counts,
    rows: rows.map((r) => ({
      id: r.id,
      href: `/moderate/${r.reference}/follow-up?round=${r.round}`,
      kind: followUpKindLabel(r.months),
      title: r.title,
      received: r.submitted_at ? formatLondonDate(new Date(r.submitted_at)) : '',
      assignee: r.assignee,
      flagged: r.personal_data_flagged,
    })),
  }
}

/** Schools' follow-ups, by status: their own kind of item in the moderation queue. */
export default function FollowUpQueue() {
  const { status, counts, rows } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to="/moderate">Back to the moderation queue</BackLink>
      <h1 className="govuk-heading-xl">Updates from schools</h1>
      <p className="govuk-body">
        Schools that agreed are asked how their practice is going 6 and 12 months after their case
        study was published. Publish what they say as a new version, or record it without
        publishing.
      </p>
      <nav className="app-status-tabs" aria-label="Updates by status">
        <ul className="govuk-list app-status-tabs__list">
          {statuses.map((s) => (
            <li key={s}>
              <Link
                className="govuk-link govuk-link--no-visited-state"
                to={`/moderate/follow-ups?status=${s}`}
                aria-current={s === status ? 'page' : undefined}
              >
                {followUpStatusLabels[s]} ({(counts[s] ?? 0).toLocaleString('en-GB')})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="govuk-heading-m">
        {rows.length} {followUpStatusLabels[status].toLowerCase()}{' '}
        {rows.length === 1 ? 'update' : 'updates'}, oldest first
      </h2>
      <FollowUpTable rows={rows} />
    </>
  )
}
