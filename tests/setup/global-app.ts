import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { ensureBuild } from '../../app/server/build'
import { startAppProcess } from './app-process'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
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
  const app = await startAppProcess({
    databaseUrl: context.postgresAdminUrl.replace(/\/postgres$/, `/${database}`),
    meiliUrl: context.meiliUrl,
    meiliMasterKey: context.meiliMasterKey,
    indexPrefix: `${database}_`,
  })
  project.provide('baseUrl', app.baseUrl)
  return () => app.stop()
}
