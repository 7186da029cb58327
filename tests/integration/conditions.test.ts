import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { conditionSchema } from '../../app/admin/conditions.schema'
import { removeCondition, saveCondition } from '../../app/admin/conditions.server'
import { searchLibraryInterpreted } from '../../app/library/interpretation.server'
import { parseLibraryQuery } from '../../app/library/library-query'
import { searchLibrary } from '../../app/library/search.server'
import { conditions } from '../../app/reference/conditions'
import { synonymGroupDefinitions } from '../../app/reference/synonyms'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { migrations } from '../../db/migrations/index'
import { listSynonymGroups } from '../../db/repositories/search-synonyms'
import { listConditions } from '../../db/repositories/taxonomy-conditions'
import { createSearchService } from '../../search/client'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch } from '../../search/outbox'
import { seedDemoData } from '../../seeds/seed'
import { insertStaff } from '../../seeds/factories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

// The conditions vocabulary: what the migrations leave in a new database, administrators' edits,
// and the library search that uses it (demo data in real Meilisearch).

let fresh: TestServices
let t: TestServices
let context: AppLoadContext
let adminId: string

beforeAll(async () => {
  ;[fresh, t] = await Promise.all([createTestServices(), createTestServices()])
  const env = parseEnv({ NODE_ENV: 'test' })
  await seedDemoData(t.db, env, () => {})
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
  adminId = await insertStaff(t.db, 'admin')
  context = {
    services: {
      env,
      db: t.db,
      search: t.search,
      sessionSecret: 'x'.repeat(40),
      publicBaseUrl: 'http://localhost',
      log: createLogger('silent'),
    },
    requestState: { formHasErrors: false },
  } as AppLoadContext
}, 300_000)
afterAll(async () => {
  await Promise.all([fresh?.cleanUp(), t?.cleanUp()])
})

const search = (params: string, perPage?: number) =>
  searchLibraryInterpreted(context, parseLibraryQuery(new URLSearchParams(params)).query, perPage)

/** Published case studies tagged with any of these needs, counted in SQL. */
async function taggedWith(needs: string[]) {
  const { rows } = await sql<{ slug: string }>`
    SELECT DISTINCT cs.slug FROM case_studies cs
    JOIN case_study_tags cst ON cst.case_study_id = cs.id
    JOIN taxonomy_terms tt ON tt.id = cst.term_id
    WHERE cs.status = 'published' AND tt.scheme_code = 'need' AND tt.code = ANY(${needs})`.execute(
    t.db,
  )
  return new Set(rows.map((row) => row.slug))
}

const sorted = <T extends { name: string }>(items: T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name))

test('a freshly migrated database holds exactly the vocabulary in app/reference/conditions.ts', async () => {
  const stored = await listConditions(fresh.db)
  expect(sorted(stored.map(({ id: _, ...entry }) => entry))).toEqual(
    sorted(
      conditions.map((entry) => ({
        name: entry.name,
        kind: entry.kind,
        otherNames: [...entry.otherNames],
        abbreviations: [...entry.abbreviations],
        needs: [...entry.needs],
        note: entry.note,
      })),
    ),
  )
})

test('a freshly migrated database holds the reference synonym groups, with their one-way abbreviations', async () => {
  const groups = await listSynonymGroups(fresh.db)
  expect(groups.map(({ terms, oneWay }) => ({ terms, oneWay }))).toEqual(
    synonymGroupDefinitions.map((group) => ({
      terms: [...group.terms],
      oneWay: [...group.oneWay],
    })),
  )
})

