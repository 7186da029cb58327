import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EvidencePage } from '~/components/evidence/evidence-page'
import { GapMapTable } from '~/components/evidence/gap-map-table'
import { evidenceHref, type EvidenceFilter } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { loadGapMap } from '~/evidence/gap-map.server'
import { formatCount } from '~/evidence/suppression'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Evidence gap map', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const areaCodes = page.vocabulary.areas.map((a) => a.value)
  const expanded = page.url.searchParams.getAll('expand').filter((code) => areaCodes.includes(code))
  const gapMap = await loadGapMap(context, page.filter, page.vocabulary, expanded)
  return {
    filter: page.filter,
    problems: page.problems,
    options: page.options,
    description: page.description,
    expanded,
    gapMap,
  }
}

function gapHref(path: string, filter: EvidenceFilter, expanded: string[]) {
  const href = evidenceHref(path, filter)
  const extra = expanded.map((code) => `expand=${encodeURIComponent(code)}`).join('&')
  if (!extra) return href
  return `${href}${href.includes('?') ? '&' : '?'}${extra}`
}

export default function GapMapPage() {
  const { filter, problems, options, description, expanded, gapMap } =
    useLoaderData<typeof loader>()
  const toggle = (area: string) =>
    expanded.includes(area) ? expanded.filter((a) => a !== area) : [...expanded, area]
  return (
    <EvidencePage
      title="Evidence gap map"
      path="/evidence/gap-map"
      filter={filter}
      options={options}
      description={description}
      problems={problems}
      hidden={{ expand: expanded }}
      wide={
        <>
          <GapMapTable gapMap={gapMap} filter={filter} areas={options.areas} />
        </>
      }
    >
      <p className="govuk-body">
        Types of practice (rows) by need (columns). Each cell counts the case studies tagged with
        both and gives their mean evidence strength, from 0 (description only) to 4
        (comparison-group evaluation); darker cells are better evidenced. Hatched cells are gaps: no
        case study in this filter. Open a cell to see its case studies.{' '}
        <strong>{formatCount(gapMap.total)}</strong> case studies; {gapMap.gapCount} gaps.
      </p>
      <p className="govuk-body app-no-print">
        Show the needs within an area:{' '}
        {options.areas.map((area, i) => (
          <span key={area.value}>
            {i > 0 ? ' · ' : ''}
            <Link
              className="govuk-link"
              to={gapHref('/evidence/gap-map', filter, toggle(area.value))}
            >
              {expanded.includes(area.value) ? 'Hide' : 'Show'} needs in {area.label}
            </Link>
          </span>
        ))}
      </p>
    </EvidencePage>
  )
}
