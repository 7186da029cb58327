import type { AppLoadContext } from '@remix-run/node'
import type { MultiSearchQuery } from 'meilisearch'
import { listSynonymGroups } from '../../db/repositories/search-synonyms'
import {
  listConditions,
  listNeedTerms,
  type ConditionRow,
} from '../../db/repositories/taxonomy-conditions'
import type { SearchService } from '../../search/client'
import type { CaseStudyDocument } from '../../search/documents'
import { FACETS, hasLikeContext, toMeilisearchFilter, type LibraryQuery } from './library-query'
import { contextTiers, resolveLikeContext } from './like-context.server'
import { cachedResults } from './results-cache.server'
import {
  compileVocabulary,
  engineQuery,
  mentionQuery,
  normaliseName,
  rawTokens,
  understandQuery,
  type CompiledVocabulary,
  type Interpretation,
  type Understanding,
} from './query-understanding'
import {
  buildLibraryQueries,
  PAGE_SIZE,
  pageSlices,
  plainLibraryResults,
  resultOptions,
  searchLibrary,
  textOptions,
  toLibraryHit,
  type LibraryHit,
  type LibraryResults,
} from './search.server'

// The library search with query understanding. When the query names a condition, diagnosis or
// everyday phrase from the conditions vocabulary, the results are:
//   1. case studies that mention what was typed (every word of it), ranked as usual; then
//   2. the rest of the practice tagged with the condition's census needs (ranked by any other
//      words typed, else newest first), without repeating any from 1.
// The two sets are disjoint, so the total and every facet count are their sums: honest numbers.
// The page and the API say which conditions were recognised and which needs were added.

export type { Interpretation }

export type InterpretedResults = LibraryResults & { interpretation: Interpretation | null }

/** A case study mentioning the condition and tagged with its need is found by the text part;
 * the need part leaves out at most this many such case studies by name. Fetching a list of slugs
 * costs the engine in proportion to its length (1,000 cost ~40 ms of CPU at 50,000 case studies),
 * so beyond this the mentions alone are shown: hundreds of case studies name the condition, and the
 * interpretation still offers the need's filter. */
const MAX_EXCLUDED = 200

/** Words around a condition that narrow nothing: "my child is deaf", "help for ADHD". */
const FILLER = new Set(
  (
    'a an the and or of to in on at for with about is are has have had got who my our their his her ' +
    'he she they we i me child children son daughter kid kids pupil pupils student students young ' +
    'person people help helping support supporting strategies ideas tips how what'
  ).split(' '),
)
const VOCABULARY_TTL_MS = 60_000
const RETRY_AFTER_FAILURE_MS = 10_000

// Which mentions of a condition were last counted as too many to leave out, per search service
// (tests run several in one process). For those, the plain search the page will show goes to the
// engine in the same request as the count: one request where there were two. A hint about which
// requests to send, never about what is shown: the count in the same answer decides, and if it
// finds few, the plain answer is set aside and the interpretation goes on as for any rare
// condition (and the hint is corrected). Bounded; the least recently counted go first.
const broadMentions = new WeakMap<SearchService, Map<string, boolean>>()
const MAX_REMEMBERED_MENTIONS = 1000

function lastCountedBroad(search: SearchService, key: string) {
  return broadMentions.get(search)?.get(key) === true
}

function rememberCount(search: SearchService, key: string, broad: boolean) {
  let counted = broadMentions.get(search)
  if (!counted) broadMentions.set(search, (counted = new Map()))
  counted.delete(key)
  counted.set(key, broad)
  if (counted.size > MAX_REMEMBERED_MENTIONS) counted.delete(counted.keys().next().value!)
}

interface Vocabulary {
  compiled: CompiledVocabulary<ConditionRow>
  needLabels: Map<string, string>
  /** Search synonyms' words and phrases (normalised), whose groups find other words for them. */
  synonyms: Set<string>
  loadedAt: number
}

// Per database handle (tests run several in one process): the last vocabulary read, reused for a
// minute, so a library search costs no extra query; kept while Postgres is away.
const vocabularies = new WeakMap<object, { value: Vocabulary | null; loading?: Promise<void> }>()

