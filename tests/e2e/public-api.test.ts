import { expect, inject, test } from 'vitest'

const api = (path: string) => fetch(`${inject('baseUrl')}${path}`)

interface SearchBody {
  total: number
  page: number
  perPage: number
  pageCount: number
  results: {
    slug: string
    title: string
    needs: string[]
    evidenceStrength: number | null
    url: string
  }[]
  facets: Record<string, Record<string, number>>
}

test('the search API returns results, paging and facet counts for the same parameters as the page', async () => {
  const response = await api('/api/case-studies?need=ASD&per_page=5')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  const body = (await response.json()) as SearchBody
  expect(body.perPage).toBe(5)
  expect(body.results).toHaveLength(5)
  expect(body.results.every((r) => r.needs.includes('ASD'))).toBe(true)
  expect(body.total).toBe(body.facets.need!.ASD)
  expect(body.pageCount).toBe(Math.ceil(body.total / 5))

  const page = await (await fetch(`${inject('baseUrl')}/library?need=ASD`)).text()
  expect(page).toContain(`${body.total} case studies`)
})

test('bad parameters get a 400 with what is wrong', async () => {
  for (const [query, message] of [
    ['per_page=1000', 'per_page must be a whole number from 1 to 100'],
    ['format=xml', 'format must be json or csv'],
    ['page=abc', 'page must be a whole number from 1'],
    ['need=<script>', 'need has a value that is not a known code'],
  ]) {
    const response = await api(`/api/case-studies?${query}`)
    expect(response.status, query).toBe(400)
    expect(((await response.json()) as { errors: string[] }).errors, query).toContain(message)
  }
})

test('format=csv gives the whole result set as CSV that Excel opens correctly', async () => {
  const response = await api('/api/case-studies?practice=attendance&format=csv')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder().decode(bytes)
  expect(text.startsWith('slug,title,summary,url,')).toBe(true)
  const total = Number(response.headers.get('x-total-count'))
  expect(text.trim().split('\r\n').length - 1).toBe(total)
})

test('one case study by slug, with public fields only; an unknown slug is a JSON 404', async () => {
  const list = (await (await api('/api/case-studies?per_page=1')).json()) as SearchBody
  const slug = list.results[0]!.slug
  const response = await api(`/api/case-studies/${slug}`)
  expect(response.status).toBe(200)
  const body = (await response.json()) as Record<string, unknown>
  expect(body.slug).toBe(slug)
  expect(Object.keys(body).sort()).toEqual(
    [
      'evidenceStrength',
      'evidenceStrengthLabel',
      'fictional',
      'keywords',
      'measures',
      'needs',
      'organisation',
      'outcomes',
      'phases',
      'practices',
      'publishedAt',
      'sections',
      'settings',
      'slug',
      'summary',
      'title',
      'url',
      // Follow-ups (issue 21): public reference data, no respondent's contact details.
      'version',
      'lastReviewedAt',
      'status',
      'versions',
    ].sort(),
  )
  const missing = await api('/api/case-studies/no-such-thing')
  expect(missing.status).toBe(404)
  expect(((await missing.json()) as { errors: string[] }).errors).toEqual([
    'No published case study has that slug',
  ])
})
