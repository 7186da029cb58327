import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSubmit } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { NotificationBanner, Pagination } from '~/components/govuk/content'
import { loadFacetOptionsOrLastKnown } from '~/library/facet-options.server'
import { toLibraryPage, type LibraryPageData } from '~/library/library-page.server'
import {
  hasFilters,
  libraryHref,
  parseLibraryQuery,
  MAX_QUERY_LENGTH,
  type LibraryQuery,
} from '~/library/library-query'
import { searchLibraryInterpreted } from '~/library/interpretation.server'
import { helpForNoResults } from '~/library/no-results.server'
import { UnavailableNotice } from '~/library/unavailable-notice'
import { FilterPanel, SelectedFilters } from './filters'
import { InterpretationLine } from './interpretation'
import { StillRunningFilter } from '~/components/follow-up/still-running-filter'
import { LikeMine } from './like-mine'
import { Results } from './results'
import { hitsToRender, leaveHitsToMarkup } from './hits-in-markup'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.query.q ? `${data.query.q} - ` : ''}Practice library - Inclusion in Practice`,
  },
  {
    name: 'description',
    content: 'Search case studies of how mainstream schools include pupils with SEND.',
  },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  // A plain form sends its empty fields too; the address to share is the one without them.
  const kept = [...url.searchParams.entries()].filter(([, value]) => value.trim() !== '')
  if (kept.length < [...url.searchParams.keys()].length) {
    throw redirect(`${url.pathname}${kept.length ? `?${new URLSearchParams(kept)}` : ''}`)
  }
  const { query } = parseLibraryQuery(url.searchParams)
  const [results, { options, degraded }] = await Promise.all([
    searchLibraryInterpreted(context, query),
    loadFacetOptionsOrLastKnown(context),
  ])
  // Nothing found: which conditions or needs are close to the words, and which filters to remove.
  const help =
    results.total === 0 && (query.q || hasFilters(query) || query.running)
      ? await helpForNoResults(context, query)
      : null
  // Only what the page shows: the browser hydrates from the same data, sent again in the page
  // (a whole page's without its results, which its markup carries: hits-in-markup.ts).
  const page = { ...toLibraryPage(results, options, degraded), help }
  return context.requestState?.document ? leaveHitsToMarkup(page) : page
}

export default function Library() {
  const data = useLoaderData<typeof loader>()
  const {
    query,
    total,
    pageCount,
    fallback,
    counts,
    context,
    interpretation,
    options,
    degraded,
    help,
  } = data
  const submit = useSubmit()
  const navigation = useNavigation()
  const timer = useRef<number | undefined>(undefined)
  const searchBox = useRef<HTMLInputElement>(null)
  const [q, setQ] = useState(query.q)
  const [sort, setSort] = useState(query.sort)

  // After back/forward or a link, show the URL's search, unless the person is typing in the box.
  useEffect(() => {
    if (document.activeElement !== searchBox.current) setQ(query.q)
    setSort(query.sort)
  }, [query.q, query.sort])

  // With JavaScript, results follow the form as it changes: at once for filters and sort,
  // after a pause for typing (replacing, not adding, history entries while typing).
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    const target = event.target as HTMLInputElement
    const typing = target.type === 'search' || target.type === 'text'
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(
      () =>
        submit(withoutEmptyFields(form), {
          method: 'get',
          action: '/library',
          replace: typing,
          preventScrollReset: true,
        }),
      typing ? 350 : 0,
    )
  }

  const busy = navigation.state === 'loading' && navigation.location.pathname === '/library'
  return (
    <>
      <h1 className="govuk-heading-xl">Practice library</h1>
      <p className="govuk-body-l">
        Case studies from schools, trusts and local areas in England on including pupils with
        special educational needs and disabilities (SEND) in mainstream education.
      </p>
      <Form
        method="get"
        role="search"
        onChange={onChange}
        // Pressing Search sends the form now; the typed search still waiting would send it
        // again later and could cancel the next page the person opens.
        onSubmit={() => window.clearTimeout(timer.current)}
        id="library-search"
        aria-label="Search and filter case studies"
      >
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="q">
            Search case studies
          </label>
          <div className="govuk-hint" id="q-hint">
            For example, autism resource base, early language screening or attendance
          </div>
          <input
            ref={searchBox}
            className="govuk-input govuk-!-width-two-thirds"
            id="q"
            name="q"
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            aria-describedby="q-hint"
            maxLength={MAX_QUERY_LENGTH}
          />{' '}
          <button
            type="submit"
            className="govuk-button govuk-!-margin-bottom-0"
            data-module="govuk-button"
          >
            Search
          </button>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <p className="govuk-body app-mobile-only">
              <a className="govuk-link" href="#results">
                {`Skip to ${total.toLocaleString('en-GB')} results`}
              </a>
            </p>
            <LikeMine query={query} options={options} />
            <FilterPanel query={query} options={options} counts={counts} />
          </div>
          <div className="govuk-grid-column-two-thirds">
            {degraded ? <UnavailableNotice /> : null}
            {fallback ? (
              <NotificationBanner>
                <p className="govuk-notification-banner__heading">
                  Search is working in a simpler mode
                </p>
                <p className="govuk-body">
                  Results may be less complete and typo tolerance is off until full search is back.
                  Try again in a few minutes.
                </p>
              </NotificationBanner>
            ) : null}
            <SelectedFilters query={query} options={options} />
            {context ? <ContextLine context={context} options={options} query={query} /> : null}
            {/* Without a query results are newest first and relevance means nothing, so it is
                offered only for a query, and "newest" is then the empty default (a new query
                would otherwise inherit it). */}
            <div className="govuk-form-group app-sort">
              <label
                className="govuk-label govuk-!-display-inline-block govuk-!-margin-right-2"
                htmlFor="sort"
              >
                Sort by
              </label>
              <select
                className="govuk-select"
                id="sort"
                name="sort"
                value={!query.q && sort === 'newest' ? '' : sort}
                onChange={(event) => setSort((event.target.value || 'newest') as typeof sort)}
              >
                {query.q ? <option value="relevance">Relevance</option> : null}
                <option value={query.q ? 'newest' : ''}>Newest</option>
                <option value="reviewed">Recently reviewed</option>
              </select>
            </div>
            <StillRunningFilter checked={query.running ?? false} />
            <p
              className="govuk-body govuk-!-font-weight-bold"
              role="status"
              aria-live="polite"
              id="results"
            >
              {total === 0
                ? 'No case studies found'
                : `${total.toLocaleString('en-GB')} case ${total === 1 ? 'study' : 'studies'}${query.q ? ` matching ‘${query.q}’` : ''}`}
            </p>
            {interpretation ? (
              <InterpretationLine interpretation={interpretation} query={query} total={total} />
            ) : null}
            <div aria-busy={busy}>
              <Results
                total={total}
                hits={hitsToRender(data)}
                filtered={hasFilters(query)}
                help={help}
                query={query}
                options={options}
              />
            </div>
            <Pagination
              page={query.page}
              pageCount={Math.min(pageCount, 500)}
              hrefFor={(page) => libraryHref(query, { page })}
            />
          </div>
        </div>
      </Form>
    </>
  )
}

function ContextLine({
  context,
  options,
  query,
}: {
  context: NonNullable<LibraryPageData['context']>
  options: LibraryPageData['options']
  query: LibraryQuery
}) {
  if (context.candidates) {
    return (
      <div className="govuk-inset-text">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Which is your school?</h2>
        <ul className="govuk-list">
          {context.candidates.map((school) => (
            <li key={school.urn}>
              <Link
                className="govuk-link"
                to={libraryHref(query, {
                  like: { ...query.like, school: school.urn, schoolName: undefined },
                })}
              >
                {school.name}
              </Link>
              , {[school.town, school.laName].filter(Boolean).join(', ')} (URN {school.urn})
            </li>
          ))}
        </ul>
      </div>
    )
  }
  if (context.problem) {
    return (
      <p className="govuk-body govuk-error-message">
        {context.problem}. Check the name or URN, or choose a phase, setting and region instead.
      </p>
    )
  }
  const label = (key: 'phase' | 'setting' | 'region', value?: string) =>
    options[key].find((o) => o.value === value)?.label
  const parts = [
    label('phase', context.phase),
    label('setting', context.setting),
    label('region', context.region),
  ].filter(Boolean)
  return (
    <p className="govuk-inset-text">
      Practice from{' '}
      {context.schoolName ? `schools like ${context.schoolName}` : 'settings like yours'}
      {parts.length ? ` (${parts.join(', ')})` : ''} is shown first.
    </p>
  )
}

function withoutEmptyFields(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(key, value)
  }
  return params
}
