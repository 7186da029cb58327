import type { AppLoadContext } from '@remix-run/node'
import { isDatabaseUnavailable } from '../../db/availability'
import { listFacetTerms, type FacetTerm } from '../../db/repositories/taxonomy'
import { regions } from '../reference/regions'
import { evidenceStrengthLevels } from '../reference/taxonomy'
import type { FacetKey } from './library-query'
import { isDatabaseReachable, noteDatabaseReachable } from './without-database.server'

export interface FacetOption {
  value: string
  label: string
  /** For needs: the broad area of need the option sits under. */
  group?: string
}

type Term = FacetTerm

/**
 * Every value a reader can filter by, labelled from the taxonomy in the database, read afresh.
 */
export async function loadFacetOptions(
  context: AppLoadContext,
): Promise<Record<FacetKey, FacetOption[]>> {
  return facetOptionsFrom(await listFacetTerms(context.services.db))
}

/**
 * How long a library page may show the filter options last read: a renamed or retired term shows
 * on every instance within this time (at once on the instance where it was changed). Reading the
 * taxonomy for every page cost about 0.6 ms of the app's CPU and 0.5 ms of Postgres's per page.
 */
export const FACET_OPTIONS_TTL_MS = 5_000

// Per database handle (tests run several in one process): the options last read, and when.
const loaded = new WeakMap<
  object,
  { options: Record<FacetKey, FacetOption[]>; at: number; reading?: Promise<unknown> }
>()

/** After an administrator's change to the taxonomy: the next page reads it again. */
export function forgetFacetOptions(db: object) {
  loaded.delete(db)
}

/**
 * The facet options, read at most every FACET_OPTIONS_TTL_MS (one read at a time, shared by the
 * pages waiting for it). While Postgres cannot be reached, the last ones this process loaded, and
 * `degraded` tells the page to say so. With none loaded yet, the error is thrown.
 */
export async function loadFacetOptionsOrLastKnown(
  context: AppLoadContext,
): Promise<{ options: Record<FacetKey, FacetOption[]>; degraded: boolean }> {
  const { db } = context.services
  const slot = loaded.get(db)
  if (slot && performance.now() - slot.at < FACET_OPTIONS_TTL_MS) {
    // Fresh options; whether Postgres is there now is asked of it (a `select 1`, shared by the
    // pages asking at the same moment), so a page says so from the first request it cannot be
    // reached.
    return { options: slot.options, degraded: !(await isDatabaseReachable(context, 0)) }
  }
  try {
    const reading = slot?.reading ?? loadFacetOptions(context)
    if (slot) slot.reading = reading
    const options = (await reading) as Record<FacetKey, FacetOption[]>
    loaded.set(db, { options, at: performance.now() })
    lastLoaded = options
    noteDatabaseReachable(context, true)
    return { options, degraded: false }
  } catch (error) {
    if (slot) slot.reading = undefined
    if (!isDatabaseUnavailable(error)) throw error
    noteDatabaseReachable(context, false)
    const last = slot?.options ?? lastLoaded
    if (!last) throw error
    return { options: last, degraded: true }
  }
}

// The last options read from Postgres by any handle, for readers while Postgres is away.
let lastLoaded: Record<FacetKey, FacetOption[]> | null = null

/** The options from the taxonomy's terms; retired terms cannot be chosen. */
export function facetOptionsFrom(allTerms: Term[]): Record<FacetKey, FacetOption[]> {
  const terms = allTerms.filter((t) => !t.retiredAt)
  const areaLabels = new Map(
    terms.filter((t) => t.scheme === 'need_area').map((t) => [t.code, t.label]),
  )
  const scheme = (code: string) =>
    terms.filter((t) => t.scheme === code).map((t) => ({ value: t.code, label: t.label }))
  return {
    need: terms
      .filter((t) => t.scheme === 'need')
      .map((t) => ({
        value: t.code,
        label: t.label,
        group: areaLabels.get(t.parentCode ?? '') ?? 'Other needs',
      })),
    practice: scheme('practice'),
    phase: scheme('phase'),
    setting: scheme('setting'),
    region: regions.map((r) => ({ value: r.code, label: r.name })),
    evidence: [...evidenceStrengthLevels]
      .reverse()
      .map((level) => ({ value: String(level.value), label: level.label })),
  }
}
