import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CaseStudySections } from '~/components/case-study-sections'
import { BackLink, NotificationBanner, Tag } from '~/components/govuk/content'
import { ReviewLine, VersionHistory } from '~/components/follow-up/versions'
import { findPublishedCaseStudyBySlug } from '~/db.server'
import { listVersions, publicVersion } from '~/follow-ups/versions.server'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { notFound } from '~/utils/responses.server'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        {
          title: `${data.caseStudy.title} (version ${data.caseStudy.version}) - Practice library - Inclusion in Practice`,
        },
        { name: 'description', content: data.caseStudy.summary },
      ]
    : [{ title: 'Page not found - Inclusion in Practice' }]

/**
 * One version of a case study, at an address that never changes, so that a citation still
 * shows what was cited after the case study has moved on.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const number = Number(params.number)
  if (!/^[a-z0-9-]{1,100}$/.test(slug) || !/^\d{1,4}$/.test(params.number ?? '')) notFound()
  const db = context.services.db
  const row = await findPublishedCaseStudyBySlug(db, slug)
  if (!row) notFound()
  const caseStudy = await publicVersion(db, row, number)
  if (!caseStudy) notFound()
  const versions = (await listVersions(db, [row.id])).get(row.id) ?? []
  return {
    caseStudy,
    versions,
    latest: row.public_version,
    permalink: `${context.services.publicBaseUrl}/library/${slug}/versions/${number}`,
  }
}

export default function CaseStudyVersion() {
  const { caseStudy, versions, latest, permalink } = useLoaderData<typeof loader>()
  const isLatest = caseStudy.version === latest
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/library/${caseStudy.slug}`}>Back to the case study</BackLink>
        <span className="govuk-caption-l">Case study, version {caseStudy.version}</span>
        <h1 className="govuk-heading-xl">{caseStudy.title}</h1>
        {isLatest ? null : (
          <NotificationBanner title="An earlier version">
            <p className="govuk-body">
              This is version {caseStudy.version} of this case study. The school has told us how the
              practice went on since.{' '}
              <Link className="govuk-link" to={`/library/${caseStudy.slug}`}>
                Read the current version (version {latest})
              </Link>
              .
            </p>
          </NotificationBanner>
        )}
        <p className="govuk-body-l">{caseStudy.summary}</p>
        <ReviewLine
          version={caseStudy.version}
          lastReviewedAt={caseStudy.last_reviewed_at}
          status={caseStudy.practice_status}
          since={caseStudy.practice_status_since}
        />
        <h2 className="govuk-heading-m">Strength of evidence</h2>
        <p className="govuk-body app-evidence-tag">
          <Tag colour="blue">{evidenceStrengthLabel(caseStudy.evidence_strength)}</Tag>
        </p>
        <CaseStudySections caseStudy={caseStudy} />
        <VersionHistory slug={caseStudy.slug} versions={versions} current={caseStudy.version} />
        <h2 className="govuk-heading-m">Cite this version</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={permalink}>
            {permalink}
          </a>
        </p>
      </div>
    </div>
  )
}
