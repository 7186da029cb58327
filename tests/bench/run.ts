// `npm run bench [-- --count 10000 --seconds 10]`: measures the platform against the raw engines
// underneath it, in the same run, on servers of its own (started here, on free ports, and removed
// afterwards). Prints a Markdown table for the README and writes tests/bench/results.json.
process.env.NODE_ENV = 'production' // React's production build for server rendering, as deployed.

import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import getPort from 'get-port'
import { ensureBuild } from '../../app/server/build'
import { createHttpServer } from '../../app/server/http'
import type { Services } from '../../app/server/services'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { createDb } from '../../db/client'
import { findPublishedCaseStudyBySlug } from '../../db/repositories/case-studies'
import { startEmbeddedPostgres } from '../../db/embedded-postgres'
import { migrateToLatest } from '../../db/migrate'
import { createSearchService } from '../../search/client'
import { toCaseStudyDocument } from '../../search/documents'
import { applyCaseStudySettings, waitOk } from '../../search/index-settings'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import { listPublishedCaseStudiesWithTags } from '../../db/repositories/case-studies'
import { startEmbeddedMeilisearch } from '../../search/embedded-meilisearch'
import { generateSyntheticCaseStudies } from '../../seeds/data/demo-case-studies'
import { insertCaseStudiesInBulk } from '../../seeds/factories/case-studies'
import { importEstablishments } from '../../seeds/gias/import-establishments'
import { demoToCaseStudyInput, listOpenSchools, schoolsSampleFile } from '../../seeds/seed'
import { seedTaxonomy } from '../../seeds/taxonomy'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
  },
})
const count = Number(args.count)
const seconds = Number(args.seconds)
const connections = 4
const queries = [
  'autism',
  'autistc resource base',
  'speech and language',
  'SEMH',
  'attendance',
  'EHCP',
  'early identification',
  'deaf',
  'teaching assistant',
  'exclusions',
]

const say = (message: string) => process.stdout.write(`${message}\n`)
const dir = await mkdtemp(path.join(tmpdir(), 'iip-bench-'))
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres') })
const meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch') })
const db = createDb(pg.url, { max: 10 })
const search = createSearchService({
  url: meili.url,
  masterKey: meili.masterKey,
  indexPrefix: 'bench_',
})
const results: Record<string, unknown> = {
  count,
  seconds,
  connections,
  machine: `${(await import('node:os')).cpus().length} cores`,
}

try {
  await migrateToLatest(db)
  await seedTaxonomy(db)
  await importEstablishments(db, schoolsSampleFile)
  const schools = await listOpenSchools(db)

  say(`Generating and inserting ${count.toLocaleString('en-GB')} synthetic case studies…`)
  let started = performance.now()
  const inputs = generateSyntheticCaseStudies(count, 7).map((demo, i) =>
    demoToCaseStudyInput(demo, schools, i),
  )
  await insertCaseStudiesInBulk(db, inputs)
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

  const env = parseEnv({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  })
  const services: Services = {
    env,
    db,
    search,
    sessionSecret: env.SESSION_SECRET!,
    publicBaseUrl: 'http://localhost',
    log: createLogger('silent'),
  }
  const server = await createHttpServer({
    services,
    build: { serverBuildPath: await ensureBuild(say) },
  })
  const port = await getPort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const app = `http://127.0.0.1:${port}`

  say('Library search: the platform page against Meilisearch answering the same query…')
  const searchBody = (q: string) =>
    JSON.stringify({
      q,
      limit: 20,
      attributesToHighlight: ['summary'],
      highlightPreTag: '\u0002',
      highlightPostTag: '\u0003',
    })
  const pageSearch = await load(
    app,
    queries.map((q) => ({ method: 'GET', path: `/library?q=${encodeURIComponent(q)}` })),
  )
  const rawSearch = await load(
    meili.url,
    queries.map((q) => ({
      method: 'POST',
      path: `/indexes/${search.caseStudiesIndex}/search`,
      body: searchBody(q),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
    })),
  )
  results.search = compare(pageSearch, rawSearch)

  say('Case study page: the platform page against Postgres answering the same query…')
  const slugs = (
    await db.selectFrom('case_studies').select('slug').orderBy('id').limit(200).execute()
  ).map((r) => r.slug)
  const page = await load(
    app,
    slugs.map((slug) => ({ method: 'GET', path: `/library/${slug}` })),
  )
  const raw = await loop(async (i) => {
    await findPublishedCaseStudyBySlug(db, slugs[i % slugs.length]!)
  })
  results.caseStudy = compare(page, raw)
  server.close()

  await writeFile(
    path.join(import.meta.dirname, 'results.json'),
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
    ['Library search `/library?q=`', 'search', 'Meilisearch search API'],
    ['Case study page `/library/:slug`', 'caseStudy', 'Postgres query behind the page'],
  ] as const) {
    const r = results[key] as ReturnType<typeof compare>
    say(`| ${name}: requests/s | ${r.platform.rps} | ${r.raw.rps} (${engine}) | ${r.rpsRatio} |`)
    say(
      `| ${name}: p50 / p99 latency (ms) | ${r.platform.p50} / ${r.platform.p99} | ${r.raw.p50} / ${r.raw.p99} | ${r.p50Ratio}× p50 |`,
    )
  }
} finally {
  await db.destroy()
  await meili.stop()
  await pg.stop()
  await rm(dir, { recursive: true, force: true })
}

interface Figures {
  rps: number
  p50: number
  p99: number
}

async function load(url: string, requests: autocannon.Request[]): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 10 })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`)
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
}

/** Closed loop with `connections` workers for `seconds`, like autocannon but for a function call. */
async function loop(work: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = []
  const end = performance.now() + seconds * 1000
  let n = 0
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now()
        await work(n++)
        latencies.push(performance.now() - started)
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!)
  return { rps: Math.round(latencies.length / seconds), p50: at(0.5), p99: at(0.99) }
}

function compare(platform: Figures, raw: Figures) {
  return {
    platform,
    raw,
    rpsRatio: round(platform.rps / raw.rps),
    p50Ratio: round(platform.p50 / Math.max(raw.p50, 0.01)),
  }
}

function round(n: number) {
  return Math.round(n * 100) / 100
}

function seconds2(ms: number) {
  return round(ms / 1000)
}
