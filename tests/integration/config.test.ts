import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { notifyTestEnv } from '../support/notify'

const root = fileURLToPath(new URL('../..', import.meta.url))
const patienceMs = 15_000

let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'iip-config-test-'))
})

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

interface Exit {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

/** Runs the app's entry point (what `npm start` runs) with only the given environment. */
function startApp(env: Record<string, string>): Promise<Exit> {
  const started = Date.now()
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'app/server/main.ts'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dataDir, ...env },
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  // A configuration error must stop the app at once; one that starts instead is killed, and fails.
  const timer = setTimeout(() => child.kill('SIGKILL'), patienceMs)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, ms: Date.now() - started })
    })
  })
}

async function expectConfigurationError(env: Record<string, string>, line: RegExp) {
  const run = await startApp(env)

  expect(run.code, run.stderr).toBe(1)
  expect(run.ms).toBeLessThan(patienceMs)
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(line)
  expect(run.stderr).not.toMatch(/^ {4}at /m)
  // Nothing was started: no embedded Postgres or Meilisearch folder, no services file.
  expect(await readdir(dataDir)).toEqual([])
}

test('PORT=abc stops the app with one line naming PORT and what it must be', async () => {
  await expectConfigurationError(
    { PORT: 'abc' },
    /^Configuration error: PORT must be a whole number between 1 and 65535 \(got "abc"\)$/,
  )
})

test('MEILI_URL without MEILI_MASTER_KEY stops the app with one line naming MEILI_MASTER_KEY', async () => {
  await expectConfigurationError(
    { MEILI_URL: 'http://127.0.0.1:1' },
    /^Configuration error: MEILI_MASTER_KEY must be set when MEILI_URL is set$/,
  )
})

test('NODE_ENV=production without SESSION_SECRET stops the app with one line naming SESSION_SECRET', async () => {
  await expectConfigurationError(
    { NODE_ENV: 'production', SUPPORT_EMAIL: 'help@service.example.org', ...notifyTestEnv },
    /^Configuration error: SESSION_SECRET must be set \(32 characters or more\) when NODE_ENV is production$/,
  )
})
