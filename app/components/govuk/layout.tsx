import { PageLink } from '~/components/page-link'
import type { ReactNode } from 'react'

export function SkipLink() {
  return (
    <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
      Skip to main content
    </a>
  )
}

export interface HeaderUser {
  name: string
  roles?: readonly string[]
}

/** Staff areas, each shown to the roles that can use it (administrators see them all). */
const staffAreas = [
  { path: '/moderate', label: 'Moderation', role: 'moderator' },
  { path: '/evidence', label: 'Evidence', role: 'advisory' },
  { path: '/admin', label: 'Administration', role: 'admin' },
]

export function Header({ user }: { user: HeaderUser | null }) {
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <PageLink to="/" className="govuk-header__link govuk-header__service-name">
            Inclusion in Practice
          </PageLink>
        </div>
        <div className="govuk-header__content">
          <nav aria-label="Menu" className="govuk-header__navigation">
            <button
              type="button"
              className="govuk-header__menu-button govuk-js-header-toggle"
              aria-controls="navigation"
              hidden
            >
              Menu
            </button>
            <ul id="navigation" className="govuk-header__navigation-list">
              <li className="govuk-header__navigation-item">
                <PageLink className="govuk-header__link" to="/library">
                  Practice library
                </PageLink>
              </li>
              {user ? (
                <>
                  {staffAreas
                    .filter(
                      (area) => user.roles?.includes('admin') || user.roles?.includes(area.role),
                    )
                    .map((area) => (
                      <li className="govuk-header__navigation-item" key={area.path}>
                        <PageLink className="govuk-header__link" to={area.path}>
                          {area.label}
                        </PageLink>
                      </li>
                    ))}
                  <li className="govuk-header__navigation-item">
                    <PageLink className="govuk-header__link" to="/account">
                      {user.name}
                    </PageLink>
                  </li>
                  <li className="govuk-header__navigation-item">
                    <PageLink className="govuk-header__link" to="/sign-out">
                      Sign out
                    </PageLink>
                  </li>
                </>
              ) : (
                <li className="govuk-header__navigation-item">
                  <PageLink className="govuk-header__link" to="/sign-in">
                    Staff sign in
                  </PageLink>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  )
}

export function PhaseBanner() {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Help us improve it by{' '}
          <PageLink className="govuk-link" to="/feedback">
            telling us what you think
          </PageLink>
          .
        </span>
      </p>
    </div>
  )
}

export function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <PageLink className="govuk-footer__link" to="/privacy">
                  Privacy
                </PageLink>
              </li>
              <li className="govuk-footer__inline-list-item">
                <PageLink className="govuk-footer__link" to="/accessibility">
                  Accessibility statement
                </PageLink>
              </li>
              <li className="govuk-footer__inline-list-item">
                <PageLink className="govuk-footer__link" to="/cookies">
                  Cookies
                </PageLink>
              </li>
              <li className="govuk-footer__inline-list-item">
                <PageLink className="govuk-footer__link" to="/feedback">
                  Feedback
                </PageLink>
              </li>
            </ul>
            <span className="govuk-footer__licence-description">
              Published case studies are available under the Open Government Licence v3.0, except
              where otherwise stated.
            </span>
          </div>
        </div>
      </div>
    </footer>
  )
}

export function Main({ children }: { children: ReactNode }) {
  return (
    <main className="govuk-main-wrapper" id="main-content" role="main" tabIndex={-1}>
      {children}
    </main>
  )
}
