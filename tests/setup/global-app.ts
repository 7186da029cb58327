import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { ensureBuild } from '../../app/server/build'
import { recordedPagesDir } from '../support/html-validity'
import { notifyTestEnv } from '../support/notify'
import { startAppProcess } from './app-process'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** The e2e app's database, for tests that check what a journey saved. */
    appDatabaseUrl: string
    /** One JSON line per request the app made to (stubbed) GOV.UK Notify. */
    notifyLog: string
  }
}

/**
 * Browser tests drive the real thing: the production build served by `app/server/main.ts` on the
 * run's Postgres and Meilisearch, seeded with the demo data exactly as `npm start` seeds it.
 */
export default async function setup(project: TestProject) {
  const context = project.getProvidedContext()
  const database = `e2e_${randomBytes(4).toString('hex')}`
  const admin = postgres(context.postgresAdminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE "${database}" TEMPLATE "${context.templateDatabase}"`)
  await admin.end()

  await ensureBuild((message) => console.log(message))
  // Pages the browser tests load in this run, for the HTML validity test; none from earlier runs.
  await rm(recordedPagesDir, { recursive: true, force: true })
  const stubDir = await mkdtemp(path.join(tmpdir(), 'iip-notify-'))
  const notifyLog = path.join(stubDir, 'requests.jsonl')
  const databaseUrl = context.postgresAdminUrl.replace(/\/postgres$/, `/${database}`)
  const app = await startAppProcess({
    databaseUrl,
    meiliUrl: context.meiliUrl,
    meiliMasterKey: context.meiliMasterKey,
    indexPrefix: `${database}_`,
    // Emails go to GOV.UK Notify's API, answered by msw inside the app process.
    imports: ['./tests/setup/notify-stub.ts'],
    env: {
      ...notifyTestEnv,
      NOTIFY_STUB_LOG: notifyLog,
    },
  })
  project.provide('baseUrl', app.baseUrl)
  project.provide('appDatabaseUrl', databaseUrl)
  project.provide('notifyLog', notifyLog)
  return async () => {
    await app.stop()
    await rm(stubDir, { recursive: true, force: true })
  }
}
