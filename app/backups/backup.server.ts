import { createHash, createHmac } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import postgres from 'postgres'
import type { Services } from '../load-context'
import { storedFilePath } from '../submissions/files.server'
import type { Env } from '../utils/env.server'
import { startPack } from './archive.server'
import {
  fileEntry,
  MANIFEST_ENTRY,
  SESSION_SECRET_ENTRY,
  tableEntry,
  type Manifest,
} from './manifest'
import { copyTableOut, listTables, readSequences, useCanonicalTextFormat } from './tables.server'

export const BACKUP_TASK = 'backup_daily'

/** Daily at BACKUP_HOUR_UTC; a run missed while the app was down is made up within a day. */
export const backupCrontab = (env: Env) =>
  `0 ${env.BACKUP_HOUR_UTC} * * * ${BACKUP_TASK} ?fill=1d&max=3`

export const backupDir = (env: Env) =>
  path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR, 'backups'))

const stamp = (at: Date) => at.toISOString().replace(/[:-]|\.\d+/g, '')
export const defaultBackupFile = (env: Env, at = new Date()) =>
  path.join(backupDir(env), `backup-${stamp(at)}.tar`)
const DAILY = /^backup-daily-\d{8}T\d{6}Z\.tar$/

export const sessionSecretFingerprint = (secret: string) =>
  createHmac('sha256', secret).update('inclusion-in-practice backup').digest('hex')

export interface BackupProgress {
  phase: 'tables' | 'files'
  done: number
  total: number
  detail?: string
}

export type BackupServices = Pick<Services, 'env' | 'databaseUrl' | 'sessionSecret'>

/**
 * Writes a backup of the database and the uploaded files to `file`: every table copied inside
 * one read-only REPEATABLE READ transaction (one snapshot, so the copy is consistent while the
 * platform keeps taking responses), then the files that snapshot refers to. Written to a
 * `.partial` name and renamed, so a backup file that exists is whole.
 */
