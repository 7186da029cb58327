import type { AppLoadContext } from '@remix-run/node'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import { regions } from '../../seeds/data/regions'
import { evidenceStrengthLevels } from '../../seeds/data/taxonomy'
import type { FacetKey } from './library-query'

export interface FacetOption {
  value: string
  label: string
  /** For needs: the broad area of need the option sits under. */
  group?: string
}

/** Every value a reader can filter by, labelled from the taxonomy in the database. */
export async function loadFacetOptions(
  context: AppLoadContext,
): Promise<Record<FacetKey, FacetOption[]>> {
  return facetOptionsFrom(await listTaxonomyTerms(context.services.db))
}

/** The options from the taxonomy's terms; retired terms cannot be chosen. */
export function facetOptionsFrom(
  allTerms: Awaited<ReturnType<typeof listTaxonomyTerms>>,
): Record<FacetKey, FacetOption[]> {
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
