import type { AppLoadContext } from '@remix-run/node'
import { jsonAnswer, type WholeAnswer } from '~/utils/json-response.server'
import { toCsv } from '~/utils/csv.server'
import { formatLondonStamp } from '~/utils/london-time'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { parseLibraryQuery } from '~/library/library-query'
import { searchLibraryInterpreted } from '~/library/interpretation.server'
import type { LibraryHit } from '~/library/search.server'
import { isDatabaseReachable } from '~/library/without-database.server'

const MAX_PER_PAGE = 100
const MAX_CSV_ROWS = 5000

/**
 * GET /api/case-studies — the library search as JSON (or CSV with format=csv): same parameters
 * as /library, plus per_page (1–100) and format (json or csv). The answer is whole: the route's
 * loader makes it a web Response for Remix, and in production the HTTP server writes it straight
 * to the socket (app/server/http.ts, through the server build's entry), with no web Request or
 * Response made and read back on the way for the platform's busiest route that renders nothing.
 */
export async function answerSearchApi(url: URL, context: AppLoadContext): Promise<WholeAnswer> {
  const params = url.searchParams
  const { query, problems } = parseLibraryQuery(params)
  const format = params.get('format') ?? 'json'
  if (format !== 'json' && format !== 'csv') problems.push('format must be json or csv')
  const perPageParam = params.get('per_page')
  let perPage = 20
  if (perPageParam !== null) {
    if (
      /^\d{1,3}$/.test(perPageParam) &&
      Number(perPageParam) >= 1 &&
      Number(perPageParam) <= MAX_PER_PAGE
    )
      perPage = Number(perPageParam)
    else problems.push(`per_page must be a whole number from 1 to ${MAX_PER_PAGE}`)
  }
  if (problems.length > 0) return jsonAnswer({ errors: problems }, 400)

  const base = context.services.publicBaseUrl
  if (format === 'csv') {
    // The whole current result set, page by page, up to a limit that keeps a request bounded.
    const rows: LibraryHit[] = []
    let total = 0
    for (let page = 1; rows.length < MAX_CSV_ROWS; page++) {
      const results = await searchLibraryInterpreted(
        context,
        { ...query, page },
        MAX_PER_PAGE,
        false,
      )
      total = results.total
      rows.push(...results.hits)
      if (page >= results.pageCount) break
    }
    const csv = toCsv(
      [
        'slug',
        'title',
        'summary',
        'url',
        'evidence_strength',
        'evidence_strength_label',
        'needs',
        'practices',
        'organisation',
        'local_authority',
        'published_at',
        'published_uk_time',
        'fictional',
        'version',
        'last_reviewed_uk_time',
        'status',
      ],
      rows
        .slice(0, MAX_CSV_ROWS)
        .map((hit) => [
          hit.slug,
          hit.title,
          hit.summary.map((run) => run.text).join(''),
          `${base}/library/${hit.slug}`,
          hit.evidenceStrength ?? '',
          evidenceStrengthLabel(hit.evidenceStrength),
          hit.needs.join('; '),
          hit.practices.join('; '),
          hit.organisationName ?? '',
          hit.laName ?? '',
          hit.publishedAt ?? '',
          hit.publishedAt ? formatLondonStamp(new Date(hit.publishedAt)) : '',
          hit.isFictional ? 'yes' : 'no',
          hit.version ?? 1,
          hit.lastReviewedAt ? formatLondonStamp(new Date(hit.lastReviewedAt)) : '',
          hit.practiceStatus ?? 'running',
        ]),
    )
    return {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="case-studies.csv"',
        'X-Total-Count': String(total),
        'X-Truncated': String(total > MAX_CSV_ROWS),
      },
      body: csv,
    }
  }

  const [results, databaseReachable] = await Promise.all([
    searchLibraryInterpreted(context, query, perPage, false),
    isDatabaseReachable(context),
  ])
  return jsonAnswer({
    total: results.total,
    page: query.page,
    perPage,
    pageCount: results.pageCount,
    // Search fell back to Postgres, or Postgres is away (results then come from the index alone).
    degraded: results.source === 'fallback' || !databaseReachable,
    results: results.hits.map((hit) => ({
      slug: hit.slug,
      url: `${base}/library/${hit.slug}`,
      api: `${base}/api/case-studies/${hit.slug}`,
      title: hit.title,
      summary: hit.summary.map((run) => run.text).join(''),
      evidenceStrength: hit.evidenceStrength,
      evidenceStrengthLabel: evidenceStrengthLabel(hit.evidenceStrength),
      needs: hit.needs,
      practices: hit.practices,
      organisationName: hit.organisationName,
      localAuthority: hit.laName,
      publishedAt: hit.publishedAt,
      version: hit.version ?? 1,
      lastReviewedAt: hit.lastReviewedAt ?? hit.publishedAt,
      status: hit.practiceStatus ?? 'running',
      fictional: hit.isFictional,
      contextMatch: hit.contextMatch,
    })),
    facets: results.facets,
    context: results.context,
    // The conditions or everyday phrases the query names, and the needs whose practice was added
    // after the case studies that mention them (null when the query names none).
    interpretation: results.interpretation,
  })
}
