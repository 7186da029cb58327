// `npm run bench:pages [-- --count 10000 --seconds 10]`: index rebuild, case-study page and home page against the raw
// engines underneath them, in the same run, on servers of its own (started here, on free ports, and
// removed afterwards). The library search has its own, larger benchmark: `npm run bench:search`.
process.env.NODE_ENV = 'production' // React's production build for server rendering, as deployed.

import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  countPublishedCaseStudies,
  findPublishedCaseStudyBySlug,
  listPublishedCaseStudiesWithTags,
} from '../../db/repositories/case-studies'
import { findCurrentCall } from '../../db/repositories/calls'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import { toCaseStudyDocument } from '../../search/documents'
import { applyCaseStudySettings, waitOk } from '../../search/index-settings'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import { seedSyntheticCorpus } from '../../seeds/synthetic-corpus'
import {
  load,
  loop,
  machine,
  round,
  say,
  startAppServer,
  startBenchEnvironment,
  type Figures,
} from './harness'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
  },
})
const count = Number(args.count)
const seconds = Number(args.seconds)
const connections = 4

const env = await startBenchEnvironment()
const { db, search } = env
const results: Record<string, unknown> = { count, seconds, connections, machine }

try {
  say(`Generating and inserting ${count.toLocaleString('en-GB')} synthetic case studies…`)
  let started = performance.now()
  await seedSyntheticCorpus(db, count, () => {}, 7)
  await db.deleteFrom('search_outbox').execute()
  results.insertSeconds = seconds2(performance.now() - started)

  // Index build: the platform's rebuild (read Postgres, map, index, swap) against Meilisearch
  // indexing the same documents handed to it ready-made.
  say('Rebuilding the search index…')
  started = performance.now()
  await rebuildCaseStudyIndex(db, search)
  const platformIndexMs = performance.now() - started
  const docs = []
  for (let afterId: string | undefined; ;) {
    const batch = await listPublishedCaseStudiesWithTags(db, { afterId, limit: 1000 })
    if (batch.length === 0) break
    docs.push(...batch.map(toCaseStudyDocument))
    afterId = batch.at(-1)!.id
  }
  const rawIndex = 'bench_raw_engine'
  await applyCaseStudySettings(search.client, rawIndex)
  started = performance.now()
  for (let i = 0; i < docs.length; i += 1000) {
    await waitOk(
      search.client
        .index(rawIndex)
        .addDocuments(docs.slice(i, i + 1000), { primaryKey: 'id' })
        .waitTask({ timeout: 300_000 }),
    )
  }
  const rawIndexMs = performance.now() - started
  results.index = {
    platformDocsPerSecond: Math.round(count / (platformIndexMs / 1000)),
    rawDocsPerSecond: Math.round(count / (rawIndexMs / 1000)),
    ratio: round(platformIndexMs / rawIndexMs),
  }

  const server = await startAppServer(env)
  const app = server.url

  say('Case study page: the platform page against Postgres answering the same query…')
  const slugs = (
    await db.selectFrom('case_studies').select('slug').orderBy('id').limit(200).execute()
  ).map((r) => r.slug)
  const page = await load(
    app,
    slugs.map((slug) => ({ method: 'GET', path: `/library/${slug}` })),
    connections,
    seconds,
  )
  const raw = await loop(
    async (i) => {
      await findPublishedCaseStudyBySlug(db, slugs[i % slugs.length]!)
    },
    connections,
    seconds,
  )
  results.caseStudy = compare(page, raw)

  // The home page reads the count of public case studies and the taxonomy once for every visitor
  // for a few seconds (app/library/home-summary.server.ts); the raw figure is Postgres answering
  // the page's three queries for every view, as the page did before.
  say('Home page: the platform page against Postgres answering its queries for every view…')
  const home = await load(app, [{ method: 'GET', path: '/' }], connections, seconds, {
    app: server.pid,
    Postgres: env.pids.postgres,
  })
  const homeRaw = await loop(
    async () => {
      await Promise.all([
        findCurrentCall(db, new Date()),
        countPublishedCaseStudies(db),
        listTaxonomyTerms(db),
      ])
    },
    connections,
    seconds,
  )
  results.home = compare(home, homeRaw)
  await server.close()

  await writeFile(
    path.join(import.meta.dirname, 'pages-results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  say('')
  say(
    `| Measure (${count.toLocaleString('en-GB')} case studies, ${connections} connections, ${seconds} s each) | Platform | Raw engine | Ratio |`,
  )
  say('| --- | --- | --- | --- |')
  const index = results.index as {
    platformDocsPerSecond: number
    rawDocsPerSecond: number
    ratio: number
  }
  say(
    `| Index rebuild from Postgres (documents/s) | ${index.platformDocsPerSecond} | ${index.rawDocsPerSecond} (Meilisearch, documents ready-made) | ${index.ratio}× the time |`,
  )
  for (const [name, key, engine] of [
    ['Case study page `/library/:slug`', 'caseStudy', 'Postgres query behind the page'],
    ['Home page `/`', 'home', 'Postgres queries behind the page, every view'],
  ] as const) {
    const r = results[key] as ReturnType<typeof compare>
    say(`| ${name}: requests/s | ${r.platform.rps} | ${r.raw.rps} (${engine}) | ${r.rpsRatio} |`)
    say(
      `| ${name}: p50 / p95 / p99 latency (ms) | ${r.platform.p50} / ${r.platform.p95} / ${r.platform.p99} | ${r.raw.p50} / ${r.raw.p95} / ${r.raw.p99} | ${r.p50Ratio}× p50 |`,
    )
  }
  const homeCpu = (results.home as ReturnType<typeof compare>).platform.cpuMsPerRequest
  say(`Home page CPU per view: app ${homeCpu?.app} ms, Postgres ${homeCpu?.Postgres} ms`)
} finally {
  await env.stop()
}

function compare(platform: Figures, raw: Figures) {
  return {
    platform,
    raw,
    rpsRatio: round(platform.rps / raw.rps),
    p50Ratio: round(platform.p50 / Math.max(raw.p50, 0.01)),
  }
}

function seconds2(ms: number) {
  return round(ms / 1000)
}
