import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { emptyFilters, parseLibraryQuery, type LibraryQuery } from '../../app/library/library-query'
import { searchLibrary } from '../../app/library/search.server'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { createSearchService } from '../../search/client'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch } from '../../search/outbox'
import { seedDemoData } from '../../seeds/seed'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let context: AppLoadContext
let downContext: AppLoadContext

beforeAll(async () => {
  t = await createTestServices()
  const env = parseEnv({ NODE_ENV: 'test' })
  await seedDemoData(t.db, env, () => {})
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
  const services = {
    env,
    db: t.db,
    search: t.search,
    sessionSecret: 'x'.repeat(40),
    publicBaseUrl: 'http://localhost',
    log: createLogger('silent'),
  }
  context = { services, requestState: { formHasErrors: false } } as AppLoadContext
  const unreachable = createSearchService({
    url: 'http://127.0.0.1:9',
    masterKey: 'x'.repeat(32),
    indexPrefix: 'none_',
  })
  downContext = {
    services: { ...services, search: unreachable },
    requestState: { formHasErrors: false },
  } as AppLoadContext
})
afterAll(() => t.cleanUp())

const query = (params: string): LibraryQuery => parseLibraryQuery(new URLSearchParams(params)).query
const slugs = async (params: string) =>
  (await searchLibrary(context, query(params))).hits.map((hit) => hit.slug)

/** Published case studies tagged with this scheme's code, counted in SQL. */
async function taggedCount(scheme: string, code: string) {
  const row = await sql<{ count: string }>`
    SELECT count(DISTINCT cs.id) AS count FROM case_studies cs
    JOIN case_study_tags cst ON cst.case_study_id = cs.id
    JOIN taxonomy_terms t ON t.id = cst.term_id
    WHERE cs.status = 'published' AND t.scheme_code = ${scheme} AND t.code = ${code}`.execute(t.db)
  return Number(row.rows[0]!.count)
}

test('a misspelt "autsim" still finds autism case studies', async () => {
  const results = await searchLibrary(context, query('q=autsim'))
  expect(results.total).toBeGreaterThan(5)
  expect(results.hits[0]!.needLabels).toContain('Autistic spectrum disorder')
})

test('"ASD" and "autistic" return the same top results as "autism"', async () => {
  const autism = (await slugs('q=autism')).slice(0, 5)
  expect(autism).toHaveLength(5)
  expect(new Set((await slugs('q=ASD')).slice(0, 5))).toEqual(new Set(autism))
  expect(new Set((await slugs('q=autistic')).slice(0, 5))).toEqual(new Set(autism))
})

test('"resource base" finds resourced-provision case studies', async () => {
  const results = await searchLibrary(context, query('q=resource+base'))
  const top = await t.db
    .selectFrom('case_studies as cs')
    .innerJoin('case_study_tags as cst', 'cst.case_study_id', 'cs.id')
    .innerJoin('taxonomy_terms as tt', 'tt.id', 'cst.term_id')
    .select('cs.slug')
    .where('tt.code', 'in', ['resourced-provision', 'sen-unit'])
    .where(
      'cs.slug',
      'in',
      results.hits.slice(0, 5).map((h) => h.slug),
    )
    .execute()
  expect(top.length).toBeGreaterThanOrEqual(4)
})

test('every need and practice filter narrows to exactly the case studies SQL counts', async () => {
  const all = await searchLibrary(context, query(''))
  expect(all.total).toBe(160)
  for (const [scheme, code] of [
    ['need', 'ASD'],
    ['need', 'PMLD'],
    ['need', 'DS'],
    ['practice', 'attendance'],
    ['practice', 'accessible-pe-sport'],
    ['phase', 'secondary'],
    ['setting', 'multi-academy-trust'],
  ] as const) {
    const filtered = await searchLibrary(context, query(`${scheme}=${code}`))
    const expected = await taggedCount(scheme, code)
    expect(filtered.total, `${scheme}=${code}`).toBe(expected)
    expect(all.facets[scheme][code], `facet count ${scheme}=${code}`).toBe(expected)
  }
})

