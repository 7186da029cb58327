// The filter shared by the evidence dashboard, the gap map and every export: the library's
// vocabulary (need, practice, phase, setting, region, evidence strength) plus call, moderation
// status and consent, and who the output is for. It lives in the URL, so any view can be shared
// and reproduced. No server code here: the filter panel in the browser uses it too.
import type { EvidenceScope } from '../../db/repositories/evidence'
import { FACETS, emptyFilters, parseFacetFilters, type FacetKey } from '../library/library-query'

export const EVIDENCE_STATUSES = [
  { value: 'published', label: 'Published in the library' },
  { value: 'approved', label: 'Approved, not published' },
  { value: 'in_review', label: 'In review' },
  { value: 'changes_requested', label: 'Changes requested' },
] as const
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number]['value']

export const CONSENTS = [
  { value: 'named', label: 'Publish, naming the organisation' },
  { value: 'anonymised', label: 'Publish anonymised' },
  { value: 'evidence-only', label: 'Evidence only, not published' },
] as const
export type Consent = (typeof CONSENTS)[number]['value']

/**
 * Internal: for the advisory group (evidence-only responses included). Publication: only what
 * the library already shows, with counts under 5 from a single school suppressed.
 */
export type EvidenceAudience = 'internal' | 'publication'

export interface EvidenceFilter {
  facets: Record<FacetKey, string[]>
  calls: string[]
  statuses: EvidenceStatus[]
  consents: Consent[]
  audience: EvidenceAudience
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

export function emptyEvidenceFilter(): EvidenceFilter {
  return { facets: emptyFilters(), calls: [], statuses: [], consents: [], audience: 'internal' }
}

function listOf(params: URLSearchParams, key: string): string[] {
  return [
    ...new Set(
      params
        .getAll(key)
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ]
}

function pick<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly { value: T }[],
  problems: string[],
): T[] {
  const values = listOf(params, key)
  const valid = values.filter((v): v is T => allowed.some((a) => a.value === v))
  if (valid.length < values.length) problems.push(`${key} has a value that is not allowed`)
  return valid
}

/** Reads the filter from URL parameters; unknown values are reported and left out. */
export function parseEvidenceFilter(params: URLSearchParams): {
  filter: EvidenceFilter
  problems: string[]
} {
  const problems: string[] = []
  const facets = parseFacetFilters(params, problems)
  const calls = listOf(params, 'call')
  const validCalls = calls.filter((c) => c.length <= 100 && SLUG.test(c)).slice(0, 20)
  if (validCalls.length < calls.length) problems.push('call has a value that is not a call')
  const audienceParam = params.get('for')
  if (audienceParam !== null && audienceParam !== 'publication' && audienceParam !== 'internal')
    problems.push('for must be publication or internal')
  const audience: EvidenceAudience = audienceParam === 'publication' ? 'publication' : 'internal'
  return {
    filter: {
      facets,
      calls: validCalls,
      statuses: pick(params, 'status', EVIDENCE_STATUSES, problems),
      consents: pick(params, 'consent', CONSENTS, problems),
      audience,
    },
    problems,
  }
}

export function evidenceSearchParams(filter: EvidenceFilter): URLSearchParams {
  const params = new URLSearchParams()
  for (const facet of FACETS)
    for (const value of filter.facets[facet.key]) params.append(facet.key, value)
  for (const call of filter.calls) params.append('call', call)
  if (filter.audience === 'internal')
    for (const status of filter.statuses) params.append('status', status)
  for (const consent of filter.consents) params.append('consent', consent)
  if (filter.audience === 'publication') params.set('for', 'publication')
  return params
}

/** A path with the filter as its query string. */
export function evidenceHref(path: string, filter: EvidenceFilter): string {
  const search = evidenceSearchParams(filter).toString()
  return search ? `${path}?${search}` : path
}

/** Consents a publication may draw on: evidence-only responses are never published. */
function consentsFor(filter: EvidenceFilter): string[] {
  return filter.audience === 'publication'
    ? filter.consents.filter((c) => c !== 'evidence-only')
    : filter.consents
}

/** The scope of the one evidence query that this filter asks for. */
export function toEvidenceScope(filter: EvidenceFilter): EvidenceScope {
  const consents = consentsFor(filter)
  return {
    audience: filter.audience === 'publication' ? 'public' : 'internal',
    statuses: statusesShown(filter),
    // Asked only for evidence-only, a publication has nothing to show: say so by matching nothing.
    consents: filter.consents.length > 0 && consents.length === 0 ? ['none'] : consents,
    callSlugs: filter.calls,
    tags: {
      need: filter.facets.need,
      practice: filter.facets.practice,
      phase: filter.facets.phase,
      setting: filter.facets.setting,
    },
    regions: filter.facets.region,
    evidence: filter.facets.evidence.map(Number),
  }
}

export function statusesShown(filter: EvidenceFilter): EvidenceStatus[] {
  if (filter.audience === 'publication') return ['published']
  return filter.statuses.length > 0 ? filter.statuses : ['published', 'approved']
}
