import { createHash } from 'node:crypto'
import type { CaseStudyWithTags } from '../db/repositories/case-studies'
import { regions } from '../seeds/data/regions'

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
  contentHash: string
}

const regionNames = new Map<string, string>(regions.map((r) => [r.code, r.name]))

export function toCaseStudyDocument(row: CaseStudyWithTags): CaseStudyDocument {
  const tagsOf = (scheme: string) => row.tags.filter((tag) => tag.scheme === scheme)
  const needs = tagsOf('need')
  const practices = tagsOf('practice')
  const body: Omit<CaseStudyDocument, 'contentHash'> = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    challenge: row.challenge,
    practice: row.practice,
    impact: row.impact,
    keyFactors: row.key_factors,
    advice: row.advice,
    keywords: row.keywords,
    needs: needs.map((t) => t.code),
    needLabels: needs.map((t) => t.label),
    needAreas: [...new Set(needs.map((t) => t.parentCode).filter((c): c is string => c !== null))],
    practices: practices.map((t) => t.code),
    practiceLabels: practices.map((t) => t.label),
    phases: tagsOf('phase').map((t) => t.code),
    settings: tagsOf('setting').map((t) => t.code),
    outcomes: tagsOf('outcome').map((t) => t.code),
    principles: tagsOf('principle').map((t) => t.code),
    region: row.region_code,
    regionName: row.region_code ? (regionNames.get(row.region_code) ?? null) : null,
    laCode: row.la_code,
    laName: row.la_name,
    organisationKind: row.organisation_kind,
    organisationName: row.organisation_named ? row.organisation_name : null,
    evidenceStrength: row.evidence_strength,
    isFictional: row.is_fictional,
    publishedAt: Math.floor(new Date(row.published_at ?? 0).getTime() / 1000),
  }
  return { ...body, contentHash: hashOf(body) }
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)
}
