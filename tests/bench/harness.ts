import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { Presets, SingleBar } from 'cli-progress'
import { createDb, type Database } from '../../db/client'
import { startEmbeddedPostgres } from '../../db/embedded-postgres'
import { migrateToLatest } from '../../db/migrate'
import { createSearchService, type SearchService } from '../../search/client'
import { startEmbeddedMeilisearch } from '../../search/embedded-meilisearch'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import { seedSyntheticCorpus } from '../../seeds/synthetic-corpus'
import { startAppProcess } from '../setup/app-process'

// Free text, typos, synonyms, filters within and across facets, sorting and paging.
export const librarySearches = [
  'q=autism',
  'q=autsim',
  'q=speech+and+language&phase=primary',
  'need=SEMH&need=ASD',
  'practice=attendance&region=H',
  'q=teaching+assistant&evidence=3&evidence=4',
  'q=deaf&setting=school-with-sen-unit',
  'q=exclusions&sort=newest',
  '',
  'need=SLCN&practice=early-identification&phase=early-years',
  'q=resource+base&page=3',
  'region=B&region=D&phase=secondary',
]

export const say = (message: string) => process.stdout.write(`${message}\n`)
export const machine = `${cpus().length} cores`

export interface BenchEnvironment {
  db: Database
  databaseUrl: string
  search: SearchService
  meiliUrl: string
  meiliKey: string
  stop: () => Promise<void>
}

/** Postgres and Meilisearch of the benchmark's own, in a temporary folder, removed afterwards. */
export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iip-bench-'))
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres') })
  const meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch') })
  const db = createDb(pg.url, { max: 20 })
  await migrateToLatest(db)
  return {
    db,
    databaseUrl: pg.url,
    search: createSearchService({
      url: meili.url,
      masterKey: meili.masterKey,
      indexPrefix: 'bench_',
    }),
    meiliUrl: meili.url,
    meiliKey: meili.masterKey,
    stop: async () => {
      await db.destroy()
      await meili.stop()
      await pg.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The app in a process of its own, started by the same launcher as `npm start` (production build),
 * so that the load generator in this process does not share the app's event loop.
 */
export async function startAppServer(env: BenchEnvironment) {
  const app = await startAppProcess({
    databaseUrl: env.databaseUrl,
    meiliUrl: env.meiliUrl,
    meiliMasterKey: env.meiliKey,
    indexPrefix: env.search.indexPrefix,
  })
  return { url: app.baseUrl, pid: app.pid, close: app.stop }
}

/**
 * Fills the benchmark's database with `count` synthetic case studies (with a progress bar) and
 * indexes them with the platform's rebuild, rather than through the outbox.
 */
export async function seedIndexedCorpus(env: BenchEnvironment, count: number, seed: number) {
  const bar = new SingleBar(
    { format: 'Corpus [{bar}] {value}/{total} case studies | {eta_formatted} left' },
    Presets.shades_classic,
  )
  bar.start(count, 0)
  await seedSyntheticCorpus(env.db, count, (n) => bar.update(n), seed)
  bar.stop()
  await env.db.deleteFrom('search_outbox').execute()
  say('Indexing…')
  const started = performance.now()
  await rebuildCaseStudyIndex(env.db, env.search)
  say(
    `Indexed ${count.toLocaleString('en-GB')} case studies in ${round((performance.now() - started) / 1000)} s.`,
  )
}

export interface Figures {
  rps: number
  p50: number
  p95: number
  p99: number
}

/** autocannon for load; every response's latency kept, so percentiles (p95 too) are exact. */
export async function load(
  url: string,
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
): Promise<Figures> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, requests, timeout: 20 },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    )
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`)
  }
  return summarise(latencies, seconds)
}

function summarise(latencies: number[], seconds: number): Figures {
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
  return { rps: Math.round(latencies.length / seconds), p50: at(0.5), p95: at(0.95), p99: at(0.99) }
}

/** Closed loop with `connections` workers for `seconds`, like autocannon but for a function call. */
export async function loop(
  work: (i: number) => Promise<void>,
  connections: number,
  seconds: number,
): Promise<Figures> {
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
  return summarise(latencies, seconds)
}

export function round(n: number) {
  return Math.round(n * 100) / 100
}

/** Resident memory (MB) of a process and its descendants, from /proc (Linux). */
export async function treeRssMb(rootPid: number): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises')
  const parents = new Map<number, number>()
  const rss = new Map<number, number>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '')
    const ppid = Number(status.match(/^PPid:\s+(\d+)/m)?.[1] ?? 0)
    const kb = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0)
    parents.set(Number(entry), ppid)
    rss.set(Number(entry), kb)
  }
  const inTree = (pid: number): boolean =>
    pid === rootPid || (pid > 1 && parents.has(pid) && inTree(parents.get(pid)!))
  let total = 0
  for (const [pid, kb] of rss) if (inTree(pid)) total += kb
  return Math.round(total / 1024)
}