test('the data migration makes old groups’ abbreviations one-way, and leaves administrators’ changes alone', async () => {
  const db = fresh.db
  const teaching = (await listSynonymGroups(db)).find((g) => g.terms[0] === 'teaching assistant')!
  // As a database migrated before this change holds it.
  await db
    .updateTable('search_synonym_groups')
    .set({ terms: ['ta', ...teaching.terms], one_way_terms: [] })
    .where('id', '=', teaching.id)
    .execute()
  const adhd = (await listSynonymGroups(db)).find((g) => g.terms[0] === 'adhd')!
  await db
    .updateTable('search_synonym_groups')
    .set({ terms: [...adhd.terms, 'add'] })
    .where('id', '=', adhd.id)
    .execute()
  const before = await listConditions(db)
  await db
    .updateTable('taxonomy_conditions')
    .set({ need_codes: ['OTH'] })
    .where('name', '=', 'glue ear')
    .execute()

  await db.transaction().execute((trx) => migrations['2026-12-07T0710-conditions-data']!.up(trx))

  const after = await listSynonymGroups(db)
  expect(after.find((g) => g.id === teaching.id)).toMatchObject({
    terms: teaching.terms,
    oneWay: ['ta'],
  })
  expect(after.find((g) => g.id === adhd.id)!.terms).toEqual(adhd.terms)
  expect(after.filter((g) => g.terms.includes('cpd'))).toHaveLength(1)
  const stored = await listConditions(db)
  expect(stored).toHaveLength(before.length)
  expect(stored.find((c) => c.name === 'glue ear')!.needs).toEqual(['OTH'])
})

test('"muscular dystrophy" is named by no case study, yet shows every case study on physical disability', async () => {
  const results = await search('q=muscular+dystrophy')
  const pd = await taggedWith(['PD'])
  expect(pd.size).toBeGreaterThan(5)
  expect(results.total).toBe(pd.size)
  expect(results.hits.every((hit) => pd.has(hit.slug))).toBe(true)
  expect(results.interpretation).toEqual({
    matched: [{ name: 'muscular dystrophy', kind: 'condition', needs: ['PD'] }],
    needs: [{ code: 'PD', label: 'Physical disability' }],
    added: pd.size,
  })
  expect(results.facets.need.PD).toBe(pd.size)
})

test('case studies that mention a condition come first, then the rest of its need, each once, and the total is the count listed', async () => {
  const plain = parseLibraryQuery(new URLSearchParams('q=dyslexia')).query
  const mentioning = (
    await t.search.client
      .index(t.search.caseStudiesIndex)
      .search('dyslexia', { matchingStrategy: 'all', limit: 200, attributesToRetrieve: ['slug'] })
  ).hits.map((hit) => hit.slug as string)
  expect(mentioning.length).toBeGreaterThan(0)
  const spld = await taggedWith(['SPLD'])
  const listed: string[] = []
  for (let page = 1; ; page++) {
    const results = await searchLibraryInterpreted(context, { ...plain, page }, 7)
    listed.push(...results.hits.map((hit) => hit.slug))
    if (page >= results.pageCount) {
      expect(results.total).toBe(listed.length)
      break
    }
  }
  expect(new Set(listed).size).toBe(listed.length)
  expect(new Set(listed)).toEqual(new Set([...mentioning, ...spld]))
  // Every case study that mentions dyslexia is listed before any that is only tagged SPLD.
  const lastMention = Math.max(...mentioning.map((slug) => listed.indexOf(slug)))
  expect(lastMention).toBe(mentioning.length - 1)
  // Facet counts add up over both parts.
  const results = await search('q=dyslexia')
  const facetTotal = Object.values(results.facets.evidence).reduce((a, b) => a + b, 0)
  expect(facetTotal).toBe(results.total)
})

test('filters still apply to the practice added for the need', async () => {
  const results = await search('q=hydrocephalus&phase=primary')
  const all = await search('q=hydrocephalus')
  expect(results.total).toBeGreaterThan(0)
  expect(results.total).toBeLessThan(all.total)
  expect(results.hits.every((hit) => hit.needs.includes('PD'))).toBe(true)
})

test('"ADD" in capitals means ADHD; "add" means the word; ADHD no longer finds the verb', async () => {
  const semh = await taggedWith(['SEMH'])
  const capitals = await search('q=ADD')
  expect(capitals.interpretation?.matched.map((m) => m.name)).toEqual(['ADHD'])
  expect(capitals.hits.slice(0, 10).every((hit) => semh.has(hit.slug))).toBe(true)
  const lower = await search('q=add')
  expect(lower.interpretation).toBeNull()
  const adhd = await search('q=ADHD')
  expect(adhd.hits.slice(0, 10).every((hit) => semh.has(hit.slug))).toBe(true)
})

