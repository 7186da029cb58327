import { useLoaderData } from '@remix-run/react'
import { highlight } from '~/moderation/highlight'
import type { loader } from './route'

/** What the respondent sent (never changed), with the personal data found in it marked. */
export function OriginalAnswers() {
  const review = useLoaderData<typeof loader>()
  const { submission, original, findings } = review
  return (
    <>
      <div className="govuk-grid-column-one-half">
        {review.revised.length > 0 ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-m">Changed when sent again</h2>
            {review.revised.map((section) => (
              <div key={section.label}>
                <h3 className="govuk-heading-s">{section.label}</h3>
                <p className="govuk-body app-preserve-lines">{section.value}</p>
              </div>
            ))}
          </div>
        ) : null}
        <h2 className="govuk-heading-m">What the respondent sent</h2>
        {review.files.length > 0 ? (
          <>
            <h3 className="govuk-heading-s">Supporting files</h3>
            <ul className="govuk-list">
              {review.files.map((file) => (
                <li key={file.id}>
                  <a
                    className="govuk-link"
                    href={`/moderate/${submission.reference}/files/${file.id}`}
                    download
                  >
                    {file.name}
                  </a>{' '}
                  ({file.size})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="govuk-hint">Read only: the original answers are never changed.</p>
        {original.sections.map((section) => (
          <div key={section.label}>
            <h3 className="govuk-heading-s">{section.label}</h3>
            <p className="govuk-body app-preserve-lines">
              {highlight(
                section.value,
                findings.map((f) => f.match),
              ).map((part, i) =>
                part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </p>
          </div>
        ))}
      </div>
    </>
  )
}
