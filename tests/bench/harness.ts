import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
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
import { scannerVersion } from '../../app/submissions/personal-data'
import { trainFromPublished } from '../../app/suggestions/model-store.server'
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
  /** The servers' process ids, for their CPU time and memory. */
  pids: { meilisearch: number; postgres: number }
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
    pids: {
      meilisearch: meili.pid,
      postgres: Number(
        (await readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
      ),
    },
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
export async function startAppServer(
  env: BenchEnvironment,
  variables: Record<string, string> = {},
) {
  const app = await startAppProcess({
    databaseUrl: env.databaseUrl,
    meiliUrl: env.meiliUrl,
    meiliMasterKey: env.meiliKey,
    indexPrefix: env.search.indexPrefix,
    env: variables,
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
  // Each app instance rescans at start-up the case studies last scanned under older rules for
  // personal data (a one-off after a rules change). Left at version 0, the whole synthetic corpus
  // was rescanned by every instance, for minutes (about 150 a second), in the background of the
  // measurements, adding app and Postgres CPU to every request measured. The synthetic corpus
  // scans clean (50,000 scanned, none withheld), so it is recorded as scanned under the current
  // rules, as it is after the first start.
  await env.db
    .updateTable('case_studies')
    .set({ privacy_scan_version: scannerVersion })
    .where('status', '=', 'published')
    .execute()
  // Likewise the tag suggester's model, which a running platform has already trained: left to
  // the app, the first retraining (a job every ten minutes by the clock) trained it on 2,000 case
  // studies in the background of whichever measurement the clock fell in.
  await trainFromPublished(env.db)
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
  /** CPU time per request (ms) of each process measured, and of the load generator itself. */
  cpuMsPerRequest?: Record<string, number>
}

/**
 * autocannon for load; every response's latency kept, so percentiles (p95 too) are exact. Given
 * several URLs (instances of the app), the connections are shared evenly between them. With
 * `processes` (a name for each root pid), also the CPU time each spent per request meanwhile.
 */
export async function load(
  url: string | string[],
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
  processes: Record<string, number> = {},
): Promise<Figures> {
  const urls = Array.isArray(url) ? url : [url]
  const cpuBefore = await cpuByName(processes)
  const ownBefore = process.cpuUsage()
  const latencies: number[] = []
  const results = await Promise.all(
    urls.map(
      (target) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: target,
              connections: Math.round(connections / urls.length),
              duration: seconds,
              requests,
              timeout: 20,
            },
            (error, done) => (error ? reject(error) : resolve(done)),
          )
          instance.on('response', (_client, _status, _bytes, responseTime) =>
            latencies.push(responseTime),
          )
        }),
    ),
  )
  for (const [i, result] of results.entries()) {
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${urls[i]}: ${result.non2xx} non-2xx responses and ${result.errors} errors`)
    }
  }
  const figures = summarise(latencies, seconds)
  if (Object.keys(processes).length === 0) return figures
  const own = process.cpuUsage(ownBefore)
  const cpuAfter = await cpuByName(processes)
  const perRequest = (ms: number) => round(ms / Math.max(1, latencies.length))
  return {
    ...figures,
    cpuMsPerRequest: {
      ...Object.fromEntries(
        Object.keys(processes).map((name) => [
          name,
          perRequest(cpuAfter[name]! - cpuBefore[name]!),
        ]),
      ),
      'load generator': perRequest((own.user + own.system) / 1000),
    },
  }
}

async function cpuByName(processes: Record<string, number>) {
  const all = await readProcesses()
  return Object.fromEntries(
    Object.entries(processes).map(([name, pid]) => [
      name,
      // Linux counts CPU time in clock ticks of 1/100 s (USER_HZ).
      sumOverTree(all, pid, (p) => p.cpuTicks) * 10,
    ]),
  )
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

/** The middle value of a benchmark's repeated runs (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

interface ProcessSample {
  ppid: number
  rssKb: number
  /**
   * User and system CPU time so far, in clock ticks, with that of its children that have ended
   * (Postgres's backends come and go), so that a tree's total never goes down.
   */
  cpuTicks: number
}

/** Every process's parent, memory and CPU time, from /proc/[pid]/stat (Linux). */
async function readProcesses(): Promise<Map<number, ProcessSample>> {
  const processes = new Map<number, ProcessSample>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    if (!stat) continue
    // The fields after the command's closing bracket, from "state" on (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    processes.set(Number(entry), {
      ppid: Number(fields[1]),
      cpuTicks: fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0),
      rssKb: Number(fields[21]) * 4,
    })
  }
  return processes
}

function sumOverTree(
  processes: Map<number, ProcessSample>,
  rootPid: number,
  value: (sample: ProcessSample) => number,
) {
  const inTree = (pid: number): boolean =>
    pid === rootPid || (pid > 1 && processes.has(pid) && inTree(processes.get(pid)!.ppid))
  let total = 0
  for (const [pid, sample] of processes) if (inTree(pid)) total += value(sample)
  return total
}

/** Resident memory (MB) of a process and its descendants. */
export async function treeRssMb(rootPid: number): Promise<number> {
  return Math.round(sumOverTree(await readProcesses(), rootPid, (p) => p.rssKb) / 1024)
}