test('values within a facet combine with OR, facets with AND', async () => {
  const asd = (await searchLibrary(context, query('need=ASD'))).total
  const slcn = (await searchLibrary(context, query('need=SLCN'))).total
  const either = (await searchLibrary(context, query('need=ASD&need=SLCN'))).total
  expect(either).toBeGreaterThanOrEqual(Math.max(asd, slcn))
  expect(either).toBeLessThanOrEqual(asd + slcn)
  const narrowed = (await searchLibrary(context, query('need=ASD&need=SLCN&phase=primary'))).total
  expect(narrowed).toBeLessThan(either)
  expect(narrowed).toBeGreaterThan(0)
})

test('a filtered facet still counts its other values as if they were added (disjunctive counts)', async () => {
  const results = await searchLibrary(context, query('need=ASD'))
  expect(results.facets.need.SLCN).toBe(await taggedCount('need', 'SLCN'))
  expect(results.facets.need.ASD).toBe(await taggedCount('need', 'ASD'))
})

test('region and evidence-strength filters match SQL', async () => {
  const london = await searchLibrary(context, query('region=H'))
  const rows = await t.db
    .selectFrom('case_studies')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_code', '=', 'H')
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  expect(london.total).toBe(Number(rows.n))
  const strong = await searchLibrary(context, query('evidence=3&evidence=4'))
  expect(strong.hits.every((hit) => hit.evidenceStrength === 3 || hit.evidenceStrength === 4)).toBe(
    true,
  )
})

test('counts are exact, not capped, and pages hold 20 results', async () => {
  const page2 = await searchLibrary(context, query('page=2'))
  expect(page2.total).toBe(160)
  expect(page2.pageCount).toBe(8)
  expect(page2.hits).toHaveLength(20)
})

test('with Meilisearch unreachable, the same filters give the same results from Postgres, with SQL facet counts', async () => {
  for (const params of [
    '',
    'need=ASD',
    'practice=attendance&phase=secondary',
    'need=ASD&need=SLCN&region=H',
  ]) {
    const [live, degraded] = await Promise.all([
      searchLibrary(context, query(params)),
      searchLibrary(downContext, query(params)),
    ])
    expect(degraded.source, params).toBe('fallback')
    expect(degraded.total, params).toBe(live.total)
  }
  const degraded = await searchLibrary(downContext, query('practice=attendance'))
  expect(degraded.facets.practice.attendance).toBe(await taggedCount('practice', 'attendance'))
  const text = await searchLibrary(downContext, query('q=attendance'))
  expect(text.total).toBeGreaterThan(0)
})

test('unknown codes and malformed parameters are reported, and the search still answers', async () => {
  const { query: parsed, problems } = parseLibraryQuery(
    new URLSearchParams('need=<script>&evidence=9&page=abc&sort=sideways'),
  )
  expect(problems).toHaveLength(4)
  expect(parsed.filters).toEqual(emptyFilters())
  expect((await searchLibrary(context, parsed)).total).toBe(160)
  expect((await searchLibrary(context, query('need=NOPE'))).total).toBe(0)
})

/** Phase and region of each published case study, from Postgres. */
async function contextOf(slugsToCheck: string[]) {
  const rows = await t.db
    .selectFrom('case_studies as cs')
    .leftJoin('case_study_tags as cst', 'cst.case_study_id', 'cs.id')
    .leftJoin('taxonomy_terms as tt', (join) =>
      join.onRef('tt.id', '=', 'cst.term_id').on('tt.scheme_code', '=', 'phase'),
    )
    .select(['cs.slug', 'cs.region_code', 'tt.code'])
    .where('cs.slug', 'in', slugsToCheck)
    .execute()
  const bySlug = new Map<string, { region: string | null; phases: string[] }>()
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { region: row.region_code, phases: [] }
    if (row.code) entry.phases.push(row.code)
    bySlug.set(row.slug, entry)
  }
  return bySlug
}

