import { londonWallClock } from '../utils/london-time'
import type { FacetOption } from './facet-options.server'
import type { FacetKey } from './library-query'
import type { InterpretedResults } from './interpretation.server'
import type { LibraryHit } from './search.server'

// What the library page needs, and only that: the browser hydrates from this same data (sent
// again in the page as a script), so every field here is paid for twice per page view (all but
// the results, which a whole page's data leaves to its markup: hits-in-markup.ts).

/** One result as the page shows it. */
export interface LibraryPageHit {
  slug: string
  title: string
  /** The summary in runs that alternate plain and highlighted, starting with plain (maybe ''). */
  summary: string[]
  evidenceStrength: number | null
  isFictional: boolean
  contextMatch: LibraryHit['contextMatch']
  /** "Autism, Speech and language · Oakfield Primary · Published 15 March 2026" */
  details: string
}

export interface LibraryPageData {
  query: InterpretedResults['query']
  total: number
  pageCount: number
  /** Search fell back to Postgres: the page says so. */
  fallback: boolean
  hits: LibraryPageHit[]
  counts: InterpretedResults['facets']
  context: InterpretedResults['context']
  /** What the library made of the query (conditions named, needs added), if anything. */
  interpretation: InterpretedResults['interpretation']
  options: Record<FacetKey, FacetOption[]>
  /** Postgres is away: the facet options are the last ones loaded, and the page says so. */
  degraded: boolean
}

export function toLibraryPage(
  results: InterpretedResults,
  options: Record<FacetKey, FacetOption[]>,
  degraded: boolean,
): LibraryPageData {
  return {
    query: results.query,
    total: results.total,
    pageCount: results.pageCount,
    fallback: results.source === 'fallback',
    hits: results.hits.map(toPageHit),
    counts: results.facets,
    context: results.context,
    interpretation: results.interpretation,
    options,
    degraded,
  }
}

export function toPageHit(hit: LibraryHit): LibraryPageHit {
  // Plain runs sit at even places, highlighted ones at odd places; a run of the same kind as the
  // one before it joins it, so that no two pieces of plain text ever sit side by side (React would
  // write a comment between them, and the page's markup would no longer be what it hydrates from).
  const summary = ['']
  for (const run of hit.summary) {
    const last = summary.length - 1
    if (last % 2 === (run.highlighted ? 1 : 0)) summary[last] += run.text
    else summary.push(run.text)
  }
  return {
    slug: hit.slug,
    title: hit.title,
    summary,
    evidenceStrength: hit.evidenceStrength,
    isFictional: hit.isFictional,
    contextMatch: hit.contextMatch,
    details: [
      hit.needLabels.slice(0, 3).join(', '),
      hit.organisationName ?? hit.laName,
      hit.publishedAt ? `Published ${londonDate(new Date(hit.publishedAt))}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * "15 March 2026", as formatLondonDate writes it, but from London's wall clock (whose offset is
 * kept per hour) rather than an Intl formatter per date: twenty of these on every page.
 */
export function londonDate(instant: Date): string {
  const wall = londonWallClock(instant)
  return `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`
}
