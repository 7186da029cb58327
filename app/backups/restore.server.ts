import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import postgres from 'postgres'
import { migrateJobQueue } from '../../db/job-queue'
import { latestMigration, migrateToLatest, migrateToVersion } from '../../db/migrate'
import { migrations } from '../../db/migrations/index'
import { countPublishedCaseStudies } from '../../db/repositories/case-studies'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import type { Services } from '../load-context'
import { storedFilePath } from '../submissions/files.server'
import type { Env } from '../utils/env.server'
import { readArchive, type ArchiveEntry } from './archive.server'
import { sessionSecretFingerprint } from './backup.server'
import { fileEntry, tableEntry, type Manifest } from './manifest'
import { checkBackup, RestoreRefused, whyTargetIsNotEmpty } from './restore-checks.server'
import {
  checksumTables,
  copyDigest,
  copyInQuery,
  listTables,
  useCanonicalTextFormat,
} from './tables.server'

export interface RestoreProgress {
  phase: 'checking' | 'preparing' | 'loading' | 'indexing'
  done: number
  total: number
}

export interface RestoreReport {
  manifest: Manifest
  indexed: number | null
  notes: string[]
}

/**
 * Restores a backup into an empty target: an empty DATA_DIR (its embedded Postgres is created)
 * or an empty DATABASE_URL, and an empty uploads folder. Every checksum is checked before
 * anything is written; the schema is made by the migrations, as of the backup; the rows are
 * loaded in one transaction and checked again against the manifest before it commits; then the
 * search index is rebuilt from Postgres.
 */
/** Starts the platform's servers for the target (the start-up code passes its own). */
export type WithServices = <T>(env: Env, work: (services: Services) => Promise<T>) => Promise<T>

export async function restoreBackup(
  env: Env,
  file: string,
  withServices: WithServices,
  onProgress: (progress: RestoreProgress) => void = () => {},
): Promise<RestoreReport> {
  const source = path.resolve(file)
  if (!existsSync(source)) throw new RestoreRefused(`There is no backup at ${source}`)
  const problem = await whyTargetIsNotEmpty(env)
  if (problem) throw new RestoreRefused(`Nothing was restored. ${problem}`)

  const size = (await stat(source)).size
  const { manifest, sessionSecret } = await checkBackup(source, (done) =>
    onProgress({ phase: 'checking', done, total: size }),
  )
  if (!(manifest.schemaVersion in migrations))
    throw new RestoreRefused(
      `Nothing was restored. The backup was made by a newer version of the platform (its database is at ${manifest.schemaVersion}); restore it with that version or a later one.`,
    )

  const notes: string[] = []
  const dataDir = path.resolve(env.DATA_DIR)
  const written: string[] = []
  let touchedDatabase = false
  try {
    const secretNote = await settleSessionSecret(env, manifest, sessionSecret)
    if (secretNote) notes.push(secretNote)

    onProgress({ phase: 'preparing', done: 0, total: 2 })
    return await withServices(env, async (services) => {
      touchedDatabase = true
      onProgress({ phase: 'preparing', done: 1, total: 2 })
      await migrateToVersion(services.db, manifest.schemaVersion)
      await migrateJobQueue(services.pgPool)
      onProgress({ phase: 'preparing', done: 2, total: 2 })
      const sql = postgres(services.databaseUrl, { max: 1, onnotice: () => {} })
      try {
        await sql.begin(async (tx) => {
          await useCanonicalTextFormat(tx)
          await checkTablesMatch(tx, manifest)
          // Reference-data migrations fill some tables (the taxonomy, default synonyms) as the
          // schema is made; the backup holds the whole truth, so what it restores starts empty.
          const restoring = manifest.tables.map((t) => quoteQualified(t.name)).join(', ')
          if (restoring) await tx.unsafe(`TRUNCATE ${restoring}`)
          await readArchive(
            source,
            async (entry) => {
              const table = manifest.tables.find((t) => tableEntry(t.name) === entry.name)
              if (table) return loadTable(tx, table, entry)
              const sha256 = entry.name.startsWith('files/') ? entry.name.slice(6) : undefined
              if (sha256 && manifest.files.some((f) => f.sha256 === sha256)) {
                const target = storedFilePath(env, sha256)
                written.push(target)
                await writeVerifiedFile(entry.stream, sha256, target)
              }
            },
            (done) => onProgress({ phase: 'loading', done, total: size }),
          )
          // The rows as Postgres now holds them, read back the way the backup read them.
          const sums = await checksumTables(tx, manifest.tables)
          for (const table of manifest.tables) {
            const sum = sums.get(table.name)!
            if (sum.sha256 !== table.sha256 || sum.rows !== table.rows)
              throw new Error(
                `After loading, ${table.name} does not match the backup (${sum.rows} rows against ${table.rows})`,
              )
          }
          for (const { name, lastValue } of manifest.sequences)
            await tx`SELECT setval(${name}::regclass, ${lastValue}::bigint, true)`
          // Jobs that were running when the backup was taken run again: their workers are gone.
          if (manifest.tables.some((t) => t.name === 'graphile_worker._private_jobs')) {
            await tx`UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL WHERE locked_at IS NOT NULL`
            await tx`UPDATE graphile_worker._private_job_queues SET locked_at = NULL, locked_by = NULL WHERE locked_at IS NOT NULL`
          }
        })
      } finally {
        await sql.end()
      }
      if (manifest.schemaVersion !== latestMigration()) await migrateToLatest(services.db)

      let indexed: number | null = null
      try {
        const total = await countPublishedCaseStudies(services.db)
        onProgress({ phase: 'indexing', done: 0, total })
        indexed = (
          await rebuildCaseStudyIndex(services.db, services.search, (p) =>
            onProgress({ phase: 'indexing', done: p.indexed, total }),
          )
        ).indexed
      } catch (error) {
        notes.push(
          `The search index was not rebuilt (${error instanceof Error ? error.message : String(error)}); run npm run search:reindex once Meilisearch is available.`,
        )
      }
      if (manifest.missingFiles.length > 0)
        notes.push(
          `${manifest.missingFiles.length} file(s) the database refers to were already missing when the backup was taken, so are missing here too.`,
        )
      return { manifest, indexed, notes }
    })
  } catch (error) {
    for (const target of written) await rm(target, { force: true })
    if (!env.DATABASE_URL) {
      // The data folder was empty before, so everything in it is this restore's.
      for (const name of await readdir(dataDir).catch(() => []))
        await rm(path.join(dataDir, name), { recursive: true, force: true })
    } else if (touchedDatabase && error instanceof Error) {
      error.message = `${error.message}\nThe database at DATABASE_URL may now hold the schema without the data: drop it and create it again, empty, before restoring again.`
    }
    throw error
  }
}

