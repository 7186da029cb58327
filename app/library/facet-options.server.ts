import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { isDatabaseUnavailable } from '../../db/availability'
import type { listTaxonomyTerms } from '../../db/repositories/taxonomy'
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

type Term = Pick<
  Awaited<ReturnType<typeof listTaxonomyTerms>>[number],
  'scheme' | 'code' | 'label' | 'parentCode' | 'retiredAt'
>

/**
 * Every value a reader can filter by, labelled from the taxonomy in the database. Read for every
 * library page, so that a renamed or retired term shows at once and the page knows when Postgres
 * is away: only the live terms of the schemes the options use, without their descriptions, in a
 * statement Postgres keeps prepared. (It belongs beside listTaxonomyTerms in
 * db/repositories/taxonomy.ts; it is here while that folder is being reorganised.)
 */
export async function loadFacetOptions(
  context: AppLoadContext,
): Promise<Record<FacetKey, FacetOption[]>> {
  const { rows } = await sql<Term>`
    select t.scheme_code as scheme, t.code, t.label, p.code as "parentCode",
      t.retired_at as "retiredAt"
    from taxonomy_terms t left join taxonomy_terms p on p.id = t.parent_id
    where t.retired_at is null
      and t.scheme_code in ('need_area', 'need', 'practice', 'phase', 'setting')
    order by t.scheme_code, t.position`.execute(context.services.db)
  return facetOptionsFrom(rows)
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
