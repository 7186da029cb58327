import { PageLink } from '~/components/page-link'

/** Chosen filters as links that each remove one, and "Clear filters" (GOV.UK filter pattern). */
export function FilterTags({
  tags,
  clearHref,
}: {
  tags: { key: string; label: string; href: string }[]
  clearHref: string
}) {
  if (tags.length === 0) return null
  return (
    <div className="app-selected-filters govuk-!-margin-bottom-4">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Selected filters</h2>
      <ul className="govuk-list app-filter-tags">
        {tags.map((tag) => (
          <li key={tag.key}>
            <PageLink className="app-filter-tag" to={tag.href}>
              <span className="govuk-visually-hidden">Remove filter </span>
              {tag.label}
              <span aria-hidden="true"> ✕</span>
            </PageLink>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <PageLink className="govuk-link" to={clearHref}>
          Clear filters
        </PageLink>
      </p>
    </div>
  )
}