test('schools like mine: practice matching the whole context comes first, then the same phase, then the rest', async () => {
  const expectedAll = Number(
    (
      await sql<{ n: string }>`
        SELECT count(DISTINCT cs.id) AS n FROM case_studies cs
        JOIN case_study_tags cst ON cst.case_study_id = cs.id JOIN taxonomy_terms t ON t.id = cst.term_id
        WHERE cs.status = 'published' AND cs.region_code = 'B' AND t.scheme_code = 'phase' AND t.code = 'primary'`.execute(
        t.db,
      )
    ).rows[0]!.n,
  )
  expect(expectedAll).toBeGreaterThan(0)
  const results = await searchLibrary(context, query('like_phase=primary&like_region=B'), 100)
  expect(results.total).toBe(160)
  const matches = results.hits.map((hit) => hit.contextMatch)
  expect(matches.filter((m) => m === 'all')).toHaveLength(expectedAll)
  // All the whole-context matches first, then same-phase ones, then the rest: never out of order.
  const rank = { all: 0, phase: 1, none: 2 }
  const ranks = matches.map((m) => rank[m ?? 'none'])
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  const contexts = await contextOf(results.hits.map((hit) => hit.slug))
  for (const hit of results.hits) {
    const c = contexts.get(hit.slug)!
    if (hit.contextMatch === 'all')
      expect(c.region === 'B' && c.phases.includes('primary'), hit.slug).toBe(true)
    if (hit.contextMatch === 'phase')
      expect(c.region !== 'B' && c.phases.includes('primary'), hit.slug).toBe(true)
    if (hit.contextMatch === null) expect(c.phases.includes('primary'), hit.slug).toBe(false)
  }
})

test('schools like mine with a URN takes the phase, setting and region from the register', async () => {
  const school = await t.db
    .selectFrom('establishments')
    .select(['urn', 'name', 'region_code'])
    .where('phase_code', '=', 4)
    .where('status_code', '=', 1)
    .where('has_sen_unit', '=', false)
    .where('has_resourced_provision', '=', false)
    .where('type_code', 'not in', [14, 38, 42, 43])
    .orderBy('urn')
    .executeTakeFirstOrThrow()
  const results = await searchLibrary(context, query(`like_school=${school.urn}`))
  expect(results.context).toMatchObject({
    phase: 'secondary',
    region: school.region_code,
    setting: 'mainstream-school',
    schoolName: school.name,
  })
  expect(results.total).toBe(160)

  const unknown = await searchLibrary(context, query('like_school=123456'))
  expect(unknown.context?.problem).toBe('No school in the register has URN 123456')
  expect(
    parseLibraryQuery(new URLSearchParams(`like_school=${'x'.repeat(101)}`)).problems,
  ).toContain('like_school must be a school’s URN or name, 100 characters or fewer')
})

test('schools like mine keeps the filters: every result still matches them', async () => {
  const results = await searchLibrary(context, query('need=ASD&like_phase=secondary'), 100)
  expect(results.total).toBe(await taggedCount('need', 'ASD'))
  expect(results.hits.every((hit) => hit.needs.includes('ASD'))).toBe(true)
})

test('schools like mine finds a school by part of its name: one match is used, several are offered', async () => {
  const school = await t.db
    .selectFrom('establishments')
    .select(['urn', 'name'])
    .where('status_code', '=', 1)
    .orderBy('urn')
    .executeTakeFirstOrThrow()
  const one = await searchLibrary(
    context,
    query(`like_school=${encodeURIComponent(school.name.toUpperCase())}`),
  )
  expect(one.context?.schoolName).toBe(school.name)
  expect(one.context?.phase ?? one.context?.region).toBeTruthy()

  const several = await searchLibrary(context, query('like_school=primary'))
  expect(several.context?.candidates?.length).toBe(10)
  expect(several.context?.candidates?.every((c) => c.name.toLowerCase().includes('primary'))).toBe(
    true,
  )
  expect(several.total).toBe(160)

  // LIKE wildcards typed by a reader are matched literally, not as "anything".
  const none = await searchLibrary(context, query('like_school=%25'))
  expect(none.context?.problem).toBe('No open school’s name contains ‘%’')
})
