import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import getPort from 'get-port'
import { ensureBuild } from '../../app/server/build'
import { createHttpServer } from '../../app/server/http'
import type { Services } from '../../app/server/services'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { createDb, type Database } from '../../db/client'
import { startEmbeddedPostgres } from '../../db/embedded-postgres'
import { migrateToLatest } from '../../db/migrate'
import { createSearchService, type SearchService } from '../../search/client'
import { startEmbeddedMeilisearch } from '../../search/embedded-meilisearch'

export const say = (message: string) => process.stdout.write(`${message}\n`)
export const machine = `${cpus().length} cores`

export interface BenchEnvironment {
  db: Database
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

/** The production build served in this process, as `npm start` serves it. */
export async function startAppServer(db: Database, search: SearchService) {
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
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
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
