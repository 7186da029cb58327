import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { countPublishedCaseStudies, listOpenPrivacyAlerts } from '~/db.server'
import { outboxBacklog } from '~/search.server'
import { requireRole } from '~/accounts/session.server'
import { NotificationBanner, SummaryList, Tag } from '~/components/govuk/content'
import { personalDataLabels, type PersonalDataKind } from '~/submissions/personal-data'
import { formatLondonDateTime } from '~/utils/london-time'

export const meta: MetaFunction = () => [{ title: 'Service status - Inclusion in Practice' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const { db, search } = context.services
  const [alerts, published, backlog, indexed] = await Promise.all([
    listOpenPrivacyAlerts(db),
    countPublishedCaseStudies(db),
    outboxBacklog(db),
    search.client
      .index(search.caseStudiesIndex)
      .getStats()
      .then((stats) => stats.numberOfDocuments)
      .catch(() => null),
  ])
  return {
    alerts: alerts.map((a) => ({
      title: a.title,
      reference: a.reference,
      slug: a.slug,
      surface: a.surface,
      at: formatLondonDateTime(new Date(a.raised_at)),
      findings: (a.findings as { path: string; kind: PersonalDataKind }[]).map(
        (f) => `${personalDataLabels[f.kind] ?? f.kind} in ${f.path}`,
      ),
    })),
    published,
    backlog,
    indexed,
  }
}

export default function AdminStatus() {
  const { alerts, published, backlog, indexed } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Administration</span>
        <h1 className="govuk-heading-l">Service status</h1>
        {alerts.length > 0 ? (
          <NotificationBanner title="Personal data alert">
            <h2 className="govuk-notification-banner__heading">
              {alerts.length === 1
                ? 'A case study was taken out of the library'
                : `${alerts.length} case studies were taken out of the library`}
            </h2>
            <p className="govuk-body">
              A check at the public boundary found a pupil identifier in them. They are no longer
              published; a moderator removes the identifier and publishes again, which clears the
              alert.
            </p>
            <ul className="govuk-list">
              {alerts.map((alert, i) => (
                <li key={i}>
                  {alert.reference ? (
                    <Link className="govuk-link" to={`/moderate/${alert.reference}`}>
                      {alert.title}
                    </Link>
                  ) : (
                    `${alert.title} (${alert.slug})`
                  )}
                  : {alert.findings.join(', ')}; found by the {alert.surface} check, {alert.at}
                </li>
              ))}
            </ul>
          </NotificationBanner>
        ) : null}
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/admin/calls">
              Calls for evidence
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/admin/taxonomy">
              Taxonomy
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/admin/staff">
              Staff accounts
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/admin/search">
              Search index
            </Link>
          </li>
        </ul>
        <SummaryList
          rows={[
            { key: 'Published case studies', value: published.toLocaleString('en-GB') },
            {
              key: 'In the search index',
              value:
                indexed === null ? (
                  <Tag colour="red">Search unavailable</Tag>
                ) : (
                  indexed.toLocaleString('en-GB')
                ),
            },
            {
              key: 'Changes waiting for the index',
              value:
                backlog.pending === 0
                  ? 'None'
                  : `${backlog.pending} (oldest ${backlog.oldestAgeSeconds} seconds)`,
            },
          ]}
        />
        <p className="govuk-body">
          To rebuild the search index from the database, use the ‘Rebuild the search index’ button
          on the Search index page (linked above). The library keeps serving the old index until the
          new one is complete.
        </p>
      </div>
    </div>
  )
}
