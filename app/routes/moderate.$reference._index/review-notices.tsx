import { Link, useLoaderData } from '@remix-run/react'
import { NotificationBanner } from '~/components/govuk/content'
import { statusLabels, type SubmissionStatus } from '~/moderation/state-machine'
import type { loader } from './route'

/** Alerts raised by the personal-data guard at the public boundary for this case study. */
export function PrivacyAlerts() {
  const review = useLoaderData<typeof loader>()

  return (
    <>
      {review.alerts.length > 0 ? (
        <NotificationBanner title="Taken out of the library">
          <h2 className="govuk-notification-banner__heading">
            A check at the public boundary found a pupil identifier in this case study
          </h2>
          <ul className="govuk-list">
            {review.alerts.map((alert, i) => (
              <li key={i}>
                {alert.at} ({alert.surface}): {alert.findings.join(', ')}
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            It is no longer published. Remove the identifier, then publish it again.
          </p>
        </NotificationBanner>
      ) : null}
    </>
  )
}

/** Personal data the scan found in what the respondent sent. */
export function RespondentFindings() {
  const review = useLoaderData<typeof loader>()
  const { findings } = review
  return (
    <>
      {findings.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <h2 className="govuk-heading-s">Possible personal data in the response</h2>
            <ul className="govuk-list">
              {findings.map((f, i) => (
                <li key={i}>
                  {f.kind} “<mark>{f.match}</mark>” in {f.where}
                </li>
              ))}
            </ul>
            <p className="govuk-body">
              The respondent’s answers are never changed. The case study below is scanned each time
              it is saved, and cannot be published while personal data is left in it.
            </p>
          </div>
        </div>
      ) : null}
    </>
  )
}

/** Whether it is in the double-coding sample, and its possible duplicates. */
export function SampleAndDuplicates() {
  const review = useLoaderData<typeof loader>()
  const { submission } = review
  return (
    <>
      {review.sampled ? (
        <p className="govuk-body">
          This submission is in the double-coding sample.{' '}
          {review.canSecondCode ? (
            <Link className="govuk-link" to={`/moderate/${submission.reference}/second-coding`}>
              Code it a second time
            </Link>
          ) : null}
        </p>
      ) : null}
      {review.duplicates.length > 0 ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">Possible duplicates</h2>
          <ul className="govuk-list">
            {review.duplicates.map((d) => (
              <li key={d.reference}>
                <Link className="govuk-link" to={`/moderate/${d.reference}`}>
                  {d.reference}
                </Link>{' '}
                {d.title} ({d.organisation_name}
                {d.sameOrganisation ? ', same organisation' : ''}; similarity{' '}
                {Math.round(d.similarity * 100)}%; {statusLabels[d.status as SubmissionStatus]})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
}
