import type { Kysely } from 'kysely'
import {
  findCaseStudyVersion,
  listCaseStudyVersions,
} from '../../db/repositories/case-study-versions'
import type { CaseStudyWithTags } from '../../db/repositories/case-studies'
import type { DB } from '../../db/types'
import { evidenceStrengthLabel } from '../library/evidence-strength'
import { guardPublicDocument } from '../privacy/public-boundary.server'
import { toPublicCaseStudy } from '../privacy/public-view'
import { readPublishedValues, type PublishedValues } from '../privacy/published-fields'
import { formatLondonDate } from '../utils/london-time'
import { practiceStatusLabels, type PracticeStatus } from './review-state'

export interface VersionEntry {
  number: number
  date: string
  publishedAt: string
  changeSummary: string
  evidenceStrength: number | null
  evidenceLabel: string
  status: string
}

/**
 * A case study's versions for its public page, its API answer and its exports, oldest first. A
 * case study never followed up has no stored versions and is its own version 1.
 */
export async function listVersions(
  db: Kysely<DB>,
  caseStudyIds: readonly string[],
): Promise<Map<string, VersionEntry[]>> {
  const rows = await listCaseStudyVersions(db, caseStudyIds)
  const byId = new Map<string, VersionEntry[]>()
  for (const row of rows) {
    const list = byId.get(row.case_study_id) ?? []
    list.push({
      number: row.number,
      date: formatLondonDate(new Date(row.published_at)),
      publishedAt: new Date(row.published_at).toISOString(),
      changeSummary: row.change_summary,
      evidenceStrength: row.evidence_strength,
      evidenceLabel: evidenceStrengthLabel(row.evidence_strength),
      status: practiceStatusLabels[row.practice_status as PracticeStatus] ?? row.practice_status,
    })
    byId.set(row.case_study_id, list)
  }
  return byId
}

const stringOr = (value: unknown, fallback: string) =>
  typeof value === 'string' ? value : fallback

/**
 * The published values an earlier version stored, read defensively: a missing title or
 * organisation name falls back to the current one, any other missing text to nothing. What its
 * permalink shows, and so what the personal-data rescan reads.
 */
export function storedVersionValues(stored: unknown, current: PublishedValues): PublishedValues {
  const json = (stored ?? {}) as Record<string, unknown>
  return readPublishedValues({
    title: stringOr(json.title, current.title),
    summary: stringOr(json.summary, ''),
    challenge: stringOr(json.challenge, ''),
    practice: stringOr(json.practice, ''),
    impact: stringOr(json.impact, ''),
    key_factors: stringOr(json.key_factors, ''),
    advice: stringOr(json.advice, ''),
    cost_and_resources: stringOr(json.cost_and_resources, ''),
    organisation_name: stringOr(json.organisation_name, current.organisation_name),
    measures: json.measures,
    keywords: Array.isArray(json.keywords)
      ? json.keywords.filter((k): k is string => typeof k === 'string')
      : [],
  })
}

/**
 * One version of a published case study as the public may see it: the current row for the current
 * version, else the stored text of that version (with the row's reference data), through the one
 * public view and the boundary guard, like every public surface. Null when there is no such
 * version or the guard refuses it.
 */
export async function publicVersion(db: Kysely<DB>, row: CaseStudyWithTags, number: number) {
  if (number === row.public_version)
    return guardPublicDocument(db, row.id, toPublicCaseStudy(row), 'library-page')
  if (number < 1 || number > row.public_version) return null
  const stored = await findCaseStudyVersion(db, row.id, number)
  if (!stored) return null
  const values = storedVersionValues(stored.published_values, readPublishedValues(row))
  const view = toPublicCaseStudy({
    ...row,
    ...values,
    measures: values.measures as unknown as CaseStudyWithTags['measures'],
    evidence_strength: stored.evidence_strength,
    public_version: number,
    last_reviewed_at: new Date(stored.published_at),
    practice_status: stored.practice_status,
    practice_status_since: null,
  })
  return guardPublicDocument(db, row.id, view, 'library-page')
}
