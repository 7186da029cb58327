import { FilterTags } from '~/components/filter-tags'
import {
  CONSENTS,
  EVIDENCE_STATUSES,
  emptyEvidenceFilter,
  evidenceHref,
  statusesShown,
  type EvidenceFilter,
} from '~/evidence/evidence-filter'
import { FACETS, type FacetKey } from '~/library/library-query'

interface Option {
  value: string
  label: string
}

/** The labels a filter panel needs; the server's vocabulary without its functions. */
export interface FilterOptions {
  facets: Record<FacetKey, Option[]>
  areas: (Option & { needs: Option[] })[]
  calls: Option[]
}

type ListKey = FacetKey | 'call' | 'status' | 'consent'

function chosen(filter: EvidenceFilter, key: ListKey): string[] {
  if (key === 'call') return filter.calls
  if (key === 'status') return statusesShown(filter)
  if (key === 'consent') return filter.consents
  return filter.facets[key]
}

function Checkboxes({
  name,
  legend,
  options,
  selected,
  groups,
}: {
  name: string
  legend: string
  options: Option[]
  selected: string[]
  groups?: { label: string; values: string[] }[]
}) {
  const item = (option: Option) => (
    <div className="govuk-checkboxes__item" key={option.value}>
      <input
        className="govuk-checkboxes__input"
        id={`${name}-${option.value}`}
        name={name}
        type="checkbox"
        value={option.value}
        defaultChecked={selected.includes(option.value)}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-${option.value}`}>
        {option.label}
      </label>
    </div>
  )
  const count = selected.length
  return (
    <details className="govuk-details govuk-!-margin-bottom-3" open={count > 0}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {legend}
          {count > 0 ? ` (${count} selected)` : ''}
        </span>
      </summary>
      <div className="govuk-details__text">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-visually-hidden">{legend}</legend>
          {(groups ?? [{ label: '', values: options.map((o) => o.value) }]).map((group) => (
            <div key={group.label || name}>
              {group.label ? (
                <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1 govuk-!-margin-top-2">
                  {group.label}
                </p>
              ) : null}
              <div
                className="govuk-checkboxes govuk-checkboxes--small"
                data-module="govuk-checkboxes"
              >
                {options.filter((o) => group.values.includes(o.value)).map(item)}
              </div>
            </div>
          ))}
        </fieldset>
      </div>
    </details>
  )
}

/**
 * The evidence filter as a plain GET form (it works without JavaScript): the library's facets,
 * plus call, status, consent and who the output is for. Shared by the dashboard, the gap map,
 * the case-study list and the export page.
 */
export function EvidenceFilterPanel({
  filter,
  options,
  action,
  hidden = {},
}: {
  filter: EvidenceFilter
  options: FilterOptions
  action: string
  /** Other parameters of the page to keep, such as the gap map's expanded areas. */
  hidden?: Record<string, string[]>
}) {
  // A new filter (after navigation) resets the uncontrolled boxes to what the URL says.
  const key = evidenceHref('', filter)
  return (
    <form method="get" action={action} className="app-filters" key={key}>
      <h2 className="govuk-heading-m">Filter</h2>
      {Object.entries(hidden).flatMap(([name, values]) =>
        values.map((value) => <input type="hidden" name={name} value={value} key={name + value} />),
      )}
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Prepared for</legend>
          <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
            {[
              { value: 'internal', label: 'The advisory group (includes evidence-only responses)' },
              {
                value: 'publication',
                label: 'Publication (published case studies, small counts suppressed)',
              },
            ].map((option) => (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={`for-${option.value}`}
                  name="for"
                  type="radio"
                  value={option.value}
                  defaultChecked={filter.audience === option.value}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`for-${option.value}`}>
                  {option.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Checkboxes
        name="need"
        legend="Need"
        options={options.facets.need}
        selected={chosen(filter, 'need')}
        groups={options.areas.map((area) => ({
          label: area.label,
          values: area.needs.map((n) => n.value),
        }))}
      />
      {FACETS.filter((facet) => facet.key !== 'need').map((facet) => (
        <Checkboxes
          key={facet.key}
          name={facet.key}
          legend={facet.label}
          options={options.facets[facet.key]}
          selected={chosen(filter, facet.key)}
        />
      ))}
      <Checkboxes
        name="call"
        legend="Call for evidence"
        options={options.calls}
        selected={filter.calls}
      />
      <Checkboxes
        name="status"
        legend="Status (advisory group only)"
        options={[...EVIDENCE_STATUSES]}
        selected={filter.audience === 'internal' ? filter.statuses : []}
      />
      <Checkboxes
        name="consent"
        legend="Consent"
        options={[...CONSENTS]}
        selected={filter.consents}
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Apply filters
      </button>
    </form>
  )
}

/** The filter's chosen values as links that each remove one, and "Clear filters". */
export function SelectedEvidenceFilters({
  filter,
  options,
  path,
}: {
  filter: EvidenceFilter
  options: FilterOptions
  path: string
}) {
  const label = (key: ListKey, value: string) => {
    const list: readonly Option[] =
      key === 'call'
        ? options.calls
        : key === 'status'
          ? EVIDENCE_STATUSES
          : key === 'consent'
            ? CONSENTS
            : options.facets[key]
    return list.find((o) => o.value === value)?.label ?? value
  }
  const keys: { key: ListKey; title: string }[] = [
    ...FACETS.map((facet) => ({ key: facet.key as ListKey, title: facet.label })),
    { key: 'call', title: 'Call' },
    { key: 'consent', title: 'Consent' },
    ...(filter.audience === 'internal' ? [{ key: 'status' as const, title: 'Status' }] : []),
  ]
  const without = (key: ListKey, value: string): EvidenceFilter => {
    if (key === 'call') return { ...filter, calls: filter.calls.filter((v) => v !== value) }
    if (key === 'consent')
      return { ...filter, consents: filter.consents.filter((v) => v !== value) }
    if (key === 'status') return { ...filter, statuses: filter.statuses.filter((v) => v !== value) }
    return {
      ...filter,
      facets: { ...filter.facets, [key]: filter.facets[key].filter((v) => v !== value) },
    }
  }
  const explicit = (key: ListKey) => (key === 'status' ? filter.statuses : chosen(filter, key))
  const tags = keys.flatMap(({ key, title }) =>
    explicit(key).map((value) => ({ key, title, value })),
  )
  return (
    <FilterTags
      tags={tags.map(({ key, title, value }) => ({
        key: `${key}-${value}`,
        label: `${title}: ${label(key, value)}`,
        href: evidenceHref(path, without(key, value)),
      }))}
      clearHref={evidenceHref(path, { ...emptyEvidenceFilter(), audience: filter.audience })}
    />
  )
}