export async function createBackup(
  services: BackupServices,
  file: string,
  onProgress: (progress: BackupProgress) => void = () => {},
): Promise<Manifest> {
  const target = path.resolve(file)
  if (existsSync(target)) throw new Error(`${target} already exists; choose another file name`)
  await mkdir(path.dirname(target), { recursive: true })
  const staging = await mkdtemp(path.join(path.dirname(target), '.backup-'))
  const sql = postgres(services.databaseUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'inclusion-in-practice-backup' },
  })
  try {
    const snapshot = await sql.begin('isolation level repeatable read read only', async (tx) => {
      await useCanonicalTextFormat(tx)
      const [about] = await tx<
        { createdAt: Date; postgresVersion: string; migrated: boolean; queued: boolean }[]
      >`
        SELECT now() AS "createdAt", current_setting('server_version') AS "postgresVersion",
          to_regclass('public.kysely_migration') IS NOT NULL AS migrated,
          to_regclass('graphile_worker.migrations') IS NOT NULL AS queued`
      if (!about!.migrated)
        throw new Error('The database has not been migrated: there is nothing to back up')
      const [{ schemaVersion }] = await tx<[{ schemaVersion: string }]>`
        SELECT max(name) AS "schemaVersion" FROM kysely_migration`
      const [{ version }] = about!.queued
        ? await tx<[{ version: number }]>`
            SELECT max(id)::int AS version FROM graphile_worker.migrations`
        : [{ version: null }]
      const tables: Manifest['tables'] = []
      const catalog = await listTables(tx)
      for (const [i, table] of catalog.entries()) {
        onProgress({ phase: 'tables', done: i, total: catalog.length, detail: table.name })
        const sum = await copyTableOut(tx, table, table.orderBy, (source) =>
          pipeline(source, createGzip(), createWriteStream(path.join(staging, table.name))),
        )
        tables.push({ name: table.name, columns: table.columns, ...sum })
      }
      onProgress({ phase: 'tables', done: catalog.length, total: catalog.length })
      const sequences = await readSequences(tx)
      const referenced = await tx<{ sha256: string }[]>`
        SELECT DISTINCT sha256 FROM submission_files ORDER BY sha256`
      return {
        about: about!,
        schemaVersion,
        jobQueueVersion: version,
        tables,
        sequences,
        referenced,
      }
    })
    const partial = `${target}.partial`
    const { add, finish, abort } = startPack(
      createWriteStream(partial, { mode: 0o600 }),
      snapshot.about.createdAt,
    )
    try {
      for (const table of snapshot.tables) {
        const staged = path.join(staging, table.name)
        await add(tableEntry(table.name), {
          size: (await stat(staged)).size,
          stream: createReadStream(staged),
        })
      }
      const files: Manifest['files'] = []
      const missingFiles: string[] = []
      for (const [i, { sha256 }] of snapshot.referenced.entries()) {
        onProgress({ phase: 'files', done: i, total: snapshot.referenced.length })
        // Files are at most 10MB and stored by their hash, which is checked on the way through.
        const bytes = await readFile(storedFilePath(services.env, sha256)).catch(() => undefined)
        if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) {
          missingFiles.push(sha256)
          continue
        }
        await add(fileEntry(sha256), bytes)
        files.push({ sha256, bytes: bytes.length })
      }
      onProgress({
        phase: 'files',
        done: snapshot.referenced.length,
        total: snapshot.referenced.length,
      })

      // Two-factor secrets are encrypted with a key from the session secret; when it lives in
      // DATA_DIR rather than in SESSION_SECRET, it belongs in the backup.
      const secretFile = path.join(path.resolve(services.env.DATA_DIR), 'session-secret')
      const secret =
        services.env.SESSION_SECRET || !existsSync(secretFile)
          ? undefined
          : await readFile(secretFile)
      if (secret) await add(SESSION_SECRET_ENTRY, secret)

      const manifest: Manifest = {
        format: 'inclusion-in-practice-backup',
        formatVersion: 1,
        createdAt: snapshot.about.createdAt.toISOString(),
        schemaVersion: snapshot.schemaVersion,
        jobQueueSchemaVersion: snapshot.jobQueueVersion,
        postgresVersion: snapshot.about.postgresVersion,
        tables: snapshot.tables,
        sequences: snapshot.sequences.map(({ name, lastValue }) => ({ name, lastValue })),
        files,
        missingFiles,
        sessionSecret: {
          sha256: secret ? createHash('sha256').update(secret).digest('hex') : null,
          fingerprint: sessionSecretFingerprint(services.sessionSecret),
        },
      }
      await add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2)))
      await finish()
      await rename(partial, target)
      return manifest
    } catch (error) {
      abort(error as Error)
      await rm(partial, { force: true })
      throw error
    }
  } finally {
    await sql.end()
    await rm(staging, { recursive: true, force: true })
  }
}

/** The scheduled backup: a new file in BACKUP_DIR, then only the newest BACKUP_KEEP kept. */
export async function runScheduledBackup(services: BackupServices, at = new Date()) {
  const dir = backupDir(services.env)
  const file = path.join(dir, `backup-daily-${stamp(at)}.tar`)
  const manifest = await createBackup(services, file)
  const removed = await pruneDailyBackups(dir, services.env.BACKUP_KEEP)
  return {
    file,
    bytes: (await stat(file)).size,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    files: manifest.files.length,
    missingFiles: manifest.missingFiles.length,
    removed,
  }
}

/** Deletes all but the newest `keep` daily backups; backups made by hand are left alone. */
export async function pruneDailyBackups(dir: string, keep: number) {
  const daily = (await readdir(dir)).filter((name) => DAILY.test(name)).sort()
  const removed = daily.slice(0, Math.max(0, daily.length - keep))
  for (const name of removed) await rm(path.join(dir, name), { force: true })
  return removed
}