/** The vocabulary, from Postgres at most once a minute; null if it has never been readable. */
export async function loadVocabulary(context: AppLoadContext): Promise<Vocabulary | null> {
  const { db } = context.services
  const slot = vocabularies.get(db) ?? { value: null }
  vocabularies.set(db, slot)
  const fresh = slot.value && Date.now() - slot.value.loadedAt < VOCABULARY_TTL_MS
  if (!fresh) {
    slot.loading ??= (async () => {
      try {
        const [conditions, needs, groups] = await Promise.all([
          listConditions(db),
          listNeedTerms(db),
          listSynonymGroups(db),
        ])
        slot.value = {
          compiled: compileVocabulary(conditions),
          needLabels: new Map(needs.filter((n) => !n.retiredAt).map((n) => [n.code, n.label])),
          synonyms: new Set(groups.flatMap((group) => group.terms).map(normaliseName)),
          loadedAt: Date.now(),
        }
      } catch (error) {
        context.services.log.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'conditions vocabulary not loaded; library searches are not interpreted',
        )
        if (slot.value)
          slot.value.loadedAt = Date.now() - VOCABULARY_TTL_MS + RETRY_AFTER_FAILURE_MS
      } finally {
        slot.loading = undefined
      }
    })()
    // A reader waits for the first load only; later ones use the last vocabulary meanwhile.
    if (!slot.value) await slot.loading
  }
  return slot.value
}

/** After an administrator's change: the next search reads the vocabulary again. */
export function forgetVocabulary(db: object) {
  vocabularies.delete(db)
}

/** What the vocabulary makes of a query: the entries it names and their live needs. */
export async function interpretQuery(context: AppLoadContext, q: string) {
  if (!q.trim()) return null
  const vocabulary = await loadVocabulary(context)
  if (!vocabulary) return null
  const understood = understandQuery(q, vocabulary.compiled)
  if (!understood) return null
  const codes = [...new Set(understood.matched.flatMap((entry) => entry.needs))].filter((code) =>
    vocabulary.needLabels.has(code),
  )
  if (codes.length === 0) return null
  return {
    understood,
    needs: codes.map((code) => ({ code, label: vocabulary.needLabels.get(code)! })),
    isSynonym: (name: string) => vocabulary.synonyms.has(name),
  }
}

/**
 * The library search the page and the API run: with query understanding when the query names a
 * condition and the search engine answers, otherwise the plain search (with its Postgres fallback).
 */
export function searchLibraryInterpreted(
  context: AppLoadContext,
  query: LibraryQuery,
  perPage = PAGE_SIZE,
  highlight = true,
): Promise<InterpretedResults> {
  return cachedResults(
    context,
    JSON.stringify([query, perPage, highlight]),
    () => searchLibraryAfresh(context, query, perPage, highlight),
    (results) => results.source === 'search',
  )
}

async function searchLibraryAfresh(
  context: AppLoadContext,
  query: LibraryQuery,
  perPage: number,
  highlight: boolean,
): Promise<InterpretedResults> {
  const interpreted = await interpretQuery(context, query.q).catch(() => null)
  if (interpreted) {
    try {
      const results = await searchWithNeeds(context, query, perPage, interpreted, highlight)
      if (results) return results
    } catch (error) {
      context.services.log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'interpreted library search failed; plain search instead',
      )
    }
  }
  return {
    ...(await searchLibrary(context, query, perPage, highlight)),
    interpretation: null,
  }
}

interface Part {
  q: string
  matchingStrategy: 'all' | 'frequency'
  filter: string[]
  sort: string[] | undefined
  /** The "schools like mine" tier, when there is a context. */
  tier: number | null
  /** Whether this part holds the case studies added for the needs. */
  added: boolean
}

