import type { AppLoadContext } from '@remix-run/node'
import { searchPublishedCaseStudiesInPostgres } from '../../db/repositories/case-studies'
import { withoutIdentifiers } from '../privacy/public-boundary.server'
import type { CaseStudyDocument } from '../../search/documents'
import {
  FACETS,
  hasLikeContext,
  toMeilisearchFilter,
  type FacetKey,
  type LibraryQuery,
} from './library-query'
import { contextTiers, resolveLikeContext, type ResolvedContext } from './like-context.server'
import { engineQuery } from './query-understanding'

export const PAGE_SIZE = 20
const MARK_START = '\u0002'
const MARK_END = '\u0003'

export interface LibraryHit {
  slug: string
  title: string
  /** Summary split into plain and highlighted runs, so no HTML from the index is ever trusted. */
  summary: { text: string; highlighted: boolean }[]
  evidenceStrength: number | null
  publishedAt: string | null
  /** The current version and when it was last reviewed (follow-ups), with the practice's status. */
  version?: number
  lastReviewedAt?: string | null
  practiceStatus?: string
  isFictional: boolean
  organisationName: string | null
  laName: string | null
  needLabels: string[]
  needs: string[]
  practices: string[]
  /** With "schools like mine": whether this came from the reader's whole context, their phase, or neither. */
  contextMatch: 'all' | 'phase' | null
}

export interface LibraryResults {
  source: 'search' | 'fallback'
  query: LibraryQuery
  /** Exact: paged searches make Meilisearch count every match. */
  total: number
  pageCount: number
  hits: LibraryHit[]
  /** Count of matching case studies for each value of each facet. */
  facets: Record<FacetKey, Record<string, number>>
  /** The "schools like mine" context the results were ranked by, if any. */
  context: ResolvedContext | null
}

export function splitHighlights(text: string): LibraryHit['summary'] {
  const runs: LibraryHit['summary'] = []
  for (const [i, part] of text.split(new RegExp(`[${MARK_START}${MARK_END}]`)).entries()) {
    if (part) runs.push({ text: part, highlighted: i % 2 === 1 })
  }
  return runs
}

const retrieved = [
  'slug',
  'title',
  'summary',
  'evidenceStrength',
  'publishedAt',
  'version',
  'lastReviewedAt',
  'practiceStatus',
  'isFictional',
  'organisationName',
  'laName',
  'needLabels',
  'needs',
  'practices',
] as const

/**
 * Searches the library in Meilisearch; if Meilisearch cannot answer, falls back to Postgres
 * full-text search with the same filters and SQL facet counts, so that readers get results and a
 * notice rather than an error page.
 */
export async function searchLibrary(
  context: AppLoadContext,
  query: LibraryQuery,
  perPage = PAGE_SIZE,
  highlight = true,
): Promise<LibraryResults> {
  try {
    return await searchMeilisearch(context, query, perPage, highlight)
  } catch (error) {
    context.services.log.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'library search fell back to Postgres',
    )
    return searchPostgres(context, query, perPage)
  }
}

/**
 * The Meilisearch multi-search behind one library search. Values within a facet combine with OR,
 * so a facet's counts are taken without its own filter: each count then says how many case studies
 * ticking that value would add. The first query gives the results, then one counting query per
 * filtered facet. Exported so that the benchmark can send the engine exactly the same work.
 */
export function buildLibraryQueries(
  indexUid: string,
  query: LibraryQuery,
  perPage = PAGE_SIZE,
  highlight = true,
) {
  const filtered = FACETS.filter((facet) => query.filters[facet.key].length > 0)
  return [
    {
      ...resultOptions(indexUid, query, highlight),
      page: perPage === 0 ? 1 : query.page,
      hitsPerPage: perPage,
      filter: toMeilisearchFilter(query.filters, query.running),
      facets: FACETS.map((facet) => facet.field),
    },
    ...filtered.map((facet) => ({
      indexUid,
      ...textOptions(query.q),
      filter: toMeilisearchFilter({ ...query.filters, [facet.key]: [] }, query.running),
      facets: [facet.field],
      limit: 0,
    })),
  ]
}

