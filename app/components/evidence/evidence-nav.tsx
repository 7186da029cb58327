import { Link } from '@remix-run/react'
import { evidenceHref, type EvidenceFilter } from '~/evidence/evidence-filter'

const pages = [
  { path: '/evidence', label: 'Dashboard' },
  { path: '/evidence/gap-map', label: 'Evidence gap map' },
  { path: '/evidence/case-studies', label: 'Case studies' },
  { path: '/evidence/pack', label: 'Evidence pack' },
  { path: '/evidence/export', label: 'Export' },
]

/** The evidence pages, each opened with the current filter. */
export function EvidenceNav({ current, filter }: { current: string; filter: EvidenceFilter }) {
  return (
    <nav className="app-sub-navigation govuk-!-margin-bottom-6 app-no-print" aria-label="Evidence">
      <ul className="govuk-list app-sub-navigation__list">
        {pages.map((page) => (
          <li key={page.path} className="app-sub-navigation__item">
            <Link
              className="govuk-link govuk-link--no-visited-state"
              to={evidenceHref(page.path, filter)}
              aria-current={page.path === current ? 'page' : undefined}
            >
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The filter in words, and a warning if some of the address could not be used. */
export function FilterDescription({
  description,
  problems,
}: {
  description: string[]
  problems: string[]
}) {
  return (
    <>
      {problems.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Part of this address could not be used and was ignored: {problems.join('; ')}.
          </strong>
        </div>
      ) : null}
      <ul className="govuk-list govuk-body-s app-filter-description">
        {description.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  )
}
