import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import postgres from 'postgres'
import { uploadsDir } from '../submissions/files.server'
import type { Env } from '../utils/env.server'
import { DamagedBackup, readArchive } from './archive.server'
import {
  fileEntry,
  MANIFEST_ENTRY,
  parseManifest,
  SESSION_SECRET_ENTRY,
  tableEntry,
} from './manifest'
import { copyDigest } from './tables.server'

// What a restore checks before it writes anything: that the target is empty, and that every
// byte of the backup is what its manifest says.

/** A restore that must not go ahead; its message says why and what to do instead. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused'
}

/** What makes the target unsuitable, or null if it is empty. */
export async function whyTargetIsNotEmpty(env: Env): Promise<string | null> {
  const listing = (dir: string) => readdir(dir).catch(() => [] as string[])
  const dataDir = path.resolve(env.DATA_DIR)
  const present = env.DATABASE_URL ? [] : await listing(dataDir)
  if (present.length > 0)
    return `The data folder ${dataDir} (DATA_DIR) is not empty: it holds ${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}. Restore into an empty folder (set DATA_DIR to a new one), or move this one away first.`
  const uploads = uploadsDir(env)
  if ((await listing(uploads)).length > 0)
    return `The uploads folder ${uploads} is not empty. Restore needs an empty one (set UPLOADS_DIR to a new folder).`
  if (!env.DATABASE_URL) return null
  const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} })
  try {
    const tables = await sql<{ name: string }[]>`
      SELECT n.nspname || '.' || c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1`
    if (tables.length === 0) return null
    return `The database at DATABASE_URL is not empty: it has ${tables.length} table(s), such as ${tables
      .slice(0, 3)
      .map((t) => t.name)
      .join(
        ', ',
      )}. Restore into a new, empty database (CREATE DATABASE), then point DATABASE_URL at it.`
  } finally {
    await sql.end()
  }
}

/**
 * Reads the whole backup once, checking every entry against the manifest (which comes last),
 * before anything is written anywhere. Returns the manifest and the session secret, if any.
 */
export async function checkBackup(file: string, onBytes: (bytes: number) => void = () => {}) {
  const sums = new Map<string, { sha256: string; rows?: number; bytes: number }>()
  let manifestText: string | undefined
  let sessionSecret: Buffer | undefined
  try {
    await readArchive(
      file,
      async (entry) => {
        if (entry.name === MANIFEST_ENTRY || entry.name === SESSION_SECRET_ENTRY) {
          const chunks: Buffer[] = []
          for await (const chunk of entry.stream) chunks.push(chunk)
          const bytes = Buffer.concat(chunks)
          if (entry.name === MANIFEST_ENTRY) manifestText = bytes.toString('utf8')
          else sessionSecret = bytes
          sums.set(entry.name, { sha256: sha256Of(bytes), bytes: bytes.length })
        } else if (entry.name.startsWith('database/')) {
          const digest = copyDigest()
          await pipeline(Readable.from(entry.stream), createGunzip(), digest.stream, devNull())
          sums.set(entry.name, digest.result())
        } else {
          const hash = createHash('sha256')
          let bytes = 0
          for await (const chunk of entry.stream) {
            hash.update(chunk)
            bytes += chunk.length
          }
          sums.set(entry.name, { sha256: hash.digest('hex'), bytes })
        }
      },
      onBytes,
    )
  } catch (error) {
    // A damaged tar, or a table's gzip that is not one (zlib's words).
    if (
      error instanceof DamagedBackup ||
      (error instanceof Error &&
        /incorrect header check|unexpected end of file/.test(error.message))
    )
      throw new RestoreRefused(`Nothing was restored. The backup is damaged: ${error.message}.`)
    throw error
  }
  if (!manifestText)
    throw new RestoreRefused(
      'Nothing was restored. The file has no manifest: it is not a whole backup.',
    )
  const manifest = parseManifest(manifestText)
  const mismatches: string[] = []
  const expect = (entry: string, sha256: string, rows?: number) => {
    const found = sums.get(entry)
    if (!found) mismatches.push(`${entry} is missing`)
    else if (found.sha256 !== sha256 || (rows !== undefined && found.rows !== rows))
      mismatches.push(`${entry} does not match its checksum`)
  }
  for (const table of manifest.tables) expect(tableEntry(table.name), table.sha256, table.rows)
  for (const f of manifest.files) expect(fileEntry(f.sha256), f.sha256)
  if (manifest.sessionSecret.sha256) expect(SESSION_SECRET_ENTRY, manifest.sessionSecret.sha256)
  const known = new Set([
    MANIFEST_ENTRY,
    ...manifest.tables.map((t) => tableEntry(t.name)),
    ...manifest.files.map((f) => fileEntry(f.sha256)),
    ...(manifest.sessionSecret.sha256 ? [SESSION_SECRET_ENTRY] : []),
  ])
  for (const name of sums.keys())
    if (!known.has(name)) mismatches.push(`${name} is not in the manifest`)
  if (mismatches.length > 0)
    throw new RestoreRefused(
      `Nothing was restored. The backup has been changed or damaged since it was made: ${mismatches.slice(0, 5).join('; ')}${mismatches.length > 5 ? `; and ${mismatches.length - 5} more` : ''}.`,
    )
  return { manifest, sessionSecret }
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function devNull() {
  return async function (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) void chunk
  }
}
