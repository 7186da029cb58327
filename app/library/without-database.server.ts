import type { AppLoadContext } from '@remix-run/node'
import { isDatabaseUnavailable } from '../../db/availability'
import { pingDatabase } from '../../db/repositories/health'
import type { CaseStudyDocument } from '../../search/documents'
import type { PublicCaseStudy } from '../privacy/public-view'

// While Postgres is away the public library keeps serving from the search index, which holds each
// published case study's public view (built by toPublicCaseStudy, and guarded before indexing).

/**
 * Runs a Postgres read; if Postgres cannot be reached, runs `fallback` instead. Should the fallback
 * fail too, the Postgres error is thrown, so the page answers 503 as before.
 */
export async function orFromIndex<T, F>(
  context: AppLoadContext,
  read: () => Promise<T>,
  fallback: () => Promise<F>,
): Promise<{ degraded: false; value: T } | { degraded: true; value: F }> {
  try {
    return { degraded: false, value: await read() }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    try {
      const value = await fallback()
      context.services.log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'database unavailable; answered from the search index',
      )
      return { degraded: true, value }
    } catch (searchError) {
      context.services.log.warn(
        { error: searchError instanceof Error ? searchError.message : String(searchError) },
        'search index unavailable too',
      )
      throw error
    }
  }
}

/** One published case study's public view, read from the search index by its slug. */
export async function findIndexedCaseStudy(
  context: AppLoadContext,
  slug: string,
): Promise<PublicCaseStudy | null> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null
  const { search } = context.services
  const { hits } = await search.client
    .index(search.caseStudiesIndex)
    .search<CaseStudyDocument>('', { filter: [`slug = "${slug}"`], limit: 1 })
  const doc = hits[0]
  if (!doc) return null
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    challenge: doc.challenge,
    practice: doc.practice,
    impact: doc.impact,
    key_factors: doc.keyFactors,
    advice: doc.advice,
    // Documents indexed before these fields existed lack them until the next sync.
    cost_and_resources: doc.costAndResources ?? '',
    measures: doc.measures ?? [],
    keywords: doc.keywords,
    organisation_name: doc.organisationName,
    organisation_kind: doc.organisationKind,
    la_code: doc.laCode,
    la_name: doc.laName,
    region_code: doc.region,
    region_name: doc.regionName,
    evidence_strength: doc.evidenceStrength,
    is_fictional: doc.isFictional,
    published_at: new Date(doc.publishedAt * 1000).toISOString(),
    tags: doc.tags ?? [],
  }
}

/** Whether Postgres answers now: for answers that never need it but must say when it is away. */
export async function isDatabaseReachable(context: AppLoadContext): Promise<boolean> {
  try {
    await pingDatabase(context.services.db)
    return true
  } catch (error) {
    if (isDatabaseUnavailable(error)) return false
    throw error
  }
}
