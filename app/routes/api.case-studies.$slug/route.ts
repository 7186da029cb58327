import type { LoaderFunctionArgs } from '@remix-run/node'
import { jsonResponse } from '~/utils/json-response.server'
import { findPublishedCaseStudyBySlug } from '../../../db/repositories/case-studies'
import { guardPublicDocument } from '~/privacy/public-boundary.server'
import { toPublicCaseStudy } from '~/privacy/public-view'
import { evidenceStrengthLabel } from '~/library/evidence-strength'

// GET /api/case-studies/:slug — one published case study, with only its public fields.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const db = context.services.db
  const row = /^[a-z0-9-]{1,100}$/.test(slug)
    ? await findPublishedCaseStudyBySlug(db, slug)
    : undefined
  const missing = () => jsonResponse({ errors: ['No published case study has that slug'] }, 404)
  if (!row) return missing()
  const view = toPublicCaseStudy(row)
  const tags = (scheme: string) =>
    view.tags.filter((t) => t.scheme === scheme).map((t) => ({ code: t.code, label: t.label }))
  const body = await guardPublicDocument(
    db,
    row.id,
    {
      slug: view.slug,
      url: `${context.services.publicBaseUrl}/library/${view.slug}`,
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
    },
    'public-api',
  )
  return body ? jsonResponse(body) : missing()
}
