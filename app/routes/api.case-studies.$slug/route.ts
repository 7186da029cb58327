import type { LoaderFunctionArgs } from '@remix-run/node'
import { jsonResponse } from '~/utils/json-response.server'
import { findPublishedCaseStudyBySlug } from '../../../db/repositories/case-studies'
import { regions } from '../../../seeds/data/regions'
import { evidenceStrengthLabel } from '~/library/evidence-strength'

// GET /api/case-studies/:slug — one published case study, with only its public fields.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const row = /^[a-z0-9-]{1,100}$/.test(slug)
    ? await findPublishedCaseStudyBySlug(context.services.db, slug)
    : undefined
  if (!row) return jsonResponse({ errors: ['No published case study has that slug'] }, 404)
  const tags = (scheme: string) =>
    row.tags.filter((t) => t.scheme === scheme).map((t) => ({ code: t.code, label: t.label }))
  return jsonResponse({
    slug: row.slug,
    url: `${context.services.publicBaseUrl}/library/${row.slug}`,
    title: row.title,
    summary: row.summary,
    sections: {
      challenge: row.challenge,
      practice: row.practice,
      impact: row.impact,
      keyFactors: row.key_factors,
      advice: row.advice,
      costAndResources: row.cost_and_resources,
    },
    measures: row.measures,
    evidenceStrength: row.evidence_strength,
    evidenceStrengthLabel: evidenceStrengthLabel(row.evidence_strength),
    needs: tags('need'),
    practices: tags('practice'),
    phases: tags('phase'),
    settings: tags('setting'),
    outcomes: tags('outcome'),
    organisation: {
      kind: row.organisation_kind,
      name: row.organisation_named ? row.organisation_name : null,
      localAuthority: row.la_name,
      region: regions.find((r) => r.code === row.region_code)?.name ?? null,
    },
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    fictional: row.is_fictional,
  })
}
