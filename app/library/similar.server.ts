import type { AppLoadContext } from '@remix-run/node'
import { LRUCache } from 'lru-cache'
import { findSimilarCaseStudies } from '../../db/repositories/case-studies'
import { withoutIdentifiers } from '../privacy/public-boundary.server'

type Similar = Awaited<ReturnType<typeof findSimilarCaseStudies>>

// "Similar practice" counts shared needs and practices across the whole corpus, which costs tens of
// milliseconds at 10,000 case studies. It is a related-links box, so a list up to ten minutes old is
// fine: each instance keeps the most viewed case studies' lists in memory.
const cache = new LRUCache<string, Similar>({ max: 5000, ttl: 10 * 60_000 })

export async function similarPractice(
  context: AppLoadContext,
  caseStudyId: string,
): Promise<Similar> {
  const cached = cache.get(caseStudyId)
  if (cached) return cached
  const similar = await withoutIdentifiers(
    context.services.db,
    await findSimilarCaseStudies(context.services.db, caseStudyId),
    'library-page',
  )
  cache.set(caseStudyId, similar)
  return similar
}
