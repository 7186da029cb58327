// The library's search state, which lives entirely in the URL so that a search can be shared and
// the back button works. Shared by the page, the public API and the browser (no server code here).

export const FACETS = [
  { key: 'need', field: 'needs', label: 'Need' },
  { key: 'practice', field: 'practices', label: 'Type of practice' },
  { key: 'phase', field: 'phases', label: 'Phase' },
  { key: 'setting', field: 'settings', label: 'Setting' },
  { key: 'region', field: 'region', label: 'Region' },
  { key: 'evidence', field: 'evidenceStrength', label: 'Strength of evidence' },
] as const

export type FacetKey = (typeof FACETS)[number]['key']
export type SortOrder = 'relevance' | 'newest' | 'reviewed'

/** "Schools like mine": a reader's context, whose matching practice is ranked first. */
export interface LikeContext {
  phase?: string
  setting?: string
  region?: string
  /** A school's URN; its phase, setting and region come from the register. */
  school?: number
  /** Part of a school's name, to find it in the register. */
  schoolName?: string
}

export interface LibraryQuery {
  q: string
  filters: Record<FacetKey, string[]>
  sort: SortOrder
  page: number
  like: LikeContext
  /** Only practice still running: not stopped, by its latest follow-up (URL: running=yes). */
  running?: boolean
}

export const MAX_QUERY_LENGTH = 200
const MAX_VALUES_PER_FACET = 30
const MAX_PAGE = 500
const VALUE = /^[A-Za-z0-9-]{1,60}$/

export function emptyFilters(): Record<FacetKey, string[]> {
  return { need: [], practice: [], phase: [], setting: [], region: [], evidence: [] }
}

/**
 * Reads the search state from URL parameters. Problems are reported (the API answers 400 with
 * them) but never fatal: the page shows what it can and ignores what it cannot use.
 */
export function parseLibraryQuery(params: URLSearchParams): {
  query: LibraryQuery
  problems: string[]
} {
  const problems: string[] = []
  const q = (params.get('q') ?? '').trim()
  if (q.length > MAX_QUERY_LENGTH)
    problems.push(`q must be ${MAX_QUERY_LENGTH} characters or fewer`)
  const filters = parseFacetFilters(params, problems)
  const sortParam = params.get('sort') || null
  if (
    sortParam !== null &&
    sortParam !== 'relevance' &&
    sortParam !== 'newest' &&
    sortParam !== 'reviewed'
  )
    problems.push('sort must be relevance, newest or reviewed')
  const sort: SortOrder =
    sortParam === 'reviewed'
      ? 'reviewed'
      : sortParam === 'newest' || (!q && sortParam !== 'relevance')
        ? 'newest'
        : 'relevance'
  const runningParam = params.get('running')
  if (runningParam !== null && runningParam !== 'yes' && runningParam !== '')
    problems.push('running must be yes')
  const pageParam = params.get('page')
  let page = 1
  if (pageParam !== null) {
    if (/^\d{1,6}$/.test(pageParam) && Number(pageParam) >= 1)
      page = Math.min(Number(pageParam), MAX_PAGE)
    else problems.push('page must be a whole number from 1')
  }
  const like: LikeContext = {}
  for (const key of ['phase', 'setting', 'region'] as const) {
    const value = params.get(`like_${key}`)?.trim()
    if (!value) continue
    if (VALUE.test(value)) like[key] = value
    else problems.push(`like_${key} is not a known code`)
  }
  // One box takes a URN or part of a school's name.
  const school = params.get('like_school')?.trim()
  if (school) {
    if (/^\d{6,8}$/.test(school.replace(/\s/g, ''))) like.school = Number(school.replace(/\s/g, ''))
    else if (school.length <= 100) like.schoolName = school
    else problems.push('like_school must be a school’s URN or name, 100 characters or fewer')
  }
  return {
    query: {
      q: q.slice(0, MAX_QUERY_LENGTH),
      filters,
      sort,
      page,
      like,
      ...(runningParam === 'yes' ? { running: true } : {}),
    },
    problems,
  }
}

/** The facet filters in URL parameters (need, practice, …), shared with the evidence pages. */
export function parseFacetFilters(
  params: URLSearchParams,
  problems: string[],
): Record<FacetKey, string[]> {
  const filters = emptyFilters()
  for (const facet of FACETS) {
    const values = [
      ...new Set(
        params
          .getAll(facet.key)
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ]
    const valid = values.filter(
      (v) => VALUE.test(v) && (facet.key !== 'evidence' || /^[0-4]$/.test(v)),
    )
    if (valid.length < values.length)
      problems.push(`${facet.key} has a value that is not a known code`)
    if (valid.length > MAX_VALUES_PER_FACET)
      problems.push(`${facet.key} may have at most ${MAX_VALUES_PER_FACET} values`)
    filters[facet.key] = valid.slice(0, MAX_VALUES_PER_FACET)
  }
  return filters
}

export function hasLikeContext(like: LikeContext): boolean {
  return Boolean(like.phase || like.setting || like.region || like.school || like.schoolName)
}

export function hasFilters(query: LibraryQuery): boolean {
  return FACETS.some((facet) => query.filters[facet.key].length > 0)
}

/** The URL of a search, optionally changed; page goes back to 1 unless it is the change. */
export function libraryHref(
  query: LibraryQuery,
  change: Partial<LibraryQuery> = {},
  path = '/library',
): string {
  const next = { ...query, page: 1, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  for (const facet of FACETS)
    for (const value of next.filters[facet.key]) params.append(facet.key, value)
  if (next.sort === 'newest' && next.q) params.set('sort', 'newest')
  if (next.sort === 'relevance' && !next.q) params.set('sort', 'relevance')
  if (next.sort === 'reviewed') params.set('sort', 'reviewed')
  if (next.running) params.set('running', 'yes')
  for (const key of ['phase', 'setting', 'region', 'school'] as const) {
    if (next.like[key] !== undefined) params.set(`like_${key}`, String(next.like[key]))
  }
  if (next.like.school === undefined && next.like.schoolName)
    params.set('like_school', next.like.schoolName)
  if (next.page > 1) params.set('page', String(next.page))
  const search = params.toString()
  return `${path}${search ? `?${search}` : ''}`
}

export function withoutFilterValue(
  query: LibraryQuery,
  key: FacetKey,
  value: string,
): LibraryQuery {
  return {
    ...query,
    page: 1,
    filters: { ...query.filters, [key]: query.filters[key].filter((v) => v !== value) },
  }
}

/**
 * Meilisearch filter: values within a facet combine with OR, facets with AND; with `running`,
 * only practice no follow-up has said has stopped.
 */
export function toMeilisearchFilter(
  filters: Record<FacetKey, string[]>,
  running = false,
): string[] {
  return [
    ...FACETS.filter((facet) => filters[facet.key].length > 0).map(
      (facet) =>
        `(${filters[facet.key]
          .map((value) =>
            facet.key === 'evidence'
              ? `${facet.field} = ${Number(value)}`
              : `${facet.field} = "${value}"`,
          )
          .join(' OR ')})`,
    ),
    ...(running ? ['practiceStatus != "stopped"'] : []),
  ]
}
