import { Link } from '@remix-run/react'
import { Tag } from '../govuk/content'
import { formatLondonDate } from '~/utils/london-time'

type Status = 'running' | 'changed' | 'stopped'

const monthYear = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  })

/** "Still running" / "Changed" / "No longer running (since March 2027)". */
export function practiceStatusText(status: Status, since: string | null) {
  if (status === 'stopped') return `No longer running${since ? ` (since ${monthYear(since)})` : ''}`
  return status === 'changed' ? 'Changed' : 'Still running'
}

/** Under a case study's summary: its status, version and when a moderator last reviewed it. */
export function ReviewLine({
  version,
  lastReviewedAt,
  status,
  since,
}: {
  version: number
  lastReviewedAt: string | null
  status: Status
  since: string | null
}) {
  return (
    <p className="govuk-body app-review-line">
      <Tag colour={status === 'stopped' ? 'grey' : status === 'changed' ? 'yellow' : 'green'}>
        {practiceStatusText(status, since)}
      </Tag>{' '}
      {lastReviewedAt ? <>Last reviewed {formatLondonDate(new Date(lastReviewedAt))}</> : null}
      {version > 1 ? <> · version {version}</> : null}
    </p>
  )
}

export interface VersionItem {
  number: number
  date: string
  changeSummary: string
  evidenceLabel: string
  status: string
}

/** "How this practice has changed": each version's date and what changed, newest first. */
export function VersionHistory({
  slug,
  versions,
  current,
}: {
  slug: string
  versions: VersionItem[]
  /** The version this page shows. */
  current: number
}) {
  if (versions.length < 2) return null
  return (
    <section aria-labelledby="history">
      <h2 className="govuk-heading-m" id="history">
        How this practice has changed
      </h2>
      <ol className="govuk-list app-version-history" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.number} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {v.number === current ? (
                <>
                  Version {v.number}, {v.date} (this version)
                </>
              ) : (
                <Link className="govuk-link" to={`/library/${slug}/versions/${v.number}`}>
                  Version {v.number}, {v.date}
                </Link>
              )}
            </h3>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {v.changeSummary || (v.number === 1 ? 'First published.' : '')} {v.status}. Evidence:{' '}
              {v.evidenceLabel}.
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}
