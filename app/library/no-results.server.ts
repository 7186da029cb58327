import type { AppLoadContext } from '@remix-run/node'
import { loadVocabulary, searchLibraryInterpreted } from './interpretation.server'
import {
  FACETS,
  emptyFilters,
  withoutFilterValue,
  type FacetKey,
  type LibraryQuery,
} from './library-query'
import { nearestNames } from './query-understanding'

// When a library search finds nothing, the page helps: the conditions or needs closest to what was
// typed (a search for each, or the need's filter), and which of the reader's filters to remove, with
// how many case studies each removal would show. Run only for a search with no results.

export interface NoResultsHelp {
  /** Conditions, phrases and needs whose names are close to the words typed. */
  closest: ({ kind: 'condition'; name: string } | { kind: 'need'; code: string; name: string })[]
  /** Each filter chosen, with how many case studies the search finds without it (those that find some). */
  filters: { key: FacetKey | 'running'; value: string; count: number }[]
  /** How many the words find with no filters at all (null unless several were chosen). */
  withoutFilters: number | null
}

/** At most this many filter removals are counted (each is a search). */
const MAX_COUNTED = 6

export async function helpForNoResults(
  context: AppLoadContext,
  query: LibraryQuery,
): Promise<NoResultsHelp> {
  const [closest, counted] = await Promise.all([
    closestNames(context, query.q),
    countWithout(context, query),
  ])
  return { closest, ...counted }
}

async function closestNames(context: AppLoadContext, q: string): Promise<NoResultsHelp['closest']> {
  if (!q.trim()) return []
  const vocabulary = await loadVocabulary(context).catch(() => null)
  if (!vocabulary) return []
  type Value = { kind: 'condition'; name: string } | { kind: 'need'; code: string; name: string }
  const names: { value: Value; name: string }[] = []
  for (const entry of vocabulary.compiled.entries) {
    const value: Value = { kind: 'condition', name: entry.name }
    for (const name of [entry.name, ...entry.otherNames]) names.push({ value, name })
  }
  for (const [code, label] of vocabulary.needLabels) {
    names.push({ value: { kind: 'need', code, name: label }, name: label })
  }
  return nearestNames(q, names).map((near) => near.value)
}

async function countWithout(
  context: AppLoadContext,
  query: LibraryQuery,
): Promise<Pick<NoResultsHelp, 'filters' | 'withoutFilters'>> {
  const chosen: { key: FacetKey | 'running'; value: string; query: LibraryQuery }[] = [
    ...FACETS.flatMap((facet) =>
      query.filters[facet.key].map((value) => ({
        key: facet.key,
        value,
        query: withoutFilterValue(query, facet.key, value),
      })),
    ),
    ...(query.running
      ? [{ key: 'running' as const, value: 'yes', query: { ...query, running: false } }]
      : []),
  ]
  if (chosen.length === 0) return { filters: [], withoutFilters: null }
  const count = (variant: LibraryQuery) =>
    searchLibraryInterpreted(context, { ...variant, page: 1 }, 1).then(
      (results) => results.total,
      () => 0,
    )
  const counted = chosen.slice(0, MAX_COUNTED)
  // With one filter, removing it is the same as removing them all: counted once.
  const [withoutFilters, ...counts] = await Promise.all([
    chosen.length > 1 ? count({ ...query, filters: emptyFilters(), running: false }) : null,
    ...counted.map((filter) => count(filter.query)),
  ])
  return {
    filters: counted
      .map((filter, i) => ({ key: filter.key, value: filter.value, count: counts[i]! }))
      .filter((filter) => filter.count > 0),
    withoutFilters: withoutFilters ?? null,
  }
}