test('everyday phrases show practice for the need first', async () => {
  const multiSearch = vi.spyOn(t.search.client, 'multiSearch')
  const results = await search("q=can't+sit+still")
  // Nothing to count first for a phrase alone: no request goes to the engine with no search in it.
  expect(multiSearch.mock.calls.map(([body]) => body.queries.length)).not.toContain(0)
  multiSearch.mockRestore()
  const semh = await taggedWith(['SEMH'])
  expect(results.interpretation?.matched).toEqual([
    { name: 'can’t sit still', kind: 'phrase', needs: ['SEMH'] },
  ])
  expect(results.hits.slice(0, 10).every((hit) => semh.has(hit.slug))).toBe(true)
})

test('honest totals: a common word does not make everything match, and a short word is not a prefix', async () => {
  const all = (await search('')).total
  expect(all).toBe(160)
  expect((await search('q=school+attendance')).total).toBeLessThan(all / 2)
  expect((await search('q=staff+training')).total).toBeLessThan(all * 0.6)
  const ot = await search('q=OT')
  const wholeWord = await t.search.client
    .index(t.search.caseStudiesIndex)
    .search('OT ', { limit: 0, page: 1, hitsPerPage: 0 })
  expect(ot.total).toBe(wholeWord.totalHits)
  expect(ot.total).toBeLessThan(30)
})

test('with the search engine away, the library still answers from Postgres, without an interpretation', async () => {
  const down = {
    ...context,
    services: {
      ...context.services,
      search: createSearchService({
        url: 'http://127.0.0.1:9',
        masterKey: 'x'.repeat(32),
        indexPrefix: 'none_',
      }),
    },
  } as AppLoadContext
  const results = await searchLibraryInterpreted(
    down,
    parseLibraryQuery(new URLSearchParams('q=dyslexia')).query,
  )
  expect(results.source).toBe('fallback')
  expect(results.interpretation).toBeNull()
})

test('an administrator adds, changes and removes an entry; the library uses it at once; mistakes get specific messages', async () => {
  const message = (values: Record<string, unknown>) => {
    const parsed = conditionSchema.safeParse(values)
    return parsed.success ? null : parsed.error.issues[0]!.message
  }
  const valid = { name: 'Zorblax disorder', kind: 'condition', needs: ['PD'] }
  expect(message({ ...valid, name: '  ' })).toBe('Enter the condition or everyday phrase')
  expect(message({ ...valid, kind: 'other' })).toBe(
    'Select whether this is a condition or an everyday phrase',
  )
  expect(message({ ...valid, needs: [] })).toBe('Select at least one type of need')
  expect(message({ ...valid, needs: ['PD', 'OTH'] })).toBe(
    'Enter a note saying why it points at more than one type of need',
  )
  expect(message({ ...valid, abbreviations: 'ZD\nzorblax disorder' })).toBe(
    '“ZORBLAX DISORDER” must be one word of 2 to 12 letters or numbers, like ADD',
  )
  expect(message({ ...valid, name: '<b>x</b>' })).toMatch(/can only include letters, numbers/)
  expect(message({ ...valid, note: 'x'.repeat(501) })).toBe(
    'The note must be 500 characters or fewer',
  )

  const input = conditionSchema.parse({ ...valid, otherNames: 'zorblax\n\nZorblax ' })
  expect(input.otherNames).toEqual(['zorblax'])
  expect(await search('q=zorblax')).toMatchObject({ total: 0, interpretation: null })

  const added = await saveCondition(t.db, adminId, null, input)
  expect(added).toMatchObject({ ok: true })
  const id = (added as { id: number }).id
  expect((await search('q=zorblax')).interpretation?.needs).toEqual([
    { code: 'PD', label: 'Physical disability' },
  ])

  expect(
    await saveCondition(t.db, adminId, null, { ...input, name: 'Other', otherNames: ['Glue-ear'] }),
  ).toEqual({
    ok: false,
    field: 'otherNames',
    message: '“Glue-ear” is already a name of “glue ear”. Change that entry, or use another name',
  })
  expect(
    await saveCondition(t.db, adminId, null, {
      ...input,
      name: 'Other',
      otherNames: [],
      needs: ['NOPE'],
    }),
  ).toEqual({
    ok: false,
    field: 'needs',
    message: 'Select types of need from the list',
  })

  expect(await saveCondition(t.db, adminId, id, { ...input, needs: ['HI'] })).toEqual({
    ok: true,
    id,
  })
  expect((await search('q=zorblax')).interpretation?.needs.map((n) => n.code)).toEqual(['HI'])
  expect(await removeCondition(t.db, adminId, id)).toBe(true)
  expect(await removeCondition(t.db, adminId, id)).toBe(false)
  expect((await search('q=zorblax')).interpretation).toBeNull()

  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_type', '=', 'taxonomy_condition')
    .orderBy('id')
    .execute()
  expect(audit.map((a) => a.action)).toEqual([
    'taxonomy.condition_added',
    'taxonomy.condition_changed',
    'taxonomy.condition_removed',
  ])
})