/** Every backed-up table must exist here with every backed-up column. */
const quoteQualified = (name: string) =>
  name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.')

async function checkTablesMatch(tx: postgres.TransactionSql, manifest: Manifest) {
  const here = new Map((await listTables(tx)).map((t) => [t.name, new Set(t.columns)]))
  for (const table of manifest.tables) {
    const columns = here.get(table.name)
    const missing = columns ? table.columns.filter((c) => !columns.has(c)) : []
    if (!columns || missing.length > 0)
      throw new RestoreRefused(
        `This version's schema has no ${columns ? `column(s) ${missing.join(', ')} in ` : ''}${table.name}, which the backup has (its job queue was at graphile-worker schema ${manifest.jobQueueSchemaVersion}). Restore with the version of the platform that made the backup.`,
      )
  }
}

async function loadTable(
  tx: postgres.TransactionSql,
  table: Manifest['tables'][number],
  entry: ArchiveEntry,
) {
  const digest = copyDigest()
  const copy = await tx.unsafe(copyInQuery(table)).writable()
  await pipeline(Readable.from(entry.stream), createGunzip(), digest.stream, copy)
  if (digest.result().sha256 !== table.sha256)
    throw new Error(`${table.name} changed while it was being restored`)
}

/** Writes a file's bytes to a temporary name and renames it once its hash is proved. */
async function writeVerifiedFile(stream: AsyncIterable<Buffer>, sha256: string, target: string) {
  const hash = createHash('sha256')
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    hash.update(chunk)
    chunks.push(chunk)
  }
  if (hash.digest('hex') !== sha256)
    throw new Error(`${fileEntry(sha256)} changed while it was being restored`)
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
  const temporary = `${target}.restore`
  await writeFile(temporary, Buffer.concat(chunks), { mode: 0o600 })
  await rename(temporary, target)
}

/**
 * Two-factor secrets are encrypted with a key from the session secret, so the restored platform
 * needs the one the backup was made with: restored into DATA_DIR if the backup holds it, else a
 * note that SESSION_SECRET must be set to it.
 */
async function settleSessionSecret(env: Env, manifest: Manifest, secret?: Buffer) {
  const fingerprint = manifest.sessionSecret.fingerprint
  if (env.SESSION_SECRET && sessionSecretFingerprint(env.SESSION_SECRET) === fingerprint)
    return null
  const file = path.join(path.resolve(env.DATA_DIR), 'session-secret')
  const kept = existsSync(file) ? (await readFile(file, 'utf8')).trim() : undefined
  if (secret && !env.SESSION_SECRET && kept === secret.toString('utf8').trim()) return null
  if (secret && !env.SESSION_SECRET && kept === undefined) {
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, secret, { mode: 0o600 })
    return `The session secret was restored to ${file}, so two-factor sign-in keeps working.`
  }
  return 'This platform’s session secret is not the one the backup was made with: set SESSION_SECRET to that one, or staff who use two-factor sign-in will need to set it up again.'
}
