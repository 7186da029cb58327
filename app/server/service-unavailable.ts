import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import { isDatabaseUnavailable } from '../../db/availability'

// When Postgres cannot be reached (stopped, restarting, refusing connections), every page and
// action that needs it answers at once with a 503 "Sorry, the service is unavailable" page and
// Retry-After, rather than a 500 or a request left hanging. The app reconnects by itself: the
// next query after Postgres is back opens a new connection.

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
      if (!isDatabaseUnavailable(error)) throw error
      const { context } = args as { context?: AppLoadContext }
      context?.services.log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'database unavailable; answered 503',
      )
      throw unavailable()
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
