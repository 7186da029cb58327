import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import postgres from 'postgres'
import { inject } from 'vitest'
import { createPgPool } from '../../app/server/services'
import { createDb, type Database } from '../../db/client'
import { createSearchService, type SearchService } from '../../search/client'
import { finishWithin } from '../support/deadline'
import { startAppProcess } from './app-process'

export interface TestServices {
  db: Database
  pgPool: pg.Pool
  search: SearchService
  databaseUrl: string
  cleanUp: () => Promise<void>
}

/** A new database of this name, cloned from the migrated template; returns its URL. */
export async function cloneTemplateDatabase(name: string): Promise<string> {
  const admin = postgres(inject('postgresAdminUrl'), { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`)
  await admin.end()
  return inject('postgresAdminUrl').replace(/\/postgres$/, `/${name}`)
}

/**
 * A database of its own, cloned from the migrated template, and an index prefix of its own, so a
 * test file can never see another file's data. Call in beforeAll; call cleanUp in afterAll.
 */
export async function createTestServices(): Promise<TestServices> {
  const adminUrl = inject('postgresAdminUrl')
  const name = `t_${randomBytes(5).toString('hex')}`
  const databaseUrl = await cloneTemplateDatabase(name)
  const db = createDb(databaseUrl, { max: 4 })
  const pgPool = createPgPool(databaseUrl)
  const search = createSearchService({
    url: inject('meiliUrl'),
    masterKey: inject('meiliMasterKey'),
    indexPrefix: `${name}_`,
  })
  return {
    db,
    pgPool,
    search,
    databaseUrl,
    // Each step says its name if it takes too long, rather than the file's hook timing out
    // with no clue (a db.destroy() that never settled once cost a CI run two minutes).
    cleanUp: async () => {
      await step('closing the database handle', db.destroy())
      await step('closing the job queue pool', pgPool.end())
      const { results } = await step(
        'listing search indexes',
        search.client.getIndexes({ limit: 1000 }),
      )
      for (const index of results.filter((i) => i.uid.startsWith(`${name}_`))) {
        await step(`deleting index ${index.uid}`, search.client.deleteIndex(index.uid).waitTask())
      }
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} })
      try {
        await step(
          `dropping database ${name}`,
          cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
        )
      } finally {
        await cleanup.end({ timeout: 5 })
      }
    },
  }
}

/**
 * The app as `npm start` runs it, in a process of its own, on a fresh copy of the template
 * database (it seeds the demo data) and an index prefix of its own, with the run's Meilisearch.
 */
export async function startAppOnFreshDatabase(
  prefix: string,
  options: Partial<Parameters<typeof startAppProcess>[0]> = {},
) {
  const database = `${prefix}_${randomBytes(4).toString('hex')}`
  const databaseUrl = await cloneTemplateDatabase(database)
  const app = await startAppProcess({
    databaseUrl,
    meiliUrl: inject('meiliUrl'),
    meiliMasterKey: inject('meiliMasterKey'),
    indexPrefix: `${database}_`,
    ...options,
  })
  return { app, databaseUrl }
}

const STEP_PATIENCE_MS = 30_000

/** Waits for a clean-up step, failing with its name if it has not finished in time. */
const step = <T>(name: string, promise: Promise<T>) =>
  finishWithin(
    promise,
    STEP_PATIENCE_MS,
    () => `test clean-up: ${name} had not finished after ${STEP_PATIENCE_MS / 1000} s`,
  )