async function searchWithNeeds(
  context: AppLoadContext,
  query: LibraryQuery,
  perPage: number,
  interpreted: NonNullable<Awaited<ReturnType<typeof interpretQuery>>>,
  highlight: boolean,
): Promise<InterpretedResults | null> {
  const { search } = context.services
  const indexUid = search.caseStudiesIndex
  const { understood, needs } = interpreted
  const needFilter = `needs IN [${needs.map((n) => JSON.stringify(n.code)).join(', ')}]`
  const mention = {
    q: engineQuery(mentionQuery(query.q, understood.spans, interpreted.isSynonym)),
    matchingStrategy: 'all' as const,
  }
  const newest =
    query.sort === 'newest'
      ? ['publishedAt:desc']
      : query.sort === 'reviewed'
        ? ['lastReviewedAt:desc']
        : undefined
  // A condition named outright: case studies that mention it come first. Everyday phrases
  // ("can't sit still") are said in many case studies about other things: practice for the need
  // comes first, then any others that use the phrase.
  const conditionFirst = understood.spans.some((span) => span.entry.kind === 'condition')
  const restWords = rawTokens(understood.rest)
    .filter((word) => !FILLER.has(word.toLowerCase()))
    .join(' ')

  // One request for what the parts depend on: how many case studies mention the query and carry
  // one of the needs (found by the mention part, so left out of the need part; counted without the
  // reader's filters, so the same exclusion serves every facet count below), and whether the other
  // words typed find anything among the needs' practice (if not, they are not used to narrow it).
  // Counts only: the overlap's slugs are fetched after, and only when there are few of them.
  // An everyday phrase with no other words needs neither: no request is sent.
  const overlapQuery = { indexUid, ...mention, filter: [needFilter] }
  const firstQueries: MultiSearchQuery[] = [
    ...(conditionFirst ? [{ ...overlapQuery, page: 1, hitsPerPage: 0 }] : []),
    ...(restWords
      ? [{ indexUid, ...textOptions(restWords), filter: [needFilter], page: 1, hitsPerPage: 0 }]
      : []),
  ]
  // Counted too many last time: the plain search is sent with the count, in case it is still so.
  const countKey = JSON.stringify([overlapQuery.q, needFilter])
  const plainQueries =
    conditionFirst && !hasLikeContext(query.like) && lastCountedBroad(search, countKey)
      ? buildLibraryQueries(indexUid, query, perPage, highlight)
      : []
  const answers =
    firstQueries.length > 0
      ? (await search.client.multiSearch({ queries: [...firstQueries, ...plainQueries] })).results
      : []
  const first = answers.slice(0, firstQueries.length)
  const overlapCount = conditionFirst ? (first[0]!.totalHits ?? 0) : 0
  if (conditionFirst) rememberCount(search, countKey, overlapCount > MAX_EXCLUDED)
  if (overlapCount > MAX_EXCLUDED) {
    const plain =
      plainQueries.length > 0
        ? plainLibraryResults(query, perPage, answers.slice(firstQueries.length))
        : await searchLibrary(context, query, perPage, highlight)
    return { ...plain, interpretation: describe(understood, needs, 0) }
  }
  const overlap =
    overlapCount > 0
      ? ((
          await search.client.multiSearch({
            queries: [{ ...overlapQuery, attributesToRetrieve: ['slug'], limit: overlapCount }],
          })
        ).results[0]!.hits as Pick<CaseStudyDocument, 'slug'>[])
      : []
  const excluded = overlap.map((hit) => JSON.stringify(hit.slug))
  const restFinds = restWords ? (first[first.length - 1]!.totalHits ?? 0) > 0 : false
  const rest = restFinds ? textOptions(restWords) : null

  const mentionSegment = {
    ...mention,
    extra: conditionFirst ? [] : [`NOT (${needFilter})`],
    sort: newest,
    added: false,
  }
  const needSegment = {
    q: rest?.q ?? '',
    matchingStrategy: rest?.matchingStrategy ?? ('frequency' as const),
    extra: [needFilter, ...(excluded.length ? [`slug NOT IN [${excluded.join(', ')}]`] : [])],
    // With no other words, relevance means nothing: newest first.
    sort: newest ?? (rest ? undefined : ['publishedAt:desc']),
    added: true,
  }
  const segments = conditionFirst ? [mentionSegment, needSegment] : [needSegment, mentionSegment]
  const filterFor = (segment: (typeof segments)[number], filters = query.filters) => [
    ...toMeilisearchFilter(filters, query.running),
    ...segment.extra,
  ]

  const resolved = hasLikeContext(query.like) ? await resolveLikeContext(context, query.like) : null
  const tiers = resolved ? contextTiers(resolved) : []
  const parts: Part[] = segments.flatMap((segment) =>
    (tiers.length ? tiers : [null]).map((tier, i) => ({
      q: segment.q,
      matchingStrategy: segment.matchingStrategy,
      filter: tier === null ? filterFor(segment) : [...filterFor(segment), tier],
      sort: segment.sort,
      tier: tier === null ? null : i,
      added: segment.added,
    })),
  )

  // One request counts everything: each segment's total and facets (a filtered facet counted
  // without its own filter), and each part's total when there are context tiers.
  const filtered = FACETS.filter((facet) => query.filters[facet.key].length > 0)
  const counting: MultiSearchQuery[] = segments.flatMap((segment) => [
    {
      indexUid,
      q: segment.q,
      matchingStrategy: segment.matchingStrategy,
      filter: filterFor(segment),
      facets: FACETS.map((facet) => facet.field),
      page: 1,
      hitsPerPage: 0,
    },
    ...filtered.map((facet) => ({
      indexUid,
      q: segment.q,
      matchingStrategy: segment.matchingStrategy,
      filter: filterFor(segment, { ...query.filters, [facet.key]: [] }),
      facets: [facet.field],
      page: 1,
      hitsPerPage: 0,
    })),
  ])
  const partCounts: MultiSearchQuery[] = tiers.length
    ? parts.map((part) => ({
        indexUid,
        q: part.q,
        matchingStrategy: part.matchingStrategy,
        filter: part.filter,
        page: 1,
        hitsPerPage: 0,
      }))
    : []
  const { results } = await search.client.multiSearch({ queries: [...counting, ...partCounts] })
  const perSegment = 1 + filtered.length
  const segmentTotals = segments.map((_, s) => results[s * perSegment]!.totalHits ?? 0)
  const partTotals = tiers.length
    ? results.slice(counting.length).map((r) => r.totalHits ?? 0)
    : segmentTotals

  const distribution: Record<string, Record<string, number>> = {}
  const addCounts = (field: string, counts: Record<string, number> | undefined) => {
    const into = (distribution[field] ??= {})
    for (const [value, count] of Object.entries(counts ?? {}))
      into[value] = (into[value] ?? 0) + count
  }
  segments.forEach((_, s) => {
    const main = results[s * perSegment]!
    for (const facet of FACETS) {
      if (filtered.includes(facet)) continue
      addCounts(facet.field, main.facetDistribution?.[facet.field])
    }
    filtered.forEach((facet, i) =>
      addCounts(facet.field, results[s * perSegment + 1 + i]!.facetDistribution?.[facet.field]),
    )
  })

  const slices = pageSlices(partTotals, query.page, perPage)
  const options = resultOptions(indexUid, query, highlight)
  const page =
    slices.length > 0
      ? await search.client.multiSearch({
          queries: slices.map((slice) => {
            const part = parts[slice.tier]!
            return {
              ...options,
              q: part.q,
              matchingStrategy: part.matchingStrategy,
              filter: part.filter,
              sort: part.sort,
              offset: slice.offset,
              limit: slice.limit,
            }
          }),
        })
      : null
  const matchOf = (tier: number | null): LibraryHit['contextMatch'] =>
    tier === null || tier === tiers.length - 1 ? null : tier === 0 ? 'all' : 'phase'
  type Hit = CaseStudyDocument & { _formatted?: { summary?: string } }
  const hits = page
    ? page.results.flatMap((r, i) =>
        (r.hits as unknown as Hit[]).map((hit) =>
          toLibraryHit(hit, matchOf(parts[slices[i]!.tier]!.tier)),
        ),
      )
    : []

  const total = segmentTotals.reduce((a, b) => a + b, 0)
  return {
    source: 'search',
    query,
    total,
    pageCount: Math.ceil(total / perPage),
    facets: Object.fromEntries(
      FACETS.map((facet) => [facet.key, distribution[facet.field] ?? {}]),
    ) as LibraryResults['facets'],
    hits,
    context: resolved,
    interpretation: describe(understood, needs, segmentTotals[segments.indexOf(needSegment)] ?? 0),
  }
}

function describe(
  understood: Understanding<ConditionRow>,
  needs: { code: string; label: string }[],
  added: number,
): Interpretation {
  return {
    matched: understood.matched.map((entry) => ({
      name: entry.name,
      kind: entry.kind,
      needs: entry.needs.filter((code) => needs.some((n) => n.code === code)),
    })),
    needs,
    added,
  }
}
