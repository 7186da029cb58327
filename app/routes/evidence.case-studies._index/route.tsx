import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EvidencePage } from '~/components/evidence/evidence-page'
import { Pagination, Table } from '~/components/govuk/content'
import { evidenceHref, evidenceSearchParams, toEvidenceScope } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { pageTitle } from '~/utils/page-title'
import { countEvidence, listEvidencePage } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Case studies in the evidence', matches),
]

const PAGE_SIZE = 50

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const requested = Number(page.url.searchParams.get('page') ?? '1')
  const pageNumber = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, 10_000) : 1
  const scope = toEvidenceScope(page.filter)
  const { db } = context.services
  const [total, rows] = await Promise.all([
    countEvidence(db, scope),
    listEvidencePage(db, scope, { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE }),
  ])
  const { label } = page.vocabulary
  return {
    filter: page.filter,
    problems: page.problems,
    options: page.options,
    description: page.description,
    total,
    page: pageNumber,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((row) => ({
      reference: row.reference,
      title: row.title,
      status: label('status', row.status),
      consent: label('consent', row.consent),
      strength: evidenceStrengthLabel(row.evidence_strength),
      region: row.region_code ? label('region', row.region_code) : 'Not known',
    })),
  }
}

export default function EvidenceCaseStudies() {
  const data = useLoaderData<typeof loader>()
  const { filter, options, description, problems } = data
  const pageHref = (n: number) => {
    const params = evidenceSearchParams(filter)
    if (n > 1) params.set('page', String(n))
    const search = params.toString()
    return `/evidence/case-studies${search ? `?${search}` : ''}`
  }
  const query = evidenceSearchParams(filter).toString()
  return (
    <EvidencePage
      title="Case studies"
      path="/evidence/case-studies"
      filter={filter}
      options={options}
      description={description}
      problems={problems}
    >
      <p className="govuk-body" role="status" data-testid="evidence-count">
        {data.total.toLocaleString('en-GB')} case {data.total === 1 ? 'study' : 'studies'}
      </p>
      {data.rows.length === 0 ? (
        <p className="govuk-body">
          No case studies match this filter.{' '}
          <Link
            className="govuk-link"
            to={evidenceHref('/evidence/case-studies', {
              ...filter,
              facets: { ...filter.facets, need: [], practice: [] },
            })}
          >
            Remove the need and practice filters
          </Link>
          .
        </p>
      ) : (
        <Table
          caption="Case studies matching the filter"
          captionSize="hidden"
          head={['Reference', 'Title', 'Status', 'Consent', 'Evidence', 'Region']}
          rows={data.rows.map((row) => [
            <Link
              className="govuk-link"
              key="ref"
              to={`/evidence/case-studies/${encodeURIComponent(row.reference)}${query ? `?${query}` : ''}`}
            >
              {row.reference}
            </Link>,
            row.title,
            row.status,
            row.consent,
            row.strength,
            row.region,
          ])}
        />
      )}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={pageHref} />
    </EvidencePage>
  )
}
