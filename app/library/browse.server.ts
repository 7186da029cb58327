import type { AppLoadContext } from '@remix-run/node'
import { findTerm } from '../../db/repositories/taxonomy'
import { emptyFilters, libraryHref, type LibraryQuery } from './library-query'
import { searchLibrary } from './search.server'
import { evidenceStrengthLabel } from './evidence-strength'

type BrowseFacet = 'need' | 'practice'

/** A landing page's data: the term, what it means, and the newest case studies tagged with it. */
export async function loadBrowsePage(context: AppLoadContext, facet: BrowseFacet, code: string) {
  if (!/^[A-Za-z0-9-]{1,60}$/.test(code)) return null
  const term = await findTerm(context.services.db, facet, code)
  if (!term) return null
  const query: LibraryQuery = {
    q: '',
    filters: { ...emptyFilters(), [facet]: [term.code] },
    sort: 'newest',
    page: 1,
    like: {},
  }
  const results = await searchLibrary(context, query, 10)
  return {
    facet,
    term,
    total: results.total,
    fullSearch: libraryHref(query),
    hits: results.hits.map((hit) => ({
      slug: hit.slug,
      title: hit.title,
      summary: hit.summary.map((run) => run.text).join(''),
      evidence: evidenceStrengthLabel(hit.evidenceStrength),
    })),
  }
}
