import type pg from 'pg'
import type { Database } from '../db/client'
import type { SearchService } from '../search/client'
import type { Clock } from './utils/clock.server'
import type { Env } from './utils/env.server'
import type { Logger } from './utils/logger.server'

/** What a running platform needs, created once at start-up and handed to every request. */
export interface Services {
  env: Env
  db: Database
  /** The database's address, for tools that need a connection of their own (backups' COPY). */
  databaseUrl: string
  /** A small node-postgres pool for the libraries that need one (job queue, rate limits). */
  pgPool: pg.Pool
  search: SearchService
  sessionSecret: string
  publicBaseUrl: string
  log: Logger
  clock: Clock
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services
    /** Created afresh for every request. */
    requestState: {
      formHasErrors: boolean
      /**
       * A whole page is asked for (not a page's data, `.data`, for a page already in the browser):
       * its markup is sent as well as the data it hydrates from.
       */
      document?: boolean
      /**
       * The page as rendered (app/entry.server.tsx): the server writes these bytes as they are,
       * rather than reading them back out of the Response's stream.
       */
      rendered?: { response: Response; body: Buffer }
    }
    /** This response's Content-Security-Policy nonce ('' where no policy is sent). */
    cspNonce: string
    /** The client's network address (behind a proxy, as the proxy reports it). */
    clientAddress: string
  }
}

export {}
