import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CaseStudySections } from '~/components/case-study-sections'
import { findPublishedCaseStudyBySlug } from '~/db.server'
import { BackLink, NotificationBanner, SummaryList, Tag } from '~/components/govuk/content'
import { evidenceStrengthDescription, evidenceStrengthLabel } from '~/library/evidence-strength'
import { findIndexedCaseStudy, orFromIndex } from '~/library/without-database.server'
import { UnavailableNotice } from '~/library/unavailable-notice'
import { similarPractice } from '~/library/similar.server'
import { formatLondonDate } from '~/utils/london-time'
import { notFound } from '~/utils/responses.server'
import { identifiersIn } from '~/privacy/identifiers'
import { guardPublicDocument } from '~/privacy/public-boundary.server'
import { toPublicCaseStudy } from '~/privacy/public-view'
import { ReviewLine, VersionHistory } from '~/components/follow-up/versions'
import { listVersions } from '~/follow-ups/versions.server'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.caseStudy.title} - Practice library - Inclusion in Practice` },
        { name: 'description', content: data.caseStudy.summary },
        { tagName: 'link', rel: 'canonical', href: data.canonicalUrl },
      ]
    : [{ title: 'Page not found - Inclusion in Practice' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound()
  const db = context.services.db
  const canonicalUrl = `${context.services.publicBaseUrl}/library/${slug}`
  const read = await orFromIndex(
    context,
    () => findPublishedCaseStudyBySlug(db, slug),
    () => findIndexedCaseStudy(context, slug),
  )
  if (read.degraded) {
    // From the index, without Postgres: the guard cannot withhold, so it refuses the page.
    const caseStudy = read.value ? { ...read.value, establishment_type: null } : null
    if (!caseStudy || identifiersIn(caseStudy).length > 0) notFound()
    return { caseStudy, canonicalUrl, similar: [], degraded: true, versions: [] }
  }
  const row = read.value
  if (!row) notFound()
  const view = { ...toPublicCaseStudy(row), establishment_type: row.establishment_type }
  const caseStudy = await guardPublicDocument(db, row.id, view, 'library-page')
  if (!caseStudy) notFound()
  const similar = await similarPractice(context, row.id)
  const versions = (await listVersions(db, [row.id])).get(row.id) ?? []
  return {
    caseStudy,
    canonicalUrl,
    degraded: false,
    versions,
    similar: similar.map(({ slug, title, summary, evidence_strength }) => ({
      slug,
      title,
      summary,
      evidenceStrength: evidence_strength,
    })),
  }
}

export default function CaseStudyPage() {
  const { caseStudy, canonicalUrl, similar, degraded, versions } = useLoaderData<typeof loader>()
  const tags = (scheme: string) => caseStudy.tags.filter((tag) => tag.scheme === scheme)
  const organisationRows = [
    caseStudy.organisation_name
      ? { key: 'Organisation', value: caseStudy.organisation_name }
      : null,
    caseStudy.la_name ? { key: 'Local authority', value: caseStudy.la_name } : null,
    caseStudy.region_name ? { key: 'Region', value: caseStudy.region_name } : null,
    caseStudy.establishment_type
      ? { key: 'Type of school', value: caseStudy.establishment_type }
      : null,
    tags('phase').length
      ? {
          key: 'Phase',
          value: tags('phase')
            .map((t) => t.label)
            .join(', '),
        }
      : null,
    tags('setting').length
      ? {
          key: 'Setting',
          value: tags('setting')
            .map((t) => t.label)
            .join(', '),
        }
      : null,
  ].filter((row): row is { key: string; value: string } => row !== null)

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/library">Back to the practice library</BackLink>
        {degraded ? <UnavailableNotice /> : null}
        <span className="govuk-caption-l">Case study</span>
        <h1 className="govuk-heading-xl">{caseStudy.title}</h1>
        {caseStudy.is_fictional ? (
          <NotificationBanner title="Fictional example">
            <p className="govuk-body">
              This case study is fictional. It was written to demonstrate the service and does not
              describe a real school.
            </p>
          </NotificationBanner>
        ) : null}
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
        {evidenceStrengthDescription(caseStudy.evidence_strength) ? (
          <p className="govuk-body">{evidenceStrengthDescription(caseStudy.evidence_strength)}</p>
        ) : null}

        <CaseStudySections caseStudy={caseStudy} />

        {similar.length > 0 ? (
          <section className="app-no-print">
            <h2 className="govuk-heading-m">Similar practice</h2>
            <ul className="govuk-list">
              {similar.map((other) => (
                <li key={other.slug} className="govuk-!-margin-bottom-4">
                  <Link
                    className="govuk-link govuk-!-font-weight-bold"
                    to={`/library/${other.slug}`}
                  >
                    {other.title}
                  </Link>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    {other.summary} Evidence: {evidenceStrengthLabel(other.evidenceStrength)}.
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <VersionHistory slug={caseStudy.slug} versions={versions} current={caseStudy.version} />

        <h2 className="govuk-heading-m">Cite or share this case study</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={canonicalUrl}>
            {canonicalUrl}
          </a>
        </p>
        {caseStudy.version > 1 ? (
          <p className="govuk-body">
            This version, which will not change:{' '}
            <a className="govuk-link" href={`${canonicalUrl}/versions/${caseStudy.version}`}>
              {`${canonicalUrl}/versions/${caseStudy.version}`}
            </a>
          </p>
        ) : null}
        {caseStudy.published_at ? (
          <p className="govuk-body-s">
            Published {formatLondonDate(new Date(caseStudy.published_at))}
          </p>
        ) : null}
      </div>
      <aside className="govuk-grid-column-one-third" aria-label="About this case study">
        {organisationRows.length ? (
          <>
            <h2 className="govuk-heading-s">Context</h2>
            <div className="app-context">
              <SummaryList rows={organisationRows} />
            </div>
          </>
        ) : null}
        <TagList heading="Needs" tags={tags('need')} filter="need" />
        <TagList heading="Practice" tags={tags('practice')} filter="practice" />
        <TagList heading="Outcomes" tags={tags('outcome')} />
      </aside>
    </div>
  )
}

function TagList({
  heading,
  tags,
  filter,
}: {
  heading: string
  tags: { code: string; label: string }[]
  /** When set, each tag links to the library filtered by it. */
  filter?: 'need' | 'practice'
}) {
  if (tags.length === 0) return null
  return (
    <>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{heading}</h2>
      <ul className="govuk-list govuk-!-margin-bottom-6">
        {tags.map((tag) => (
          <li key={tag.code}>
            {filter ? (
              <Link
                className="govuk-link"
                to={`/library?${filter}=${encodeURIComponent(tag.code)}`}
              >
                {tag.label}
              </Link>
            ) : (
              tag.label
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
