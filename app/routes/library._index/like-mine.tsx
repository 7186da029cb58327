import type { FacetOption } from '~/library/facet-options.server'
import { hasLikeContext, type LibraryQuery } from '~/library/library-query'

/**
 * "Schools like mine": a reader gives their phase, setting and region, or their school's URN, and
 * practice from similar contexts is ranked first. Part of the same GET form as the filters.
 */
export function LikeMine({
  query,
  options,
}: {
  query: LibraryQuery
  options: { phase: FacetOption[]; setting: FacetOption[]; region: FacetOption[] }
}) {
  const open = hasLikeContext(query.like)
  const select = (key: 'phase' | 'setting' | 'region', label: string) => (
    <div className="govuk-form-group govuk-!-margin-bottom-3">
      <label className="govuk-label govuk-label--s" htmlFor={`like_${key}`}>
        {label}
      </label>
      <select
        className="govuk-select app-full-width"
        id={`like_${key}`}
        name={`like_${key}`}
        defaultValue={query.like[key] ?? ''}
      >
        <option value="">Any</option>
        {options[key].map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Show practice from schools like mine first
        </span>
      </summary>
      <div className="govuk-details__text">
        {select('phase', 'Phase')}
        {select('setting', 'Setting')}
        {select('region', 'Region')}
        <div className="govuk-form-group govuk-!-margin-bottom-3">
          <label className="govuk-label govuk-label--s" htmlFor="like_school">
            Or your school’s name or URN
          </label>
          <div className="govuk-hint" id="like_school-hint">
            For example, Oakfield Primary or 100000. We use the school’s phase, setting and region
            from the register.
          </div>
          <input
            className="govuk-input"
            id="like_school"
            name="like_school"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="like_school-hint"
            defaultValue={query.like.school ?? query.like.schoolName ?? ''}
          />
        </div>
      </div>
    </details>
  )
}
