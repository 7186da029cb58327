import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import postgres from 'postgres'
import tar from 'tar-stream'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { pruneDailyBackups, runScheduledBackup } from '../../app/backups/backup.server'
import { checkBackup } from '../../app/backups/restore-checks.server'
import { checksumTables, readSequences } from '../../app/backups/tables.server'
import { parseLibraryQuery } from '../../app/library/library-query'
import { searchLibrary } from '../../app/library/search.server'
import { queueEmail } from '../../app/notifications/email.server'
import { attachFile, storeUpload } from '../../app/submissions/files.server'
import { generateReference } from '../../app/submissions/reference'
import { parseEnv, type Env } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { createDb, type Database } from '../../db/client'
import { startEmbeddedPostgres, type RunningPostgres } from '../../db/embedded-postgres'
import { createSearchService, type SearchService } from '../../search/client'
import { rebuildCaseStudyIndex } from '../../search/reindex'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { seedDemoData } from '../../seeds/seed'
import { createTestServices, type TestServices } from '../setup/test-database'

// A platform with responses, uploaded files, published case studies and a queued email is backed
// up with `npm run backup`, restored with `npm run restore` into a new DATA_DIR (its own embedded
// Postgres), and compared: every table's rows and checksum, every file's hash, library searches.

const root = path.resolve(import.meta.dirname, '..', '..')
let t: TestServices
let env: Env
let work: string
let backupFile: string
const restoredPrefix = `restored_${randomBytes(4).toString('hex')}_`
let restored: RunningPostgres | undefined
let restoredDb: Database | undefined

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082',
  'hex',
)
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

beforeAll(async () => {
  t = await createTestServices()
  work = await mkdtemp(path.join(tmpdir(), 'iip-backup-'))
  // The embedded Postgres runs as a 'postgres' user under root, and must reach its folder.
  await chmod(work, 0o755)
  env = parseEnv({
    NODE_ENV: 'test',
    DATA_DIR: path.join(work, 'source-data'),
    UPLOADS_DIR: path.join(work, 'source-uploads'),
  })
  await seedDemoData(t.db, env, () => {})

  // A sent response and a draft with supporting files, a published one, and a queued email.
  const call = await insertCall(t.db)
  const urn = await insertSchool(t.db)
  const draft = await insertCompleteDraft(t.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email: 'files@school.example',
  })
  for (const [name, bytes] of [
    ['photo.png', png],
    ['report.pdf', pdf],
  ] as const) {
    const stored = await storeUpload(env, bytes)
    if (!stored.ok) throw new Error(`test file refused: ${stored.problem}`)
    await attachFile(t.db, draft.id, { fileName: name, ...stored })
  }
  const published = await insertModeratedResponse(t.db, {
    callId: call.id,
    urn,
    status: 'published',
    consent: 'named',
    caseStudy: { title: 'Backed up and restored: a sensory room for autistic pupils' },
  })
  await t.db
    .insertInto('submission_files')
    .values({
      submission_id: published.submissionId,
      file_name: 'photo.png',
      media_type: 'image/png',
      size_bytes: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    })
    .execute()
  await queueEmail(t.db, {
    to: 'queued@school.example',
    subject: 'Waiting to be sent',
    body: 'A receipt still in the queue when the backup runs.',
    reference: 'IIP-TEST-0001',
  })
  await rebuildCaseStudyIndex(t.db, t.search)
})

afterAll(async () => {
  await restoredDb?.destroy()
  await restored?.stop()
  const { results } = await t.search.client.getIndexes({ limit: 1000 })
  for (const index of results.filter((i) => i.uid.startsWith(restoredPrefix)))
    await t.search.client.deleteIndex(index.uid).waitTask()
  await t.cleanUp()
  await rm(work, { recursive: true, force: true })
})

/** Runs `npm run backup` or `npm run restore` as a person would, with these variables. */
function run(script: 'backup' | 'restore', args: string[], vars: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        `app/server/cli/${script}.ts`,
        ...args,
      ],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          MEILI_URL: inject('meiliUrl'),
          MEILI_MASTER_KEY: inject('meiliMasterKey'),
          LOG_LEVEL: 'silent',
          ...vars,
        },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

const sourceVars = () => ({
  DATABASE_URL: t.databaseUrl,
  DATA_DIR: env.DATA_DIR,
  UPLOADS_DIR: env.UPLOADS_DIR!,
  MEILI_INDEX_PREFIX: t.search.indexPrefix,
})

async function snapshotSums(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    return await sql.begin('isolation level repeatable read read only', async (tx) => ({
      tables: await checksumTables(tx),
      sequences: await readSequences(tx),
    }))
  } finally {
    await sql.end()
  }
}

