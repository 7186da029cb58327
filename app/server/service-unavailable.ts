import type { ServerBuild } from '@remix-run/node'

// When Postgres cannot be reached (stopped, restarting, refusing connections), every page and
// action that needs it answers at once with a 503 "Sorry, the service is unavailable" page and
// Retry-After, rather than a 500 or a request left hanging. The app reconnects by itself: the
// next query after Postgres is back opens a new connection.

const CONNECTION_CODES = new Set([
  // Node and postgres.js, while connecting or when the connection drops.
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  // Postgres: shutting down, starting up, too many connections, connection exceptions.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])

/** Whether an error means "Postgres cannot be reached", looking through causes and aggregates. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  const { code, cause, errors, message } = error as {
    code?: unknown
    cause?: unknown
    errors?: unknown
    message?: unknown
  }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true
  // node-postgres (the job queue's and rate limiter's driver) says this without a code.
  if (typeof message === 'string' && /^Connection terminated( unexpectedly)?/.test(message))
    return true
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true
  return isDatabaseUnavailable(cause, depth + 1)
}

export const RETRY_AFTER_SECONDS = 30

function unavailable(): Response {
  return new Response(
    JSON.stringify({
      title: 'Sorry, the service is unavailable',
      paragraphs: [
        'The service is having a technical problem. Try again in a minute.',
        'Anything you have already saved or sent is safe.',
      ],
    }),
    {
      status: 503,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Retry-After': String(RETRY_AFTER_SECONDS),
        'Cache-Control': 'no-store',
      },
    },
  )
}

type Handler = (args: never) => unknown

function guard<T extends Handler | undefined>(handler: T): T {
  if (!handler) return handler
  const guarded = async (args: never) => {
    try {
      return await handler(args)
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw unavailable()
      throw error
    }
  }
  return guarded as T
}

/** The same build, with every loader and action answering 503 when Postgres is unreachable. */
export function withServiceUnavailable(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        loader: guard(route.module.loader as Handler | undefined) as typeof route.module.loader,
        action: guard(route.module.action as Handler | undefined) as typeof route.module.action,
      },
    }
  }
  return { ...build, routes }
}
