import { MeiliSearch } from 'meilisearch'
import { meilisearchTransport } from './http-client'

export interface SearchConfig {
  url: string
  masterKey: string
  /** Lets tests, and several deployments sharing one server, keep their indexes apart. */
  indexPrefix: string
}

export interface SearchService {
  client: MeiliSearch
  /** Name of the live case-study index that the library reads. */
  caseStudiesIndex: string
  indexPrefix: string
  /**
   * How many times this process has changed the live index (documents or settings): search
   * results read before a change are never reused after it (app/library/results-cache.server.ts).
   */
  changes: { count: number }
}

/** After this process has changed what the live index holds or how it searches. */
export function noteIndexChanged(search: SearchService) {
  search.changes.count++
}

export function createSearchService(config: SearchConfig): SearchService {
  return {
    client: new MeiliSearch({
      host: config.url,
      apiKey: config.masterKey,
      httpClient: meilisearchTransport,
    }),
    caseStudiesIndex: `${config.indexPrefix}case_studies`,
    indexPrefix: config.indexPrefix,
    changes: { count: 0 },
  }
}