/**
 * Which parts of which tiers make up one page, when results are the tiers laid end to end:
 * e.g. totals [3, 40, 100], page 1 of 20 → 3 from tier 0 and the first 17 of tier 1.
 */
export function pageSlices(tierTotals: number[], page: number, perPage: number) {
  const slices: { tier: number; offset: number; limit: number }[] = []
  let skip = (page - 1) * perPage
  let wanted = perPage
  tierTotals.forEach((total, tier) => {
    if (wanted === 0) return
    if (skip >= total) {
      skip -= total
      return
    }
    const limit = Math.min(wanted, total - skip)
    slices.push({ tier, offset: skip, limit })
    wanted -= limit
    skip = 0
  })
  return slices
}

/**
 * How the engine reads the typed words. "frequency": when not every word matches, the most common
 * words are dropped first, so "school refusal" counts the case studies about refusal rather than
 * every one that says "school" (the default drops the last word first). A short last word is whole
 * (engineQuery), so "OT" does not count every case study with "other".
 */
export function textOptions(q: string) {
  return { q: engineQuery(q), matchingStrategy: 'frequency' as const }
}

/**
 * What each result carries: the fields shown, the summary highlighted (for the page; the API
 * gives the summary as plain text, so asks the engine for no highlighting), the order.
 */
export function resultOptions(indexUid: string, query: LibraryQuery, highlight = true) {
  return {
    indexUid,
    ...textOptions(query.q),
    attributesToRetrieve: [...retrieved],
    ...(highlight
      ? {
          attributesToHighlight: ['summary'],
          highlightPreTag: MARK_START,
          highlightPostTag: MARK_END,
        }
      : {}),
    sort:
      query.sort === 'newest'
        ? ['publishedAt:desc']
        : query.sort === 'reviewed'
          ? ['lastReviewedAt:desc']
          : undefined,
  }
}

async function searchMeilisearch(
  context: AppLoadContext,
  query: LibraryQuery,
  perPage: number,
  highlight: boolean,
): Promise<LibraryResults> {
  const { search } = context.services
  const resolved = hasLikeContext(query.like) ? await resolveLikeContext(context, query.like) : null
  const tiers = resolved ? contextTiers(resolved) : []
  if (tiers.length === 0) {
    const { results } = await search.client.multiSearch({
      queries: buildLibraryQueries(search.caseStudiesIndex, query, perPage, highlight),
    })
    return { ...plainLibraryResults(query, perPage, results), context: resolved }
  }
  const mainFilter = toMeilisearchFilter(query.filters, query.running)
  // With a context, the first request also counts each tier (no hits, exact totals); the page's
  // results are then read tier by tier, in order, each in the reader's chosen order.
  const { results } = await search.client.multiSearch({
    queries: [
      ...buildLibraryQueries(search.caseStudiesIndex, query, 0, highlight),
      ...tiers.map((tier) => ({
        indexUid: search.caseStudiesIndex,
        ...textOptions(query.q),
        filter: [...mainFilter, tier],
        page: 1,
        hitsPerPage: 0,
      })),
    ],
  })
  const tierTotals = results.slice(results.length - tiers.length).map((r) => r.totalHits ?? 0)
  const slices = pageSlices(tierTotals, query.page, perPage)
  const ranked =
    slices.length > 0
      ? await search.client.multiSearch({
          queries: slices.map((slice) => ({
            ...resultOptions(search.caseStudiesIndex, query, highlight),
            filter: [...mainFilter, tiers[slice.tier]!],
            offset: slice.offset,
            limit: slice.limit,
          })),
        })
      : null
  const matchOf = (tier: number): LibraryHit['contextMatch'] =>
    tier === tiers.length - 1 ? null : tier === 0 ? 'all' : 'phase'
  const hits = ranked
    ? ranked.results.flatMap((r, i) =>
        (r.hits as unknown as EngineHit[]).map((hit) =>
          toLibraryHit(hit, matchOf(slices[i]!.tier)),
        ),
      )
    : []
  return {
    ...plainLibraryResults(query, perPage, results.slice(0, results.length - tiers.length)),
    hits,
    context: resolved,
  }
}

type EngineHit = CaseStudyDocument & { _formatted?: { summary?: string } }