test('a condition too many case studies mention: the plain search, and once counted so, in the same request as the count', async () => {
  // More case studies mention dyscalculia than the need part could leave out by name.
  const index = t.search.client.index(t.search.caseStudiesIndex)
  const [model] = (await index.getDocuments({ limit: 1 })).results
  const many = Array.from({ length: 210 }, (_, i) => ({
    ...model,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    slug: `counting-with-dyscalculia-${i}`,
    title: `Counting with dyscalculia ${i}`,
    needs: ['SPLD'],
  }))
  await index.addDocuments(many).waitTask({ timeout: 60_000 })
  try {
    const plain = await searchLibrary(
      context,
      parseLibraryQuery(new URLSearchParams('q=dyscalculia&page=2')).query,
    )
    const multiSearch = vi.spyOn(t.search.client, 'multiSearch')
    const first = await search('q=dyscalculia&page=2')
    const again = await search('q=dyscalculia&page=2')
    const requests = multiSearch.mock.calls.map(([body]) => body.queries.length)
    multiSearch.mockRestore()
    // The first time: the count, then the plain search. After that: both in one request.
    expect(requests.length).toBe(3)
    expect(requests[2]).toBe(requests[0]! + requests[1]!)
    for (const results of [first, again]) {
      expect(results).toEqual({
        ...plain,
        interpretation: {
          matched: [{ name: 'dyscalculia', kind: 'condition', needs: ['SPLD'] }],
          needs: [{ code: 'SPLD', label: expect.any(String) }],
          added: 0,
        },
      })
      expect(results.total).toBeGreaterThan(210)
      expect(results.hits.length).toBe(20)
    }
  } finally {
    await index.deleteDocuments(many.map((doc) => doc.id)).waitTask({ timeout: 60_000 })
  }
  // Now few mention it: the plain answer sent with the count is set aside, and the case studies
  // that mention it come first, then the rest of the need.
  const multiSearch = vi.spyOn(t.search.client, 'multiSearch')
  const fewer = await search('q=dyscalculia')
  const sentWithCount = multiSearch.mock.calls[0]![0].queries.length
  multiSearch.mockClear()
  const afterwards = await search('q=dyscalculia')
  const countAlone = multiSearch.mock.calls[0]![0].queries.length
  multiSearch.mockRestore()
  const spld = await taggedWith(['SPLD'])
  const mentioning = (
    await index.search('dyscalculia', {
      matchingStrategy: 'all',
      limit: 200,
      attributesToRetrieve: ['slug'],
    })
  ).hits.map((hit) => hit.slug as string)
  expect(fewer.total).toBe(new Set([...mentioning, ...spld]).size)
  expect(fewer.interpretation?.added).toBe(fewer.total - mentioning.length)
  expect(afterwards).toEqual(fewer)
  // Counted few: the plain search is no longer sent with the count.
  expect(sentWithCount).toBe(2)
  expect(countAlone).toBe(1)
})
