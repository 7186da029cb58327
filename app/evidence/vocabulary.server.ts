import type { AppLoadContext } from '@remix-run/node'
import { listCalls } from '../../db/repositories/calls'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import { regions } from '../reference/regions'
import { facetOptionsFrom } from '../library/facet-options.server'
import { evidenceStrengthLevels } from '../reference/taxonomy'
import { FACETS, type FacetKey } from '../library/library-query'
import { CONSENTS, EVIDENCE_STATUSES, statusesShown, type EvidenceFilter } from './evidence-filter'
import { ORGANISATION_TYPES } from './organisation-types'

export interface Option {
  value: string
  label: string
}

export interface NeedArea extends Option {
  needs: Option[]
}

/** Labels for everything a filter or a figure can name, read once per request. */
export interface EvidenceVocabulary {
  facets: Record<FacetKey, Option[]>
  areas: NeedArea[]
  calls: Option[]
  /** Every term, retired ones included: old case studies may still carry them. */
  label: (scheme: string, code: string) => string
}

export async function loadEvidenceVocabulary(context: AppLoadContext): Promise<EvidenceVocabulary> {
  const { db } = context.services
  const [terms, calls] = await Promise.all([listTaxonomyTerms(db), listCalls(db)])
  const live = terms.filter((t) => !t.retiredAt)
  const areas = live
    .filter((t) => t.scheme === 'need_area')
    .map((area) => ({
      value: area.code,
      label: area.label,
      needs: live
        .filter((t) => t.scheme === 'need' && t.parentCode === area.code)
        .map((t) => ({ value: t.code, label: t.label })),
    }))
  const labels = new Map(terms.map((t) => [`${t.scheme}:${t.code}`, t.label]))
  for (const r of regions) labels.set(`region:${r.code}`, r.name)
  for (const level of evidenceStrengthLevels) labels.set(`evidence:${level.value}`, level.label)
  for (const s of EVIDENCE_STATUSES) labels.set(`status:${s.value}`, s.label)
  for (const c of CONSENTS) labels.set(`consent:${c.value}`, c.label)
  for (const call of calls) labels.set(`call:${call.slug}`, call.title)
  for (const kind of ORGANISATION_TYPES) labels.set(`organisation:${kind.value}`, kind.label)
  return {
    facets: facetOptionsFrom(terms),
    areas,
    calls: calls.map((call) => ({ value: call.slug, label: call.title })),
    label: (schemeCode, code) => labels.get(`${schemeCode}:${code}`) ?? code,
  }
}

const list = (labels: string[]) =>
  labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`

/**
 * The filter in plain words, for page captions, export covers and audit events, e.g.
 * "Case studies about Autism or SEMH, in the North West, published or approved, from all calls".
 */
export function describeEvidenceFilter(
  filter: EvidenceFilter,
  vocabulary: EvidenceVocabulary,
): string[] {
  const { label } = vocabulary
  const facetLabel = (key: FacetKey) => filter.facets[key].map((v) => label(key, v))
  const lines: string[] = []
  lines.push(
    filter.audience === 'publication'
      ? 'For publication: published case studies only, small counts from one school suppressed'
      : 'For the advisory group: includes evidence-only responses',
  )
  lines.push(`Status: ${list(statusesShown(filter).map((s) => label('status', s)))}`)
  lines.push(
    filter.calls.length > 0
      ? `Call: ${list(filter.calls.map((c) => label('call', c)))}`
      : 'Call: all calls (and case studies written by the team)',
  )
  for (const facet of FACETS) {
    if (filter.facets[facet.key].length > 0)
      lines.push(`${facet.label}: ${list(facetLabel(facet.key))}`)
  }
  if (filter.consents.length > 0)
    lines.push(`Consent: ${list(filter.consents.map((c) => label('consent', c)))}`)
  return lines
}
