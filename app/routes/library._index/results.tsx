import { Tag } from '~/components/govuk/content'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import type { LibraryPageData, LibraryPageHit } from '~/library/library-page.server'
import {
  FACETS,
  emptyFilters,
  libraryHref,
  withoutFilterValue,
  type LibraryQuery,
} from '~/library/library-query'
import type { NoResultsHelp } from '~/library/no-results.server'
import { PageLink, useFollowInPage, useFollowLinksInPage } from '~/components/page-link'
import { inSentence } from './interpretation'
import { resultItemsHtml } from './results-html'
import type { MouseEventHandler } from 'react'

export function Results({
  total,
  hits,
  filtered,
  help,
  query,
  options,
}: {
  total: number
  /** Null in the browser as it hydrates a whole page, whose markup has them. */
  hits: LibraryPageHit[] | null
  filtered: boolean
  help: NoResultsHelp | null
  query: LibraryQuery
  options: LibraryPageData['options']
}) {
  if (total === 0) {
    return (
      <div className="govuk-body">
        {help ? <NoResultsSuggestions help={help} query={query} options={options} /> : null}
        <p className="govuk-body">Improve your results by:</p>
        <ul className="govuk-list govuk-list--bullet">
          {filtered ? <li>removing some filters, or using ‘Clear filters’</li> : null}
          <li>checking your spelling</li>
          <li>using fewer or more general words, such as ‘autism’ rather than a programme name</li>
        </ul>
        <p className="govuk-body">
          <PageLink className="govuk-link" to="/library">
            See all case studies
          </PageLink>
        </p>
      </div>
    )
  }
  return <ResultList hits={hits} />
}

/**
 * The results: on the server the items come from a string template (results-html.ts) that writes
 * exactly what React would, for a fraction of the CPU. A whole page's data leaves them out
 * (hits-in-markup.ts), so the browser keeps that markup as it hydrates; with the results of a later
 * search, React renders them.
 */
function ResultList({ hits }: { hits: LibraryPageHit[] | null }) {
  if (typeof document === 'undefined')
    return (
      <ol
        className="govuk-list"
        aria-label="Case studies"
        dangerouslySetInnerHTML={{ __html: resultItemsHtml(hits ?? []) }}
      />
    )
  if (!hits) return <KeptResults />
  return <FollowedResults hits={hits} />
}

/**
 * The list as the page's markup has it. React leaves the inside of an element whose markup is
 * set (dangerouslySetInnerHTML) as it finds it when hydrating, and again on every render in which
 * that markup is unchanged; its links are followed in the page by one handler on the list.
 */
function KeptResults() {
  return (
    // The handler is for the links inside, which are what a person uses: Enter on a link clicks
    // it, and the click comes here. The list itself does nothing.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <ol
      className="govuk-list"
      aria-label="Case studies"
      onClick={useFollowLinksInPage()}
      suppressHydrationWarning
      dangerouslySetInnerHTML={KEPT}
    />
  )
}
const KEPT = { __html: '' }

function FollowedResults({ hits }: { hits: LibraryPageHit[] }) {
  // Plain links followed in the page by one handler (useFollowInPage), not a <Link> each.
  return <ResultItems hits={hits} follow={useFollowInPage()} />
}

/** The list as React renders it: in the browser, and in the test that the template matches. */
export function ResultItems({
  hits,
  follow,
}: {
  hits: LibraryPageHit[]
  follow?: MouseEventHandler<HTMLAnchorElement>
}) {
  return (
    <ol className="govuk-list" aria-label="Case studies">
      {hits.map((hit) => (
        <li key={hit.slug} className="app-result">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
            <a
              className="govuk-link"
              href={`/library/${hit.slug}`}
              data-discover="true"
              onClick={follow}
            >
              {hit.title}
            </a>
          </h2>
          <p className="govuk-body">
            {/* Plain runs as text, highlighted ones marked: no element is spent on plain text. */}
            {hit.summary.map((text, i) =>
              text === '' ? null : i % 2 === 1 ? <mark key={i}>{text}</mark> : text,
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
            <Tag colour="blue">{`Evidence: ${evidenceStrengthLabel(hit.evidenceStrength)}`}</Tag>
            {hit.isFictional ? (
              <span className="app-fictional-tag">
                <Tag colour="grey">Fictional example</Tag>
              </span>
            ) : null}
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">{hit.details}</p>
        </li>
      ))}
    </ol>
  )
}

/** What a search that found nothing could try instead: a name close to the words, fewer filters. */
function NoResultsSuggestions({
  help,
  query,
  options,
}: {
  help: NoResultsHelp
  query: LibraryQuery
  options: LibraryPageData['options']
}) {
  const count = (n: number) => `${n.toLocaleString('en-GB')} case ${n === 1 ? 'study' : 'studies'}`
  const labelOf = (filter: NoResultsHelp['filters'][number]) => {
    if (filter.key === 'running') return 'Still running only'
    const facet = FACETS.find((f) => f.key === filter.key)!
    const option = options[filter.key].find((o) => o.value === filter.value)
    return `${facet.label}: ${option?.label ?? filter.value}`
  }
  const chosen =
    FACETS.reduce((sum, facet) => sum + query.filters[facet.key].length, 0) +
    (query.running ? 1 : 0)
  const hrefWithout = (filter: NoResultsHelp['filters'][number]) =>
    filter.key === 'running'
      ? libraryHref({ ...query, running: false })
      : libraryHref(withoutFilterValue(query, filter.key, filter.value))
  return (
    <div data-no-results-help="">
      {help.closest.length > 0 ? (
        <>
          <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Did you mean</h2>
          <ul className="govuk-list">
            {help.closest.map((near) =>
              near.kind === 'condition' ? (
                <li key={`c-${near.name}`}>
                  <PageLink className="govuk-link" to={libraryHref(query, { q: near.name })}>
                    {near.name}
                  </PageLink>
                </li>
              ) : (
                <li key={`n-${near.code}`}>
                  <PageLink
                    className="govuk-link"
                    to={libraryHref(query, {
                      q: '',
                      filters: { ...query.filters, need: [near.code] },
                    })}
                  >
                    {`Practice for ${inSentence(near.name)}`}
                  </PageLink>
                </li>
              ),
            )}
          </ul>
        </>
      ) : null}
      {help.filters.length > 0 ? (
        <>
          <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Remove a filter</h2>
          <ul className="govuk-list">
            {help.filters.map((filter) => (
              <li key={`${filter.key}-${filter.value}`}>
                <PageLink className="govuk-link" to={hrefWithout(filter)}>
                  {`Remove ‘${labelOf(filter)}’`}
                </PageLink>{' '}
                to see {count(filter.count)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {help.withoutFilters && chosen > 1 ? (
        <p className="govuk-body">
          <PageLink
            className="govuk-link"
            to={libraryHref({ ...query, filters: emptyFilters(), running: false })}
          >
            {query.q ? `Search for ‘${query.q}’ without filters` : 'Clear all filters'}
          </PageLink>{' '}
          to see {count(help.withoutFilters)}
        </p>
      ) : null}
    </div>
  )
}