/** Every stored file under `dir`, as SHA-256 of its bytes → its name. */
async function fileHashes(dir: string) {
  const found = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const bytes = await readFile(path.join(entry.parentPath, entry.name))
    found.set(createHash('sha256').update(bytes).digest('hex'), entry.name)
  }
  return found
}

function libraryContext(db: Database, search: SearchService) {
  const services = { env, db, search, log: createLogger('silent') }
  return { services, requestState: { formHasErrors: false } } as unknown as AppLoadContext
}

async function emptyDatabase() {
  const name = `restore_${randomBytes(4).toString('hex')}`
  const admin = postgres(inject('postgresAdminUrl'), { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE "${name}"`)
  await admin.end()
  return inject('postgresAdminUrl').replace(/\/postgres$/, `/${name}`)
}

async function tableCount(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`
  await sql.end()
  return row!.n
}

test('a backup restored into an empty DATA_DIR has the same rows, files and library results', async () => {
  backupFile = path.join(work, 'backups', 'platform.tar')
  let started = Date.now()
  const backup = await run('backup', ['--out', backupFile], sourceVars())
  expect(backup.stderr).toBe('')
  expect(backup.code).toBe(0)
  expect(backup.stdout).toMatch(/Backed up \d+ tables \(\d+ rows\) and 2 uploaded files/)
  const backupSeconds = (Date.now() - started) / 1000

  // Restore into a data folder that does not exist yet: its own embedded Postgres, the run's
  // Meilisearch under a new index prefix.
  const dataDir = path.join(work, 'restored-data')
  started = Date.now()
  const restore = await run('restore', [backupFile], {
    DATA_DIR: dataDir,
    MEILI_INDEX_PREFIX: restoredPrefix,
  })
  expect(restore.stderr).toBe('')
  expect(restore.code).toBe(0)
  expect(restore.stdout).toContain('every checksum matching')
  const restoreSeconds = (Date.now() - started) / 1000

  restored = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres') })
  restoredDb = createDb(restored.url, { max: 2 })

  // The same rows: every table's count and checksum, as the manifest recorded them, in both.
  const { manifest } = await checkBackup(backupFile)
  const source = await snapshotSums(t.databaseUrl)
  const copy = await snapshotSums(restored.url)
  expect(copy.tables).toEqual(source.tables)
  for (const table of manifest.tables)
    expect(copy.tables.get(table.name), table.name).toMatchObject({
      rows: table.rows,
      sha256: table.sha256,
    })
  expect([...copy.tables.keys()]).toEqual(
    expect.arrayContaining([
      'public.case_studies',
      'public.submission_files',
      'graphile_worker._private_jobs',
    ]),
  )
  expect(copy.tables.get('public.case_studies')!.rows).toBeGreaterThan(160)
  expect(copy.sequences).toEqual(source.sequences)
  const { rows: jobs } = await sql<{ to: string }>`
    SELECT j.payload->>'to' AS to FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks k ON k.id = j.task_id
    WHERE k.identifier = 'send_email'`.execute(restoredDb)
  expect(jobs.map((job) => job.to)).toContain('queued@school.example')

  // The same files, byte for byte.
  const sourceFiles = await fileHashes(env.UPLOADS_DIR!)
  const restoredFiles = await fileHashes(path.join(dataDir, 'uploads'))
  expect(sourceFiles.size).toBe(2)
  expect(restoredFiles).toEqual(sourceFiles)

  // The same library: the restored index was rebuilt from the restored Postgres.
  const restoredSearch = createSearchService({
    url: inject('meiliUrl'),
    masterKey: inject('meiliMasterKey'),
    indexPrefix: restoredPrefix,
  })
  const before = libraryContext(t.db, t.search)
  const after = libraryContext(restoredDb, restoredSearch)
  for (const params of ['', 'q=autism', 'q=sensory+room', 'need=ASD&phase=primary', 'page=3']) {
    const query = parseLibraryQuery(new URLSearchParams(params)).query
    const [was, now] = [await searchLibrary(before, query), await searchLibrary(after, query)]
    expect(now.source, params).toBe('search')
    expect(now.total, params).toBe(was.total)
    expect(
      now.hits.map((hit) => hit.slug),
      params,
    ).toEqual(was.hits.map((hit) => hit.slug))
    expect(now.facets, params).toEqual(was.facets)
  }
  console.log(
    `backup: ${manifest.tables.length} tables, ${manifest.tables.reduce((n, table) => n + table.rows, 0)} rows, ${manifest.files.length} files; npm run backup ${backupSeconds.toFixed(1)} s, npm run restore ${restoreSeconds.toFixed(1)} s (new embedded Postgres included)`,
  )
}, 240_000)

test('restore refuses a data folder or a database that is not empty, and leaves them as they were', async () => {
  const occupied = await mkdtemp(path.join(work, 'occupied-'))
  await writeFile(path.join(occupied, 'keep-me.txt'), 'already here')
  const intoFolder = await run('restore', [backupFile], { DATA_DIR: occupied })
  expect(intoFolder.code).toBe(1)
  expect(intoFolder.stderr).toContain(`The data folder ${occupied} (DATA_DIR) is not empty`)
  expect(await readdir(occupied)).toEqual(['keep-me.txt'])

  const before = await snapshotSums(t.databaseUrl)
  const intoDatabase = await run('restore', [backupFile], {
    DATABASE_URL: t.databaseUrl,
    DATA_DIR: await mkdtemp(path.join(work, 'empty-')),
  })
  expect(intoDatabase.code).toBe(1)
  expect(intoDatabase.stderr).toContain('The database at DATABASE_URL is not empty')
  expect(await snapshotSums(t.databaseUrl)).toEqual(before)
}, 120_000)

test('restore refuses a tampered or cut-short backup before writing anything, then restores the real one into a fresh database', async () => {
  // One character of one case study changed inside its table's copy; the manifest left alone.
  const tampered = path.join(work, 'tampered.tar')
  const extract = tar.extract()
  const pack = tar.pack()
  const written = pipeline(pack, createWriteStream(tampered))
  const reading = pipeline(createReadStream(backupFile), extract)
  for await (const entry of extract) {
    const chunks: Buffer[] = []
    for await (const chunk of entry) chunks.push(chunk as Buffer)
    let bytes = Buffer.concat(chunks)
    if (entry.header.name === 'database/public.case_studies.copy.gz') {
      const text = gunzipSync(bytes).toString('utf8')
      bytes = gzipSync(text.replace('sensory room', 'sensory rooM'))
      expect(bytes).not.toEqual(Buffer.concat(chunks))
    }
    await new Promise<void>((resolve, reject) =>
      pack.entry({ ...entry.header, size: bytes.length }, bytes, (error) =>
        error ? reject(error) : resolve(),
      ),
    )
  }
  await reading
  pack.finalize()
  await written

  const databaseUrl = await emptyDatabase()
  const uploads = await mkdtemp(path.join(work, 'uploads-'))
  const vars = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: await mkdtemp(path.join(work, 'data-')),
    UPLOADS_DIR: uploads,
  }
  const refused = await run('restore', [tampered], vars)
  expect(refused.code).toBe(1)
  expect(refused.stderr).toContain('Nothing was restored')
  expect(refused.stderr).toContain(
    'database/public.case_studies.copy.gz does not match its checksum',
  )
  expect(await tableCount(databaseUrl)).toBe(0)
  expect(await readdir(uploads)).toEqual([])

  const cut = path.join(work, 'cut.tar')
  await writeFile(cut, await readFile(backupFile))
  await truncate(cut, Math.floor((await readFile(backupFile)).length / 2))
  const damaged = await run('restore', [cut], vars)
  expect(damaged.code).toBe(1)
  expect(damaged.stderr).toContain('Nothing was restored')
  expect(await tableCount(databaseUrl)).toBe(0)

  // The untouched backup then restores into the same empty database, as DATABASE_URL.
  const restore = await run('restore', [backupFile], {
    ...vars,
    MEILI_INDEX_PREFIX: `${restoredPrefix}db_`,
  })
  expect(restore.stderr).toBe('')
  expect(restore.code).toBe(0)
  expect((await snapshotSums(databaseUrl)).tables).toEqual(
    (await snapshotSums(t.databaseUrl)).tables,
  )
  expect(await fileHashes(uploads)).toEqual(await fileHashes(env.UPLOADS_DIR!))
}, 120_000)

test('the daily backup keeps the newest BACKUP_KEEP and leaves backups made by hand alone', async () => {
  const dir = path.join(work, 'daily')
  const daily = parseEnv({
    NODE_ENV: 'test',
    DATA_DIR: env.DATA_DIR,
    UPLOADS_DIR: env.UPLOADS_DIR!,
    BACKUP_DIR: dir,
    BACKUP_KEEP: '2',
  })
  const services = { env: daily, databaseUrl: t.databaseUrl, sessionSecret: 'x'.repeat(40) }
  for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) {
    const report = await runScheduledBackup(services, new Date(`${day}T02:00:00Z`))
    expect(report.files).toBe(2)
    expect(report.missingFiles).toBe(0)
  }
  await writeFile(path.join(dir, 'backup-20260101T000000Z.tar'), 'made by hand')
  expect((await readdir(dir)).sort()).toEqual([
    'backup-20260101T000000Z.tar',
    'backup-daily-20260502T020000Z.tar',
    'backup-daily-20260503T020000Z.tar',
  ])
  expect(await pruneDailyBackups(dir, 1)).toEqual(['backup-daily-20260502T020000Z.tar'])
  const { manifest } = await checkBackup(path.join(dir, 'backup-daily-20260503T020000Z.tar'))
  expect(manifest.files).toHaveLength(2)
}, 120_000)
