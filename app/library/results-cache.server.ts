import type { AppLoadContext } from '@remix-run/node'
import type { SearchService } from '../../search/client'
import type { Env } from '../utils/env.server'

// A short-lived cache of library search results, shared by everyone this instance serves. Most
// views of the library are the same few searches (the library's first page, a handful of needs
// and words) and each one cost Meilisearch a multi-search and the app the parsing of its answer;
// the same search within a few seconds now costs neither. Honest by construction:
// - Results are the same for every reader (the library shows published case studies alone, and
//   nothing about who is asking), so sharing them shows no one anything they could not see.
// - A result is reused for LIBRARY_CACHE_SECONDS at most (5 by default), and never after this
//   process has changed the index (a case study published, updated or withdrawn, synonyms
//   applied, a rebuild): other instances see such a change within that time, as the index
//   itself takes a moment to apply it. Withdrawn practice leaves every page within 5 seconds.
// - The Postgres fallback's results (Meilisearch away) are not kept, so search is back at once.
// - Concurrent requests for the same search share one multi-search rather than each sending it.
// - At most MAX_ENTRIES searches are kept; the least recently used go first.

const MAX_ENTRIES = 500

interface Entry<T> {
  at: number
  generation: number
  result: Promise<T>
}

// Per search service (tests run several in one process).
const caches = new WeakMap<SearchService, Map<string, Entry<unknown>>>()

/** How long results are kept: LIBRARY_CACHE_SECONDS, else 5 s (0, no cache, under test). */
export function resultsCacheMs(env: Pick<Env, 'LIBRARY_CACHE_SECONDS' | 'NODE_ENV'>) {
  return (env.LIBRARY_CACHE_SECONDS ?? (env.NODE_ENV === 'test' ? 0 : 5)) * 1000
}

/**
 * The search's results: kept ones if fresh, else from `search` (then kept when `keep` says so).
 * `key` must name everything the results depend on.
 */
export function cachedResults<T>(
  context: AppLoadContext,
  key: string,
  search: () => Promise<T>,
  keep: (results: T) => boolean,
): Promise<T> {
  const { env, search: service } = context.services
  const ttl = resultsCacheMs(env)
  if (ttl === 0) return search()
  let cache = caches.get(service)
  if (!cache) caches.set(service, (cache = new Map()))
  const now = performance.now()
  const generation = service.changes.count
  const kept = cache.get(key) as Entry<T> | undefined
  cache.delete(key)
  if (kept && kept.generation === generation && now - kept.at < ttl) {
    cache.set(key, kept) // the most recently used, last
    return kept.result
  }
  const result = search()
  const entry: Entry<T> = { at: now, generation, result }
  cache.set(key, entry)
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  const forget = () => {
    if (cache.get(key) === entry) cache.delete(key)
  }
  result.then((results) => (keep(results) ? undefined : forget()), forget)
  return result
}
