import type { Logger } from '../utils/logger.server'

// The embedded servers are children of this process. One that dies (the OOM killer's SIGKILL, a
// crash) is started again with backoff; Postgres runs its crash recovery as it starts. Once
// shutdown has begun nothing is restarted: Ctrl-C or a service manager's SIGTERM reaches the
// whole process group, so the servers stop at the same moment as this process is told to, and a
// server stopping then was asked to, not crashed.

let shuttingDown = false

/** Call first thing on shutdown: from then on no embedded server is started again. */
export function beginShutdown() {
  shuttingDown = true
}

/**
 * How long to wait, after a server exits, before deciding it crashed: a signal sent to the whole
 * process group reaches the server and this process's handler a few milliseconds apart.
 */
const SIGNAL_GRACE_MS = 250
/** A server that ran this long before dying starts again after the shortest delay. */
const STABLE_AFTER_MS = 60_000

export type ExitListener = (code: number | null, signal: NodeJS.Signals | null) => void

export interface ServerHandle {
  port: number
  stop: () => Promise<void>
}

export interface Supervised<T extends ServerHandle> {
  /** The server as first started (its address and secrets stay the same across restarts). */
  first: T
  stop: () => Promise<void>
}

export interface SuperviseOptions<T extends ServerHandle> {
  /** For the logs: "Postgres", "Meilisearch". */
  name: string
  /** Starts the server, on `port` when starting it again; `onExit` hears of an unasked-for exit. */
  start: (onExit: ExitListener, port?: number) => Promise<T>
  port?: number
  /** Start it again when it dies; without, its death is only logged. */
  restart: boolean
  log: Logger
}

/** Starts an embedded server and, when asked, starts it again on the same port whenever it dies. */
export async function superviseServer<T extends ServerHandle>(
  options: SuperviseOptions<T>,
): Promise<Supervised<T>> {
  const { name, log } = options
  let stopped = false
  let failures = 0
  let startedAt = Date.now()
  let timer: NodeJS.Timeout | undefined
  let restarting: Promise<void> | undefined
  const ended = () => stopped || shuttingDown
  const backoff = () => Math.min(30_000, 1000 * 2 ** Math.min(failures++, 5))

  const retryLater = (delay: number) => {
    timer = setTimeout(() => {
      restarting = startAgain()
    }, delay)
    timer.unref()
  }

  const startAgain = async () => {
    if (ended()) return
    try {
      const next = await options.start(onExit, current.port)
      if (ended()) {
        await next.stop()
        return
      }
      current = next
      startedAt = Date.now()
      log.info({ port: next.port }, `embedded ${name} started again`)
    } catch (error) {
      if (ended()) return
      const delay = backoff()
      log.error(
        { error: error instanceof Error ? error.message : String(error), retryInMs: delay },
        `embedded ${name} did not start; trying again`,
      )
      retryLater(delay)
    }
  }

  const onExit: ExitListener = (code, signal) => {
    setTimeout(() => {
      if (ended()) {
        log.info({ code, signal }, `embedded ${name} stopped with the platform`)
        return
      }
      if (!options.restart) {
        log.error({ code, signal }, `embedded ${name} stopped unexpectedly`)
        return
      }
      if (Date.now() - startedAt > STABLE_AFTER_MS) failures = 0
      const delay = backoff()
      log.error(
        { code, signal, restartInMs: delay },
        `embedded ${name} stopped unexpectedly; restarting`,
      )
      retryLater(delay)
    }, SIGNAL_GRACE_MS).unref()
  }

  let current: T
  try {
    current = await options.start(onExit, options.port)
  } catch (error) {
    stopped = true
    throw error
  }
  return {
    first: current,
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      // A start under way finishes first, and then stops what it started.
      await restarting
      await current.stop()
    },
  }
}
