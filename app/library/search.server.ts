import type { AppLoadContext } from '@remix-run/node'
import { searchPublishedCaseStudiesInPostgres } from '../../db/repositories/case-studies'
import type { CaseStudyDocument } from '../../search/documents'

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
  isFictional: boolean
  organisationName: string | null
  laName: string | null
  needLabels: string[]
  practiceLabels: string[]
}

export interface LibraryResults {
  source: 'search' | 'fallback'
  query: string
  total: number
  page: number
  pageCount: number
  hits: LibraryHit[]
}

export function splitHighlights(text: string): LibraryHit['summary'] {
  const runs: LibraryHit['summary'] = []
  for (const [i, part] of text.split(new RegExp(`[${MARK_START}${MARK_END}]`)).entries()) {
    if (part) runs.push({ text: part, highlighted: i % 2 === 1 })
  }
  return runs
}

/**
 * Searches the library in Meilisearch; if Meilisearch cannot answer, falls back to Postgres
 * full-text search so that readers get results and a notice rather than an error page.
 */
export async function searchLibrary(
  context: AppLoadContext,
  input: { query: string; page: number },
): Promise<LibraryResults> {
  const { search, db, log } = context.services
  const offset = (input.page - 1) * PAGE_SIZE
  try {
    const response = await search.client
      .index<CaseStudyDocument>(search.caseStudiesIndex)
      .search(input.query, {
        offset,
        limit: PAGE_SIZE,
        attributesToRetrieve: [
          'slug',
          'title',
          'summary',
          'evidenceStrength',
          'publishedAt',
          'isFictional',
          'organisationName',
          'laName',
          'needLabels',
          'practiceLabels',
        ],
        attributesToHighlight: ['summary'],
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
        sort: input.query ? undefined : ['publishedAt:desc'],
      })
    const total = response.estimatedTotalHits ?? response.hits.length
    return {
      source: 'search',
      query: input.query,
      total,
      page: input.page,
      pageCount: Math.ceil(total / PAGE_SIZE),
      hits: response.hits.map((hit) => ({
        slug: hit.slug,
        title: hit.title,
        summary: splitHighlights(hit._formatted?.summary ?? hit.summary),
        evidenceStrength: hit.evidenceStrength,
        publishedAt: hit.publishedAt ? new Date(hit.publishedAt * 1000).toISOString() : null,
        isFictional: hit.isFictional,
        organisationName: hit.organisationName,
        laName: hit.laName,
        needLabels: hit.needLabels,
        practiceLabels: hit.practiceLabels,
      })),
    }
  } catch (error) {
    log.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'library search fell back to Postgres',
    )
    const { rows, total } = await searchPublishedCaseStudiesInPostgres(db, {
      query: input.query,
      limit: PAGE_SIZE,
      offset,
    })
    return {
      source: 'fallback',
      query: input.query,
      total,
      page: input.page,
      pageCount: Math.ceil(total / PAGE_SIZE),
      hits: rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        summary: [{ text: row.summary, highlighted: false }],
        evidenceStrength: row.evidence_strength,
        publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
        isFictional: row.is_fictional,
        organisationName: null,
        laName: null,
        needLabels: [],
        practiceLabels: [],
      })),
    }
  }
}
