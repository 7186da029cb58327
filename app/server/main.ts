import type { Server } from 'node:http'
import type { Runner } from 'graphile-worker'
import { migrateJobQueue } from '../../db/job-queue'
import { migrateToLatest } from '../../db/migrate'
import { deleteExpiredRespondentTokens } from '../../db/repositories/respondent-tokens'
import { deleteExpiredSessions } from '../../db/repositories/sessions'
import { applyCaseStudySettings } from '../../search/index-settings'
import { listSynonymGroups } from '../../db/repositories/search-synonyms'
import { startSyncWorker, type SyncWorker } from '../../search/sync-worker'
import { rescanPublishedCaseStudies } from '../privacy/rescan.server'
import { demoAccounts } from '../accounts/demo-accounts'
import { seedDemoDataIfEmpty } from '../../seeds/seed'
import { ConfigError, parseEnv } from '../utils/env.server'
import { createLogger } from '../utils/logger.server'
import { ensureBuild } from './build'
import { indexBeforeReady } from './searchable'
import { createHttpServer } from './http'
import { startJobRunner } from './jobs'
import { startRuntime, type Runtime } from './services'
import { beginShutdown } from './supervise'

// `npm start` (and `npm run dev` with --dev): starts or connects to Postgres and Meilisearch,
// migrates, seeds demo data into an empty database, builds if needed, and serves the app.

const dev = process.argv.includes('--dev')
let env
try {
  env = parseEnv(process.env)
} catch (error) {
  if (error instanceof ConfigError) {
    for (const line of error.lines) process.stderr.write(`${line}\n`)
    process.exit(1)
  }
  throw error
}

const log = createLogger(env.LOG_LEVEL)
const say = (message: string) => process.stdout.write(`${message}\n`)
const startedAt = Date.now()
let runtime: Runtime | undefined
let worker: SyncWorker | undefined
let jobs: Runner | undefined
let server: Server | undefined
let closeVite: (() => Promise<void>) | undefined
let shuttingDown = false

async function shutDown(signal: string, code = 0) {
  if (shuttingDown) return
  shuttingDown = true
  // Before anything else: the embedded servers, told by the same signal, must not be restarted.
  beginShutdown()
  say(`\n${signal}: stopping…`)
  const force = setTimeout(() => process.exit(code || 1), 20_000)
  force.unref()
  if (server) {
    await new Promise<void>((resolve) => {
      server!.close(() => resolve())
      server!.closeIdleConnections()
    })
  }
  await closeVite?.()
  await worker?.stop()
  await jobs?.stop().catch(() => undefined)
  await runtime?.stop()
  say('Stopped.')
  process.exit(code)
}

process.once('SIGINT', () => void shutDown('SIGINT'))
process.once('SIGTERM', () => void shutDown('SIGTERM'))
// The job runner completes jobs in the background; when Postgres drops at that moment its retry
// gives up with a rejection nobody awaits, which would end the process and every request with it.
// Jobs run at least once (an unrecorded completion is run again), so log it and carry on: the
// supervisor brings Postgres back and the breaker closes by itself.
process.on('unhandledRejection', (reason) => {
  log.error(
    { error: reason instanceof Error ? reason.message : String(reason) },
    'unhandled rejection (the app carries on)',
  )
})
// A closed terminal hangs up on the whole process group, embedded servers included.
process.once('SIGHUP', () => void shutDown('SIGHUP'))

try {
  runtime = await startRuntime(env, { supervise: true, owner: true, log })
  const { services } = runtime
  await migrateToLatest(services.db)
  await migrateJobQueue(services.pgPool)
  const seeded = await seedDemoDataIfEmpty(services.db, env, (message) => say(message))
  await applyCaseStudySettings(
    services.search.client,
    services.search.caseStudiesIndex,
    await listSynonymGroups(services.db),
  ).catch((error: unknown) =>
    log.warn(
      { error: String(error) },
      'search settings not applied; search is unavailable for now',
    ),
  )
  // Demo data just loaded waits in the search outbox. The app listens, and says it is ready, only
  // once the library can find it: a newcomer who opens /library at once sees every case study.
  if (seeded) await indexBeforeReady(services.db, services.search, say)

  let build: Parameters<typeof createHttpServer>[0]['build']
  if (dev) {
    const { createServer } = await import('vite')
    const vite = await createServer({ server: { middlewareMode: true } })
    closeVite = () => vite.close()
    build = { vite }
  } else {
    build = { serverBuildPath: await ensureBuild(say) }
    // The built bundle always runs React's production build (several times faster to render).
    // The configuration read above keeps its own NODE_ENV, which decides deployment strictness:
    // demo data, Secure cookies, required secrets.
    process.env.NODE_ENV = 'production'
  }

  // Expired sessions are already refused; this only keeps the table from growing for ever.
  const purgeSessions = () =>
    Promise.all([
      deleteExpiredSessions(services.db),
      deleteExpiredRespondentTokens(services.db),
    ]).catch((error: unknown) => log.warn({ error: String(error) }, 'expired sessions not purged'))
  void purgeSessions()
  setInterval(purgeSessions, 3_600_000).unref()

  if (env.OUTBOX_WORKER === 'on') {
    worker = startSyncWorker({
      db: services.db,
      search: services.search,
      log,
      reconcileEverySeconds: env.RECONCILE_INTERVAL_SECONDS,
    })
  }

  if (env.JOB_WORKER === 'on') jobs = await startJobRunner(services)

  // Case studies published under older rules for children's personal data are scanned again
  // with the current ones; any that fail leave the library, and staff see an alert on /admin.
  void rescanPublishedCaseStudies(services.db)
    .then((report) => {
      if (report.withheld.length > 0)
        log.error(
          { scanned: report.scanned, withheld: report.withheld.map((w) => w.slug) },
          'personal data rescan: case studies taken out of the library',
        )
      else if (report.scanned > 0) log.info({ scanned: report.scanned }, 'personal data rescan')
    })
    .catch((error: unknown) =>
      log.warn({ error: String(error) }, 'personal data rescan not run; it runs at the next start'),
    )

  server = await createHttpServer({ services, build })
  // Idle keep-alive connections outlive the load balancer's (60 s is usual) and any client's, so
  // the server is never the side that closes a connection a request is just being sent on.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject)
    server!.listen(env.PORT, env.HOST, () => resolve())
  })

  say('')
  say(
    `Inclusion in Practice is running at http://localhost:${env.PORT} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
  )
  if (seeded) say('Demo data was loaded into the empty database.')
  if (env.NODE_ENV !== 'production') {
    say('')
    say('Demo staff accounts (sign in at /sign-in):')
    for (const account of demoAccounts)
      say(`  ${account.role.padEnd(10)} ${account.email.padEnd(32)} ${account.password}`)
  }
  say('')
  say('Press Ctrl-C to stop.')
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`Start-up failed: ${message}\n`)
  if (error instanceof Error && /EADDRINUSE/.test(message)) {
    process.stderr.write(
      `Port ${env.PORT} is in use. Set PORT to another port, for example PORT=3001 npm start\n`,
    )
  }
  await shutDown('start-up failure', 1)
}
