import type { AppLoadContext } from '@remix-run/node'
import { writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseLibraryQuery } from '../../app/library/library-query'
import { searchLibraryInterpreted } from '../../app/library/interpretation.server'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch } from '../../search/outbox'
import { seedDemoData } from '../../seeds/seed'
import {
  recordedFigures,
  relevanceQueries,
  type RelevanceGroup,
  type RelevanceQuery,
} from '../fixtures/relevance-queries'
import { createTestServices, type TestServices } from '../setup/test-database'

// The relevance suite: realistic queries (tests/fixtures/relevance-queries.ts) against the demo
// corpus in real Meilisearch, through the same code as the library page. Relevance is judged by
// the case studies' tags in Postgres, never by the engine.
//
// precision@10 = relevant results among the first 10 shown ÷ results shown (at most 10; a query
// showing nothing scores 0). nDCG@10 uses binary gains against the ideal ranking of the corpus's
// relevant case studies, so it also falls when relevant ones are missing or ranked low.

let t: TestServices
let context: AppLoadContext
const tagsBySlug = new Map<string, Set<string>>()

beforeAll(async () => {
  t = await createTestServices()
  const env = parseEnv({ NODE_ENV: 'test' })
  await seedDemoData(t.db, env, () => {})
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
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
  const { rows } = await sql<{ slug: string; tag: string }>`
    SELECT cs.slug, tt.scheme_code || ':' || tt.code AS tag
    FROM case_studies cs
    JOIN case_study_tags cst ON cst.case_study_id = cs.id
    JOIN taxonomy_terms tt ON tt.id = cst.term_id
    WHERE cs.status = 'published'`.execute(t.db)
  for (const row of rows) {
    const tags = tagsBySlug.get(row.slug) ?? new Set<string>()
    tags.add(row.tag)
    tagsBySlug.set(row.slug, tags)
  }
}, 300_000)
afterAll(() => t?.cleanUp())

const isRelevant = (slug: string, query: RelevanceQuery) => {
  const tags = tagsBySlug.get(slug) ?? new Set<string>()
  return (
    (query.relevant.needs ?? []).some((code) => tags.has(`need:${code}`)) ||
    (query.relevant.practices ?? []).some((code) => tags.has(`practice:${code}`)) ||
    (query.relevant.settings ?? []).some((code) => tags.has(`setting:${code}`))
  )
}

interface Measured {
  q: string
  total: number
  precision: number
  ndcg: number
}

async function measure(query: RelevanceQuery): Promise<Measured> {
  const params = new URLSearchParams({ q: query.q })
  const results = await searchLibraryInterpreted(context, parseLibraryQuery(params).query)
  const top = results.hits.slice(0, 10).map((hit) => hit.slug)
  const gains = top.map((slug) => (isRelevant(slug, query) ? 1 : 0))
  const relevantInCorpus = [...tagsBySlug.keys()].filter((slug) => isRelevant(slug, query)).length
  const ideal = Math.min(10, relevantInCorpus)
  const dcg = gains.reduce<number>((sum, gain, i) => sum + gain / Math.log2(i + 2), 0)
  const idcg = Array.from({ length: ideal }, (_, i) => 1 / Math.log2(i + 2)).reduce(
    (a, b) => a + b,
    0,
  )
  const found = gains.reduce<number>((a, b) => a + b, 0)
  return {
    q: query.q,
    total: results.total,
    precision: top.length === 0 ? 0 : found / top.length,
    ndcg: idcg === 0 ? 0 : dcg / idcg,
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

test('every query group reaches precision@10 of at least 0.8 and its recorded figure, and no known condition finds nothing', async () => {
  const figures: Record<string, { precision: number; ndcg: number; queries: Measured[] }> = {}
  for (const [group, queries] of Object.entries(relevanceQueries) as [
    RelevanceGroup,
    RelevanceQuery[],
  ][]) {
    const measured: Measured[] = []
    for (const query of queries) measured.push(await measure(query))
    figures[group] = {
      precision: mean(measured.map((m) => m.precision)),
      ndcg: mean(measured.map((m) => m.ndcg)),
      queries: measured,
    }
  }
  console.log(
    [
      'Relevance on the demo corpus (precision@10, nDCG@10):',
      ...Object.entries(figures).map(
        ([group, f]) =>
          `  ${group.padEnd(18)} P@10 ${f.precision.toFixed(2)}  nDCG@10 ${f.ndcg.toFixed(2)}  (${f.queries.length} queries)`,
      ),
      'Below 0.8:',
      ...Object.values(figures)
        .flatMap((f) => f.queries)
        .filter((m) => m.precision < 0.8)
        .map(
          (m) =>
            `  ${m.q.padEnd(32)} P@10 ${m.precision.toFixed(2)} nDCG@10 ${m.ndcg.toFixed(2)} total ${m.total}`,
        ),
    ].join('\n'),
  )
  if (process.env.RELEVANCE_FIGURES_FILE)
    writeFileSync(process.env.RELEVANCE_FIGURES_FILE, JSON.stringify(figures, null, 2))

  const knownButEmpty = Object.values(relevanceQueries)
    .flat()
    .filter((query) => query.known)
    .filter((query) =>
      Object.values(figures).some((f) => f.queries.some((m) => m.q === query.q && m.total === 0)),
    )
    .map((query) => query.q)
  expect(knownButEmpty).toEqual([])
  for (const [group, f] of Object.entries(figures)) {
    expect(f.precision, `${group} precision@10`).toBeGreaterThanOrEqual(0.8)
    expect(f.precision, `${group} precision@10 against the recorded figure`).toBeGreaterThanOrEqual(
      recordedFigures[group as RelevanceGroup].precision,
    )
    expect(f.ndcg, `${group} nDCG@10 against the recorded figure`).toBeGreaterThanOrEqual(
      recordedFigures[group as RelevanceGroup].ndcg,
    )
  }
})
