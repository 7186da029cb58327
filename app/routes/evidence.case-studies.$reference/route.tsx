import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BackLink, SummaryList } from '~/components/govuk/content'
import { EVIDENCE_STATUSES, evidenceHref, toEvidenceScope } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { notFound } from '~/utils/responses.server'
import { pageTitle } from '~/utils/page-title'
import { findEvidenceByReference } from '~/db.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(data?.caseStudy.title ?? 'Case study', matches),
]

/**
 * One case study as the evidence holds it, evidence-only responses included: read through the
 * one evidence query in the scope the filter asks for, so what the list shows can be opened.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const scope = {
    ...toEvidenceScope(page.filter),
    // Any status the advisory group can see, whatever the list's filter said.
    statuses: EVIDENCE_STATUSES.map((status) => status.value),
  }
  const row = await findEvidenceByReference(context.services.db, scope, params.reference ?? '')
  if (!row) notFound()
  const { label } = page.vocabulary
  const tagsOf = (scheme: string) =>
    row.tags
      .filter((t) => t.scheme === scheme)
      .map((t) => t.label)
      .join(', ') || 'None'
  return {
    back: evidenceHref('/evidence/case-studies', page.filter),
    caseStudy: {
      reference: row.reference,
      title: row.title,
      slug: row.status === 'published' ? row.slug : null,
      facts: [
        { key: 'Status', value: label('status', row.status) },
        { key: 'Consent', value: label('consent', row.consent) },
        { key: 'Organisation', value: row.organisation_name ?? 'Not named (no consent to name)' },
        { key: 'Local authority', value: row.la_name ?? 'Not known' },
        { key: 'Region', value: row.region_code ? label('region', row.region_code) : 'Not known' },
        { key: 'Needs', value: tagsOf('need') },
        { key: 'Types of practice', value: tagsOf('practice') },
        { key: 'Phase', value: tagsOf('phase') },
        { key: 'Setting', value: tagsOf('setting') },
        { key: 'Evidence strength', value: evidenceStrengthLabel(row.evidence_strength) },
      ],
      sections: [
        { title: 'Summary', text: row.summary },
        { title: 'The challenge', text: row.challenge },
        { title: 'What it looks like in practice', text: row.practice },
        { title: 'Impact', text: row.impact },
        { title: 'Key factors', text: row.key_factors },
        { title: 'Advice to other leaders', text: row.advice },
        { title: 'Cost and resources', text: row.cost_and_resources },
      ].filter((section) => section.text.trim()),
    },
  }
}

export default function EvidenceCaseStudy() {
  const { back, caseStudy } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to={back}>Back to the case studies</BackLink>
      <span className="govuk-caption-l">{caseStudy.reference}</span>
      <h1 className="govuk-heading-l app-break-words">{caseStudy.title}</h1>
      {caseStudy.slug ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/library/${caseStudy.slug}`}>
            Read it in the library
          </Link>
        </p>
      ) : (
        <p className="govuk-inset-text">
          Not published. Only the advisory group and administrators can read this.
        </p>
      )}
      <SummaryList rows={caseStudy.facts} />
      {caseStudy.sections.map((section) => (
        <section key={section.title}>
          <h2 className="govuk-heading-m">{section.title}</h2>
          <p className="govuk-body app-preserve-lines app-break-words">{section.text}</p>
        </section>
      ))}
    </>
  )
}
