import type { LoaderFunctionArgs } from '@remix-run/node'
import { jsonResponse } from '~/utils/json-response.server'
import { findPublishedCaseStudyBySlug } from '~/db.server'
import { identifiersIn } from '~/privacy/identifiers'
import { guardPublicDocument } from '~/privacy/public-boundary.server'
import { toPublicCaseStudy, type PublicCaseStudy } from '~/privacy/public-view'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { findIndexedCaseStudy, orFromIndex } from '~/library/without-database.server'
import { listVersions, type VersionEntry } from '~/follow-ups/versions.server'

// GET /api/case-studies/:slug — one published case study, with only its public fields.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const db = context.services.db
  const missing = () => jsonResponse({ errors: ['No published case study has that slug'] }, 404)
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return missing()
  const read = await orFromIndex(
    context,
    () => findPublishedCaseStudyBySlug(db, slug),
    () => findIndexedCaseStudy(context, slug),
  )
  if (read.degraded) {
    // From the index, without Postgres: the guard cannot withhold, so it refuses to answer.
    if (!read.value) return missing()
    const body = { ...toBody(read.value, context.services.publicBaseUrl), degraded: true }
    return identifiersIn(body).length > 0 ? missing() : jsonResponse(body)
  }
  const row = read.value
  if (!row) return missing()
  const versions = (await listVersions(db, [row.id])).get(row.id) ?? []
  const body = await guardPublicDocument(
    db,
    row.id,
    toBody(toPublicCaseStudy(row), context.services.publicBaseUrl, versions),
    'public-api',
  )
  return body ? jsonResponse(body) : missing()
}

function toBody(view: PublicCaseStudy, base: string, versions: VersionEntry[] = []) {
  const tags = (scheme: string) =>
    view.tags.filter((t) => t.scheme === scheme).map((t) => ({ code: t.code, label: t.label }))
  return {
    slug: view.slug,
    url: `${base}/library/${view.slug}`,
    title: view.title,
    summary: view.summary,
    sections: {
      challenge: view.challenge,
      practice: view.practice,
      impact: view.impact,
      keyFactors: view.key_factors,
      advice: view.advice,
      costAndResources: view.cost_and_resources,
    },
    measures: view.measures,
    keywords: view.keywords,
    evidenceStrength: view.evidence_strength,
    evidenceStrengthLabel: evidenceStrengthLabel(view.evidence_strength),
    needs: tags('need'),
    practices: tags('practice'),
    phases: tags('phase'),
    settings: tags('setting'),
    outcomes: tags('outcome'),
    organisation: {
      kind: view.organisation_kind,
      name: view.organisation_name,
      localAuthority: view.la_name,
      region: view.region_name,
    },
    publishedAt: view.published_at,
    fictional: view.is_fictional,
    // Follow-ups: the current version, when it was last reviewed, whether the practice is still
    // running (running, changed or stopped), and every version with its permanent address.
    version: view.version,
    lastReviewedAt: view.last_reviewed_at,
    status: view.practice_status,
    versions: (versions.length > 0
      ? versions
      : [{ number: view.version, publishedAt: view.last_reviewed_at, changeSummary: '' }]
    ).map((v) => ({
      version: v.number,
      publishedAt: v.publishedAt,
      changes: v.changeSummary,
      url: `${base}/library/${view.slug}/versions/${v.number}`,
    })),
  }
}
