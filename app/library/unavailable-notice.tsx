import { NotificationBanner } from '~/components/govuk/content'

/** Shown on public pages answered from the search index while the database is away. */
export function UnavailableNotice() {
  return (
    <NotificationBanner>
      <p className="govuk-notification-banner__heading">
        Some features are unavailable at the moment
      </p>
      <p className="govuk-body">
        You can still search and read case studies. Try again in a few minutes for everything else.
      </p>
    </NotificationBanner>
  )
}
