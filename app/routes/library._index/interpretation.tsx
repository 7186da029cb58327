import { PageLink } from '~/components/page-link'
import { Fragment } from 'react'
import { libraryHref, type LibraryQuery } from '~/library/library-query'
import type { Interpretation } from '~/library/query-understanding'

/** A need's label inside a sentence: "physical disability", but "Down syndrome", "SEN support …". */
export function inSentence(label: string): string {
  const first = label.split(' ')[0] ?? ''
  if (first === 'Down' || !/^[A-Z][a-z]/.test(first)) return label
  return label[0]!.toLowerCase() + label.slice(1)
}

/** A condition as named; an everyday phrase in quotes. */
const quoted = (m: Interpretation['matched'][number]) =>
  m.kind === 'phrase' ? `‘${m.name}’` : m.name

/** "a", "a and b", "a, b and c" */
function listOf(items: React.ReactNode[]): React.ReactNode {
  return items.map((item, i) => (
    <Fragment key={i}>
      {i === 0 ? null : i === items.length - 1 ? ' and ' : ', '}
      {item}
    </Fragment>
  ))
}

/**
 * What the library made of the query, in plain words, with a link that filters by each need:
 * "Showing practice for physical disability, the area of need that includes muscular dystrophy."
 */
export function InterpretationLine({
  interpretation,
  query,
  total,
}: {
  interpretation: Interpretation
  query: LibraryQuery
  total: number
}) {
  if (interpretation.added === 0 || interpretation.needs.length === 0) return null
  const several = interpretation.needs.length > 1
  const conditions = interpretation.matched.filter((m) => m.kind === 'condition')
  const phrases = interpretation.matched.filter((m) => m.kind === 'phrase')
  const named = listOf([...conditions, ...phrases].map(quoted))
  const ambiguous = interpretation.matched.filter((m) => m.needs.length > 1)
  const mentioning = total - interpretation.added
  return (
    <div className="govuk-inset-text" data-interpretation="">
      <p className="govuk-body">
        Showing practice for{' '}
        {listOf(
          interpretation.needs.map((need) => (
            <PageLink
              key={need.code}
              className="govuk-link"
              to={libraryHref(query, {
                q: '',
                // Without a query the library lists newest first.
                sort: 'newest',
                filters: { ...query.filters, need: [need.code] },
              })}
            >
              {inSentence(need.label)}
            </PageLink>
          )),
        )}
        {conditions.length > 0 ? (
          <>
            , the {several ? 'areas' : 'area'} of need that {several ? 'include' : 'includes'}{' '}
            {named}.
          </>
        ) : (
          <>
            , the {several ? 'areas' : 'area'} of need most often behind {named}.
          </>
        )}
      </p>
      {mentioning > 0 && conditions.length > 0 ? (
        <p className="govuk-body">
          Case studies that mention {listOf(conditions.map((m) => m.name))} come first.
        </p>
      ) : null}
      {ambiguous.length > 0 ? (
        <p className="govuk-body">
          Schools record {listOf(ambiguous.map(quoted))} under more than one type of need, so
          practice for each is shown.
        </p>
      ) : null}
    </div>
  )
}
