import type { AppLoadContext } from '@remix-run/node'
import { isDatabaseUnavailable } from '../../db/availability'
import { lastConnectionClosedAt } from '../../db/client'
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
    version: doc.version ?? 1,
    last_reviewed_at: new Date((doc.lastReviewedAt ?? doc.publishedAt) * 1000).toISOString(),
    practice_status: (doc.practiceStatus ?? 'running') as PublicCaseStudy['practice_status'],
    practice_status_since: doc.practiceStatusSince
      ? new Date(doc.practiceStatusSince * 1000).toISOString()
      : null,
  }
}

// Whether Postgres answered lately, for answers that never need it but must say when it is away
// (the public API's `degraded`). Every library page reads the taxonomy from Postgres and notes
// here whether that worked; otherwise a ping, shared by every request waiting for it, runs when
// nothing has been heard for a quarter of a second. Under load the API then costs Postgres a few
// pings a second rather than one a request, and says Postgres is away at most a quarter of a
// second late (at once, if a page has just found it so). Kept per database handle, as tests run
// several in one process.
const FRESH_MS = 250
const heard = new WeakMap<object, { reachable?: boolean; at: number; ping?: Promise<boolean> }>()

/** Records what a read from Postgres just found: it answered, or it could not be reached. */
export function noteDatabaseReachable(context: AppLoadContext, reachable: boolean) {
  const slot = heard.get(context.services.db)
  if (slot) Object.assign(slot, { reachable, at: performance.now() })
  else heard.set(context.services.db, { reachable, at: performance.now() })
}

/** Whether Postgres answers: as last heard, if that was within the last quarter of a second. */
export async function isDatabaseReachable(
  context: AppLoadContext,
  freshMs = FRESH_MS,
): Promise<boolean> {
  const { db } = context.services
  let slot = heard.get(db)
  // Fresh, unless a connection has closed since (as every one does when Postgres stops).
  if (
    slot?.reachable !== undefined &&
    performance.now() - slot.at < freshMs &&
    lastConnectionClosedAt(db) < slot.at
  )
    return slot.reachable
  if (!slot) heard.set(db, (slot = { at: 0 }))
  slot.ping ??= pingDatabase(db)
    .then(
      () => true,
      (error: unknown) => {
        if (!isDatabaseUnavailable(error)) throw error
        return false
      },
    )
    .then((reachable) => {
      noteDatabaseReachable(context, reachable)
      return reachable
    })
    .finally(() => (slot.ping = undefined))
  return slot.ping
}
