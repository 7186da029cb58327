import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import getPort from 'get-port'

const root = path.resolve(import.meta.dirname, '..', '..')

export interface AppProcess {
  baseUrl: string
  /** The launcher's process id; the app runs in it or in a child of it. */
  pid: number
  /** Its DATA_DIR, where embedded servers keep their data (removed by `stop` and `kill`). */
  dataDir: string
  /** Resolves when the launcher has exited. */
  exited: Promise<void>
  output: () => string
  stop: () => Promise<void>
  /** SIGKILL to the launcher and the app alike (needs `killable`): a crash, with no clean-up. */
  kill: () => Promise<void>
}

/**
 * Runs `app/server/main.ts` — the same entry point as `npm start` — against the given servers
 * (or, without them, its own embedded ones, as `npm start` does), and resolves once it answers
 * /healthz with an empty outbox (every seeded change indexed).
 */
export async function startAppProcess(options: {
  /** Without it, the app starts its own embedded Postgres. */
  databaseUrl?: string
  /** Without them, the app starts its own embedded Meilisearch. */
  meiliUrl?: string
  meiliMasterKey?: string
  indexPrefix: string
  waitForSearch?: boolean
  logLevel?: string
  /** More variables for the app, over the defaults below. */
  env?: Record<string, string>
  /** Modules the app process loads first (`node --import`), such as a third-party API stub. */
  imports?: string[]
  /** Runs the app in a process group of its own, so that `kill` reaches every process in it. */
  killable?: boolean
  /** A fixed port, so that a restarted app answers where the old one did. */
  port?: number
}): Promise<AppProcess> {
  const port = options.port ?? (await getPort())
  const dataDir = await mkdtemp(path.join(tmpdir(), 'iip-app-'))
  const lines: string[] = []
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      // As `npm start` runs it (package.json): see docs/decisions.md.
      '--max-semi-space-size=64',
      ...(options.imports ?? []).flatMap((module) => ['--import', module]),
      'app/server/main.ts',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.killable ?? false,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        ...(options.meiliUrl
          ? { MEILI_URL: options.meiliUrl, MEILI_MASTER_KEY: options.meiliMasterKey }
          : {}),
        MEILI_INDEX_PREFIX: options.indexPrefix,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: options.logLevel ?? 'warn',
        RECONCILE_INTERVAL_SECONDS: '0',
        // Browsers driven by tests fill pages faster than people; one test sets it back.
        FORM_MIN_SECONDS: '0',
        ...options.env,
      },
    },
  )
  // Everything is kept (a test's app lives for seconds), so tests can look at what came after a point.
  const keep = (chunk: Buffer) => lines.push(chunk.toString())
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    await rm(dataDir, { recursive: true, force: true })
  }
  const kill = async () => {
    if (!options.killable) throw new Error('Start the app with killable: true to kill it')
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
    await exited
    await rm(dataDir, { recursive: true, force: true })
  }

  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`The app exited during start-up:\n${lines.join('')}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The app was not ready within 3 minutes:\n${lines.join('')}`)
    }
    const health = await fetch(`${baseUrl}/healthz`)
      .then((r) => (r.ok ? (r.json() as Promise<{ outbox: { pending: number } }>) : null))
      .catch(() => null)
    if (health && (options.waitForSearch === false || health.outbox.pending === 0)) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    baseUrl,
    pid: child.pid!,
    dataDir,
    exited,
    output: () => lines.join(''),
    stop,
    kill,
  }
}
