import { Link } from '@remix-run/react'
import { BackLink } from '~/components/govuk/content'
import type { loadBrowsePage } from './browse.server'

export function BrowsePage({
  data,
}: {
  data: NonNullable<Awaited<ReturnType<typeof loadBrowsePage>>>
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/library">Back to the practice library</BackLink>
        <span className="govuk-caption-l">
          {data.facet === 'need' ? (data.term.parentLabel ?? 'Need') : 'Type of practice'}
        </span>
        <h1 className="govuk-heading-xl">{data.term.label}</h1>
        <p className="govuk-body-l">{data.term.description}</p>
        <p className="govuk-body">
          {data.total === 0
            ? 'There are no published case studies for this yet.'
            : `${data.total.toLocaleString('en-GB')} published case ${data.total === 1 ? 'study' : 'studies'}.`}{' '}
          {data.total > 0 ? (
            <Link className="govuk-link" to={data.fullSearch}>
              Search and filter all of them
            </Link>
          ) : null}
        </p>
        {data.hits.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Most recent</h2>
            <ul className="govuk-list">
              {data.hits.map((hit) => (
                <li key={hit.slug} className="app-result">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    <Link className="govuk-link" to={`/library/${hit.slug}`}>
                      {hit.title}
                    </Link>
                  </h3>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">{hit.summary}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">Evidence: {hit.evidence}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  )
}
