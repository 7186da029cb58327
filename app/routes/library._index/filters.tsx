import { FilterTags } from '~/components/filter-tags'
import { filterPanelHtml, groupsOf, type FilterPanelProps } from './filter-panel-html'
import { useEffect, useState } from 'react'
import type { FacetOption } from '~/library/facet-options.server'
import {
  FACETS,
  emptyFilters,
  hasFilters,
  libraryHref,
  withoutFilterValue,
  type FacetKey,
  type LibraryQuery,
} from '~/library/library-query'

type Options = Record<FacetKey, FacetOption[]>

/**
 * GOV.UK checkboxes for each facet, with the number of matching case studies beside each value.
 * On the server the markup comes from a string template (filter-panel-html.ts) that writes exactly
 * what React would, for a fraction of the CPU; the browser hydrates the component against it.
 */
export function FilterPanel(props: FilterPanelProps) {
  if (typeof document === 'undefined')
    return (
      <div className="app-filters" dangerouslySetInnerHTML={{ __html: filterPanelHtml(props) }} />
    )
  return <FilterCheckboxes {...props} />
}

/** The panel as React renders it: in the browser, and in the test that the template matches. */
export function FilterCheckboxes({ query, options, counts }: FilterPanelProps) {
  // Controlled, so that a filter removed by a link or the back button unticks its box, while the
  // box being used keeps its focus.
  const [selected, setSelected] = useState(query.filters)
  const signature = JSON.stringify(query.filters)
  useEffect(() => setSelected(JSON.parse(signature) as LibraryQuery['filters']), [signature])
  const toggle = (key: FacetKey, value: string) =>
    setSelected((current) => ({
      ...current,
      [key]: current[key].includes(value)
        ? current[key].filter((v) => v !== value)
        : [...current[key], value],
    }))
  return (
    <div className="app-filters">
      <h2 className="govuk-heading-m">Filter</h2>
      {FACETS.map((facet) => (
        <div className="govuk-form-group" key={facet.key}>
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {facet.label}
            </legend>
            {groupsOf(options[facet.key]).map(([group, values]) => (
              <div key={group ?? facet.key}>
                {group ? (
                  <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1 govuk-!-margin-top-2">
                    {group}
                  </p>
                ) : null}
                <div
                  className="govuk-checkboxes govuk-checkboxes--small"
                  data-module="govuk-checkboxes"
                >
                  {values.map((option) => {
                    const id = `${facet.key}-${option.value}`
                    return (
                      <div className="govuk-checkboxes__item" key={option.value}>
                        <input
                          className="govuk-checkboxes__input"
                          id={id}
                          name={facet.key}
                          type="checkbox"
                          value={option.value}
                          checked={selected[facet.key].includes(option.value)}
                          onChange={() => toggle(facet.key, option.value)}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          {`${option.label} `}
                          <span className="app-count">
                            {`(${(counts[facet.key][option.value] ?? 0).toLocaleString('en-GB')})`}
                          </span>
                        </label>
                      </div>
                    )
                  })}
                </div>
              </div>
            ))}
          </fieldset>
        </div>
      ))}
      <button
        type="submit"
        className="govuk-button govuk-button--secondary app-apply-filters"
        data-module="govuk-button"
      >
        Apply filters
      </button>
    </div>
  )
}

/** The chosen filters as links that each remove one, and "Clear filters". */
export function SelectedFilters({ query, options }: { query: LibraryQuery; options: Options }) {
  if (!hasFilters(query)) return null
  return (
    <FilterTags
      tags={FACETS.flatMap((facet) =>
        query.filters[facet.key].map((value) => ({
          key: `${facet.key}-${value}`,
          label: `${facet.label}: ${options[facet.key].find((o) => o.value === value)?.label ?? value}`,
          href: libraryHref(withoutFilterValue(query, facet.key, value)),
        })),
      )}
      clearHref={libraryHref({ ...query, filters: emptyFilters() })}
    />
  )
}
