import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { NotificationBanner, Pagination, Tag } from '~/components/govuk/content'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { searchLibrary } from '~/library/search.server'
import { formatLondonDate } from '~/utils/london-time'

const querySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(500).catch(1),
})

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.query ? `${data.query} - ` : ''}Practice library - Inclusion in Practice` },
  {
    name: 'description',
    content: 'Search case studies of how mainstream schools include pupils with SEND.',
  },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { q, page } = querySchema.parse(Object.fromEntries(url.searchParams))
  return searchLibrary(context, { query: q, page })
}

export default function Library() {
  const results = useLoaderData<typeof loader>()
  const hrefFor = (page: number) => {
    const params = new URLSearchParams()
    if (results.query) params.set('q', results.query)
    if (page > 1) params.set('page', String(page))
    const search = params.toString()
    return `/library${search ? `?${search}` : ''}`
  }
  return (
    <>
      <h1 className="govuk-heading-xl">Practice library</h1>
      <p className="govuk-body-l">
        Case studies from schools, trusts and local areas in England on including pupils with
        special educational needs and disabilities (SEND) in mainstream education.
      </p>
      <Form method="get" role="search" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="q">
            Search case studies
          </label>
          <div className="govuk-hint" id="q-hint">
            For example, autism resource base, early language screening or attendance
          </div>
          <input
            className="govuk-input govuk-!-width-two-thirds"
            id="q"
            name="q"
            type="search"
            defaultValue={results.query}
            aria-describedby="q-hint"
            maxLength={200}
          />{' '}
          <button
            type="submit"
            className="govuk-button govuk-!-margin-bottom-0"
            data-module="govuk-button"
          >
            Search
          </button>
        </div>
      </Form>

      {results.source === 'fallback' ? (
        <NotificationBanner>
          <p className="govuk-notification-banner__heading">Search is working in a simpler mode</p>
          <p className="govuk-body">
            Results may be less complete and typo tolerance is off until full search is back. Try
            again in a few minutes.
          </p>
        </NotificationBanner>
      ) : null}

      <p className="govuk-body" role="status">
        {results.total === 0
          ? 'No case studies found'
          : `${results.total.toLocaleString('en-GB')} case ${results.total === 1 ? 'study' : 'studies'}${results.query ? ` matching ‘${results.query}’` : ''}`}
      </p>

      {results.total === 0 ? (
        <div className="govuk-body">
          <p className="govuk-body">Improve your results by:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>checking your spelling</li>
            <li>
              using fewer or more general words, such as ‘autism’ rather than a programme name
            </li>
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link" to="/library">
              See all case studies
            </Link>
          </p>
        </div>
      ) : (
        <ol className="govuk-list" aria-label="Case studies">
          {results.hits.map((hit) => (
            <li key={hit.slug} className="app-result">
              <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
                <Link className="govuk-link" to={`/library/${hit.slug}`}>
                  {hit.title}
                </Link>
              </h2>
              <p className="govuk-body">
                {hit.summary.map((run, i) =>
                  run.highlighted ? (
                    <mark key={i}>{run.text}</mark>
                  ) : (
                    <span key={i}>{run.text}</span>
                  ),
                )}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <Tag colour="blue">Evidence: {evidenceStrengthLabel(hit.evidenceStrength)}</Tag>
                {hit.isFictional ? (
                  <span className="app-fictional-tag">
                    <Tag colour="grey">Fictional example</Tag>
                  </span>
                ) : null}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {[
                  hit.needLabels.slice(0, 3).join(', '),
                  hit.organisationName ?? hit.laName,
                  hit.publishedAt
                    ? `Published ${formatLondonDate(new Date(hit.publishedAt))}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={results.page}
        pageCount={Math.min(results.pageCount, 500)}
        hrefFor={hrefFor}
      />
    </>
  )
}
