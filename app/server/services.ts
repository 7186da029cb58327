import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { createDb, type Database } from '../../db/client'
import { startEmbeddedPostgres, type RunningPostgres } from '../../db/embedded-postgres'
import { isProcessAlive, readOrCreateSecret } from '../../db/process-files'
import { createSearchService } from '../../search/client'
import {
  startEmbeddedMeilisearch,
  type RunningMeilisearch,
} from '../../search/embedded-meilisearch'
import type { Env } from '../utils/env.server'
import { createLogger, type Logger } from '../utils/logger.server'
import { createClock } from '../utils/clock.server'
import type { Services } from '../load-context'
import { superviseServer } from './supervise'

export type { Services }

export interface Runtime {
  services: Services
  /** Which servers this process started (and so must stop). */
  started: { postgres: boolean; meilisearch: boolean }
  stop: () => Promise<void>
}

interface ServicesFile {
  ownerPid: number
  postgresPort?: number
  meiliPort?: number
}

const servicesFile = (env: Env) => path.resolve(env.DATA_DIR, 'services.json')

/** The embedded servers of a platform already running from the same data folder, if any. */
async function runningPlatform(env: Env): Promise<ServicesFile | undefined> {
  const file = servicesFile(env)
  if (!existsSync(file)) return undefined
  const info = JSON.parse(await readFile(file, 'utf8')) as ServicesFile
  return isProcessAlive(info.ownerPid) && info.ownerPid !== process.pid ? info : undefined
}

export interface StartOptions {
  /** Restart the embedded servers if they die (the long-running app does; CLIs do not). */
  supervise?: boolean
  /** Record the embedded servers' ports so CLIs run meanwhile can use them. */
  owner?: boolean
  log?: Logger
}

export async function startRuntime(env: Env, options: StartOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(env.LOG_LEVEL)
  const dataDir = path.resolve(env.DATA_DIR)
  const attach = env.DATABASE_URL && env.MEILI_URL ? undefined : await runningPlatform(env)
  const stoppers: (() => Promise<void>)[] = []
  const started = { postgres: false, meilisearch: false }

  try {
    let databaseUrl = env.DATABASE_URL
    let postgresPort: number | undefined
    if (!databaseUrl && attach?.postgresPort) {
      const password = await readOrCreateSecret(path.join(dataDir, 'postgres.password'))
      databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${attach.postgresPort}/inclusion`
    } else if (!databaseUrl) {
      const pg = await superviseServer<RunningPostgres>({
        name: 'Postgres',
        restart: options.supervise ?? false,
        log,
        port: env.EMBEDDED_POSTGRES_PORT,
        start: (onUnexpectedExit, port) =>
          startEmbeddedPostgres({
            dir: path.join(dataDir, 'postgres'),
            port,
            log: (message) => log.debug({ source: 'postgres' }, message),
            onUnexpectedExit,
          }),
      })
      stoppers.push(pg.stop)
      started.postgres = true
      databaseUrl = pg.first.url
      postgresPort = pg.first.port
      log.info({ port: postgresPort }, 'embedded Postgres started')
    }

    let meiliUrl = env.MEILI_URL
    let meiliKey = env.MEILI_MASTER_KEY
    let meiliPort: number | undefined
    if (!meiliUrl && attach?.meiliPort) {
      meiliUrl = `http://127.0.0.1:${attach.meiliPort}`
      meiliKey = await readOrCreateSecret(path.join(dataDir, 'meilisearch.master-key'))
    } else if (!meiliUrl) {
      const meili = await superviseServer<RunningMeilisearch>({
        name: 'Meilisearch',
        restart: options.supervise ?? false,
        log,
        port: env.EMBEDDED_MEILI_PORT,
        start: (onUnexpectedExit, port) =>
          startEmbeddedMeilisearch({
            dir: path.join(dataDir, 'meilisearch'),
            port,
            log: (message) => log.debug({ source: 'meilisearch' }, message),
            onUnexpectedExit,
          }),
      })
      stoppers.push(meili.stop)
      started.meilisearch = true
      meiliUrl = meili.first.url
      meiliKey = meili.first.masterKey
      meiliPort = meili.first.port
      log.info({ port: meiliPort }, 'embedded Meilisearch started')
    }

    if (options.owner && (postgresPort || meiliPort)) {
      const info: ServicesFile = { ownerPid: process.pid, postgresPort, meiliPort }
      await writeFile(servicesFile(env), JSON.stringify(info))
      stoppers.push(() => rm(servicesFile(env), { force: true }))
    }

    const db = createDb(databaseUrl, { max: env.DATABASE_POOL_SIZE })
    stoppers.push(() => db.destroy())
    const pgPool = createPgPool(databaseUrl)
    stoppers.push(() => pgPool.end())
    const services: Services = {
      env,
      db,
      databaseUrl,
      pgPool,
      search: createSearchService({
        url: meiliUrl,
        masterKey: meiliKey!,
        indexPrefix: env.MEILI_INDEX_PREFIX,
      }),
      sessionSecret:
        env.SESSION_SECRET ?? (await readOrCreateSecret(path.join(dataDir, 'session-secret'), 48)),
      publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
      log,
      clock: createClock(env.NODE_ENV === 'test'),
    }
    return { services, started, stop: () => stopAll(stoppers) }
  } catch (error) {
    await stopAll(stoppers)
    throw error
  }
}

export function createPgPool(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, idleTimeoutMillis: 30_000 })
  // A client that loses its server (a Postgres restart) must not crash the process: idle ones
  // report through the pool, clients in use through their own 'error' event; whoever is using a
  // client hears of the failure from its query.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  return pool
}

async function stopAll(stoppers: (() => Promise<void>)[]) {
  // Last started, first stopped: the pool closes before the servers it talks to.
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined)
  stoppers.length = 0
}

/** For command-line tools: run `work` with the platform's services, then release them. */
export async function withServices<T>(
  env: Env,
  work: (services: Services) => Promise<T>,
): Promise<T> {
  const runtime = await startRuntime(env, {
    log: createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL),
  })
  try {
    return await work(runtime.services)
  } finally {
    await runtime.stop()
  }
}

export async function withDatabase<T>(env: Env, work: (db: Database) => Promise<T>): Promise<T> {
  return withServices(env, (services) => work(services.db))
}
