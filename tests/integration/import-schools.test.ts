import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, expect, inject, test } from 'vitest'
import type { Database } from '../../db/client'
import { importEstablishments } from '../../app/establishments/import-establishments.server'
import { createTestServices, type TestServices } from '../setup/test-database'

const root = fileURLToPath(new URL('../..', import.meta.url))
const smallFile = fileURLToPath(new URL('../fixtures/gias-small.csv', import.meta.url))
const badHeaderFile = fileURLToPath(new URL('../fixtures/gias-bad-header.csv', import.meta.url))

// tests/fixtures/README.md: the rows of gias-small.csv that are not imported, and why.
const expectedSkips = [
  { line: 10, reason: 'URN is missing' },
  { line: 11, reason: 'URN "99A123" is not a whole number' },
  { line: 12, reason: 'EstablishmentName is missing' },
  { line: 13, reason: 'OpenDate "31-02-2019" is not a real date (expected dd-mm-yyyy)' },
  { line: 14, reason: 'Row has 21 fields; the header has 140' },
]

let services: TestServices
let db: Database
let dataDir: string

beforeAll(async () => {
  services = await createTestServices()
  db = services.db
  dataDir = await mkdtemp(path.join(tmpdir(), 'iip-import-test-'))
})

afterAll(async () => {
  await services?.cleanUp()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

// Every test starts from an empty register.
beforeEach(async () => {
  await db.deleteFrom('establishments').execute()
})

const countEstablishments = async () =>
  Number(
    (
      await db
        .selectFrom('establishments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

test('importing the small GIAS file inserts 8 schools and skips 5 rows, each with its line and problem', async () => {
  const summary = await importEstablishments(db, smallFile)

  expect(summary).toEqual({
    rows: 13,
    inserted: 8,
    updated: 0,
    unchanged: 0,
    skipped: expectedSkips,
  })
  const urns = await db.selectFrom('establishments').select('urn').orderBy('urn').execute()
  expect(urns.map((row) => row.urn)).toEqual([
    990901, 990902, 990903, 990904, 990905, 990906, 990907, 990908,
  ])
})

test('the curly apostrophe and the quoted comma in school names survive into the database', async () => {
  await importEstablishments(db, smallFile)

  const names = await db
    .selectFrom('establishments')
    .select(['urn', 'name'])
    .where('urn', 'in', [990902, 990903])
    .orderBy('urn')
    .execute()
  expect(names).toEqual([
    { urn: 990902, name: 'St Mary\u2019s CofE Primary School' },
    { urn: 990903, name: 'Riverside Academy, Upper Site' },
  ])
})

test('importing the same file again changes nothing and says so', async () => {
  await importEstablishments(db, smallFile)
  const before = await db
    .selectFrom('establishments')
    .select(['urn', 'updated_at'])
    .orderBy('urn')
    .execute()

  const again = await importEstablishments(db, smallFile)

  expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 })
  expect(
    await db.selectFrom('establishments').select(['urn', 'updated_at']).orderBy('urn').execute(),
  ).toEqual(before)
})

test('re-importing updates only the establishment that changed, and restores its values', async () => {
  await importEstablishments(db, smallFile)
  await db.updateTable('establishments').set({ name: 'x' }).where('urn', '=', 990901).execute()

  const again = await importEstablishments(db, smallFile)

  expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 7 })
  const row = await db
    .selectFrom('establishments')
    .select('name')
    .where('urn', '=', 990901)
    .executeTakeFirstOrThrow()
  expect(row.name).toBe('Oakfield Primary School')
})

test('a file without a URN column is rejected, naming URN, and nothing is imported', async () => {
  await expect(importEstablishments(db, badHeaderFile)).rejects.toThrow(/\bURN\b/)
  expect(await countEstablishments()).toBe(0)
})

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

function runImportSchools(args: string[]): Promise<Exit> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'app/server/cli/import-schools.ts',
      ...args,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: services.databaseUrl,
        MEILI_URL: inject('meiliUrl'),
        MEILI_MASTER_KEY: inject('meiliMasterKey'),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

test('the import:schools command imports the file and prints the counts and every skipped row', async () => {
  const run = await runImportSchools([smallFile])

  expect(run, run.stderr).toMatchObject({ code: 0 })
  expect(run.stdout).toMatch(/^Imported \(new\): 8$/m)
  expect(run.stdout).toMatch(/^Updated: 0$/m)
  expect(run.stdout).toMatch(/^Unchanged: 0$/m)
  expect(run.stdout).toMatch(/^Skipped: 5$/m)
  for (const skip of expectedSkips)
    expect(run.stdout).toContain(`line ${skip.line}: ${skip.reason}`)
  expect(await countEstablishments()).toBe(8)
})

test('the import:schools command exits 1 and names the file when the file does not exist', async () => {
  const missing = path.join(dataDir, 'no-such-file.csv')

  const run = await runImportSchools([missing])

  expect(run.code).toBe(1)
  expect(run.stderr.trim()).toBe(`No file at ${missing}`)
  expect(run.stderr).not.toMatch(/^ {4}at /m)
})
