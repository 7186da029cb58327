import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { countPublishedCaseStudies } from '../../../db/repositories/case-studies'
import { outboxBacklog } from '../../../search/outbox'
import { requireRole } from '~/accounts/session.server'
import { SummaryList, Tag } from '~/components/govuk/content'

export const meta: MetaFunction = () => [{ title: 'Service status - Inclusion in Practice' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const { db, search } = context.services
  const [published, backlog, indexed] = await Promise.all([
    countPublishedCaseStudies(db),
    outboxBacklog(db),
    search.client
      .index(search.caseStudiesIndex)
      .getStats()
      .then((stats) => stats.numberOfDocuments)
      .catch(() => null),
  ])
  return { published, backlog, indexed }
}

export default function AdminStatus() {
  const { published, backlog, indexed } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Administration</span>
        <h1 className="govuk-heading-l">Service status</h1>
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
          To rebuild the search index from the database, run <code>npm run search:reindex</code>.
          The library keeps serving the old index until the new one is complete.
        </p>
      </div>
    </div>
  )
}
