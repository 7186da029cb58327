import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDb } from '../../db/client'
import { createDatabaseIfMissing, startEmbeddedPostgres } from '../../db/embedded-postgres'
import { migrateJobQueue } from '../../db/job-queue'
import { migrateToLatest } from '../../db/migrate'
import { startEmbeddedMeilisearch } from '../../search/embedded-meilisearch'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
    templateDatabase: string
    meiliUrl: string
    meiliMasterKey: string
    meiliPid: number
  }
}

export const TEMPLATE_DATABASE = 'iip_template'

/**
 * One real Postgres and one real Meilisearch for the whole run, on free ports, in a temporary
 * folder. A template database is migrated (which brings the taxonomy and synonyms) once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), `iip-${project.name}-`))
  const postgres = await startEmbeddedPostgres({
    dir: path.join(dir, 'postgres'),
    database: 'postgres',
  })
  const meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meilisearch') })

  const base = postgres.url.replace(/\/postgres$/, '')
  await createDatabaseIfMissing(`${base}/postgres`, TEMPLATE_DATABASE)
  const template = createDb(`${base}/${TEMPLATE_DATABASE}`, { max: 1 })
  await migrateToLatest(template)
  await template.destroy()
  await migrateJobQueue(`${base}/${TEMPLATE_DATABASE}`)

  project.provide('postgresAdminUrl', `${base}/postgres`)
  project.provide('templateDatabase', TEMPLATE_DATABASE)
  project.provide('meiliUrl', meili.url)
  project.provide('meiliMasterKey', meili.masterKey)
  project.provide('meiliPid', meili.pid)

  return async () => {
    await meili.stop()
    await postgres.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
