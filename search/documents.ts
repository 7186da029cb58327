import { createHash } from 'node:crypto'
import type { CaseStudyTag } from '../db/repositories/case-studies'
import { identifiersIn, type BoundaryFinding } from '../app/privacy/identifiers'
import type { Measure } from '../app/privacy/published-fields'
import { toPublicCaseStudy, type PublicCaseStudyRow } from '../app/privacy/public-view'

/**
 * The only shape that reaches Meilisearch. Built field by field from an allow-list: respondents'
 * contact details, submission ids and moderators' notes are never copied in.
 */
export interface CaseStudyDocument {
  id: string
  slug: string
  title: string
  summary: string
  challenge: string
  practice: string
  impact: string
  keyFactors: string
  advice: string
  /** Display-only (not searchable), so the library page can be shown from the index alone. */
  costAndResources: string
  measures: Measure[]
  tags: CaseStudyTag[]
  keywords: string[]
  needs: string[]
  needLabels: string[]
  needAreas: string[]
  practices: string[]
  practiceLabels: string[]
  phases: string[]
  settings: string[]
  outcomes: string[]
  principles: string[]
  region: string | null
  regionName: string | null
  laCode: string | null
  laName: string | null
  organisationKind: string
  organisationName: string | null
  evidenceStrength: number | null
  isFictional: boolean
  publishedAt: number
  /** The current version's number (follow-ups publish new versions). */
  version: number
  /** When a moderator last reviewed it (first publication until a follow-up), for sorting. */
  lastReviewedAt: number
  /** running, changed or stopped, for the "still running" filter. */
  practiceStatus: string
  practiceStatusSince: number | null
  contentHash: string
}

/** A published case study as Meilisearch holds it: built from the one public view. */
export function toCaseStudyDocument(row: PublicCaseStudyRow): CaseStudyDocument {
  const view = toPublicCaseStudy(row)
  const tagsOf = (scheme: string) => view.tags.filter((tag) => tag.scheme === scheme)
  const needs = tagsOf('need')
  const practices = tagsOf('practice')
  const body: Omit<CaseStudyDocument, 'contentHash'> = {
    id: view.id,
    slug: view.slug,
    title: view.title,
    summary: view.summary,
    challenge: view.challenge,
    practice: view.practice,
    impact: view.impact,
    keyFactors: view.key_factors,
    advice: view.advice,
    costAndResources: view.cost_and_resources,
    measures: view.measures,
    tags: view.tags,
    keywords: view.keywords,
    needs: needs.map((t) => t.code),
    needLabels: needs.map((t) => t.label),
    needAreas: [...new Set(needs.map((t) => t.parentCode).filter((c): c is string => c !== null))],
    practices: practices.map((t) => t.code),
    practiceLabels: practices.map((t) => t.label),
    phases: tagsOf('phase').map((t) => t.code),
    settings: tagsOf('setting').map((t) => t.code),
    outcomes: tagsOf('outcome').map((t) => t.code),
    principles: tagsOf('principle').map((t) => t.code),
    region: view.region_code,
    regionName: view.region_name,
    laCode: view.la_code,
    laName: view.la_name,
    organisationKind: view.organisation_kind,
    organisationName: view.organisation_name,
    evidenceStrength: view.evidence_strength,
    isFictional: view.is_fictional,
    publishedAt: Math.floor(new Date(view.published_at ?? 0).getTime() / 1000),
    version: view.version,
    lastReviewedAt: Math.floor(new Date(view.last_reviewed_at ?? 0).getTime() / 1000),
    practiceStatus: view.practice_status,
    practiceStatusSince: view.practice_status_since
      ? Math.floor(new Date(view.practice_status_since).getTime() / 1000)
      : null,
  }
  return { ...body, contentHash: hashOf(body) }
}

/**
 * The documents that may be indexed, and the case studies the boundary guard refused: any
 * document holding a check-digit-valid pupil identifier is never sent to Meilisearch.
 */
export function toIndexableDocuments(rows: PublicCaseStudyRow[]) {
  const documents: CaseStudyDocument[] = []
  const refused: { id: string; findings: BoundaryFinding[] }[] = []
  for (const row of rows) {
    const document = toCaseStudyDocument(row)
    const findings = identifiersIn(document)
    if (findings.length === 0) documents.push(document)
    else refused.push({ id: row.id, findings })
  }
  return { documents, refused }
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)
}
