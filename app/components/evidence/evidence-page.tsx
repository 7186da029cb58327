import type { ReactNode } from 'react'
import type { EvidenceFilter } from '~/evidence/evidence-filter'
import { EvidenceNav, FilterDescription } from './evidence-nav'
import { EvidenceFilterPanel, SelectedEvidenceFilters, type FilterOptions } from './filter-panel'

/**
 * The frame of every filtered evidence page: heading, the evidence pages' navigation, the filter
 * panel beside the chosen filters and the filter in words, then the page's own content (and,
 * full width below, anything too wide for the column).
 */
export function EvidencePage({
  title,
  path,
  filter,
  options,
  description,
  problems,
  hidden,
  children,
  wide,
}: {
  title: string
  path: string
  filter: EvidenceFilter
  options: FilterOptions
  description: string[]
  problems: string[]
  hidden?: Record<string, string[]>
  children: ReactNode
  wide?: ReactNode
}) {
  return (
    <>
      <span className="govuk-caption-l">Evidence</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <EvidenceNav current={path} filter={filter} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third app-no-print">
          <EvidenceFilterPanel filter={filter} options={options} action={path} hidden={hidden} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <SelectedEvidenceFilters filter={filter} options={options} path={path} />
          <FilterDescription description={description} problems={problems} />
          {children}
        </div>
      </div>
      {wide}
    </>
  )
}