/**
 * A library search's results (without a "schools like mine" context) from the engine's answers to
 * the queries of `buildLibraryQueries`, in their order.
 */
export function plainLibraryResults(
  query: LibraryQuery,
  perPage: number,
  answers: { totalHits?: number; hits: unknown[]; facetDistribution?: FacetDistribution }[],
): LibraryResults {
  const filtered = FACETS.filter((facet) => query.filters[facet.key].length > 0)
  const [main, ...facetAnswers] = answers
  const distribution: FacetDistribution = { ...(main!.facetDistribution ?? {}) }
  filtered.forEach((facet, i) => {
    distribution[facet.field] = facetAnswers[i]?.facetDistribution?.[facet.field] ?? {}
  })
  const total = main!.totalHits ?? main!.hits.length
  return {
    source: 'search',
    query,
    total,
    pageCount: Math.ceil(total / perPage),
    facets: Object.fromEntries(
      FACETS.map((facet) => [facet.key, distribution[facet.field] ?? {}]),
    ) as LibraryResults['facets'],
    hits: (main!.hits as EngineHit[]).map((hit) => toLibraryHit(hit, null)),
    context: null,
  }
}

type FacetDistribution = Record<string, Record<string, number>>

/** One search-engine hit as the page and the API show it. */
export function toLibraryHit(
  hit: CaseStudyDocument & { _formatted?: { summary?: string } },
  contextMatch: LibraryHit['contextMatch'],
): LibraryHit {
  return {
    slug: hit.slug,
    title: hit.title,
    summary: splitHighlights(hit._formatted?.summary ?? hit.summary),
    evidenceStrength: hit.evidenceStrength,
    publishedAt: hit.publishedAt ? new Date(hit.publishedAt * 1000).toISOString() : null,
    version: hit.version ?? 1,
    lastReviewedAt: new Date((hit.lastReviewedAt ?? hit.publishedAt) * 1000).toISOString(),
    practiceStatus: hit.practiceStatus ?? 'running',
    isFictional: hit.isFictional,
    organisationName: hit.organisationName,
    laName: hit.laName,
    needLabels: hit.needLabels,
    needs: hit.needs,
    practices: hit.practices,
    contextMatch,
  }
}

async function searchPostgres(
  context: AppLoadContext,
  query: LibraryQuery,
  perPage: number,
): Promise<LibraryResults> {
  const { rows, total, facets } = await searchPublishedCaseStudiesInPostgres(context.services.db, {
    query: query.q,
    tags: {
      need: query.filters.need,
      practice: query.filters.practice,
      phase: query.filters.phase,
      setting: query.filters.setting,
    },
    regions: query.filters.region,
    evidence: query.filters.evidence.map(Number),
    newestFirst: query.sort === 'newest',
    reviewedFirst: query.sort === 'reviewed',
    running: query.running,
    limit: perPage,
    offset: (query.page - 1) * perPage,
  })
  const counts: LibraryResults['facets'] = {
    need: {},
    practice: {},
    phase: {},
    setting: {},
    region: {},
    evidence: {},
  }
  for (const tag of facets.tags) {
    if (tag.scheme in counts) counts[tag.scheme as FacetKey][tag.code] = tag.count
  }
  for (const region of facets.regions) counts.region[region.value] = region.count
  for (const grade of facets.evidence) counts.evidence[grade.value] = grade.count
  return {
    source: 'fallback',
    query,
    total,
    pageCount: Math.ceil(total / perPage),
    facets: counts,
    // Read from Postgres, not the (guarded) index: these pass the boundary guard here.
    hits: (await withoutIdentifiers(context.services.db, rows, 'library-page')).map((row) => ({
      slug: row.slug,
      title: row.title,
      summary: [{ text: row.summary, highlighted: false }],
      evidenceStrength: row.evidence_strength,
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      version: row.public_version,
      lastReviewedAt: new Date(row.last_reviewed_at ?? row.published_at ?? 0).toISOString(),
      practiceStatus: row.practice_status,
      isFictional: row.is_fictional,
      organisationName: null,
      laName: row.la_name,
      needLabels: [],
      needs: [],
      practices: [],
      contextMatch: null,
    })),
    context: null,
  }
}
