import { Link } from '@remix-run/react'
import { Tag } from '~/components/govuk/content'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import type { LibraryResults } from '~/library/search.server'
import { formatLondonDate } from '~/utils/london-time'

type Results = Pick<LibraryResults, 'total' | 'query' | 'hits'>

export function Results({ results, filtered }: { results: Results; filtered: boolean }) {
  if (results.total === 0) {
    return (
      <div className="govuk-body">
        <p className="govuk-body">Improve your results by:</p>
        <ul className="govuk-list govuk-list--bullet">
          {filtered ? <li>removing some filters, or using ‘Clear filters’</li> : null}
          <li>checking your spelling</li>
          <li>using fewer or more general words, such as ‘autism’ rather than a programme name</li>
        </ul>
        <p className="govuk-body">
          <Link className="govuk-link" to="/library">
            See all case studies
          </Link>
        </p>
      </div>
    )
  }
  return (
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
              run.highlighted ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
            )}
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {hit.contextMatch ? (
              <span className="app-context-tag">
                <Tag colour="green">
                  {hit.contextMatch === 'all' ? 'Like your setting' : 'Same phase'}
                </Tag>
              </span>
            ) : null}
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
              hit.publishedAt ? `Published ${formatLondonDate(new Date(hit.publishedAt))}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ol>
  )
}
