import type { AppLoadContext } from '@remix-run/node'
import { isDatabaseUnavailable } from '../../db/availability'
import { listFacetTerms, type FacetTerm } from '../../db/repositories/taxonomy'
import { regions } from '../reference/regions'
import { evidenceStrengthLevels } from '../reference/taxonomy'
import type { FacetKey } from './library-query'
import { noteDatabaseReachable } from './without-database.server'

export interface FacetOption {
  value: string
  label: string
  /** For needs: the broad area of need the option sits under. */
  group?: string
}

type Term = FacetTerm

/**
 * Every value a reader can filter by, labelled from the taxonomy in the database. Read for every
 * library page, so that a renamed or retired term shows at once and the page knows when Postgres
 * is away.
 */
export async function loadFacetOptions(
  context: AppLoadContext,
): Promise<Record<FacetKey, FacetOption[]>> {
  return facetOptionsFrom(await listFacetTerms(context.services.db))
}

// The last options read from Postgres, for readers of the library while Postgres is away.
let lastLoaded: Record<FacetKey, FacetOption[]> | null = null

/**
 * The facet options, or while Postgres cannot be reached the last ones this process loaded
 * (`degraded` then tells the page to say so). With none loaded yet, the error is thrown.
 */
export async function loadFacetOptionsOrLastKnown(
  context: AppLoadContext,
): Promise<{ options: Record<FacetKey, FacetOption[]>; degraded: boolean }> {
  try {
    lastLoaded = await loadFacetOptions(context)
    noteDatabaseReachable(context, true)
    return { options: lastLoaded, degraded: false }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    noteDatabaseReachable(context, false)
    if (!lastLoaded) throw error
    return { options: lastLoaded, degraded: true }
  }
}

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
