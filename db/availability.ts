import CircuitBreaker from 'opossum'
import type { Sql } from 'postgres'

// Postgres being away (stopped, restarting, refusing connections) is an expected condition, not
// a bug: pages answer 503 at once rather than waiting. postgres.js, left to itself, queues every
// query until a connection attempt succeeds, and a failed attempt rejects only the one query that
// started it, so under load the queue grows and requests hang. A circuit breaker (opossum) on
// taking a connection from the pool turns the first failures into "unavailable" for everyone for
// a second, then lets one request try; when that works, traffic flows again.

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
  // The breaker below, open.
  'EOPENBREAKER',
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

type Reserved = Awaited<ReturnType<Sql['reserve']>>

export interface AvailabilityOptions {
  /** How long to wait for a connection before calling Postgres unavailable. */
  acquireTimeoutMs?: number
  /** How long the breaker stays open before one request may try again. */
  retryAfterMs?: number
}

/**
 * The same postgres.js instance for Kysely, but taking a connection goes through a breaker: a
 * connection failure or a wait longer than `acquireTimeoutMs` opens it, and while it is open
 * every query fails at once with EOPENBREAKER. A connection that arrives after its caller gave
 * up goes straight back to the pool.
 */
export function withFailFast(sql: Sql, options: AvailabilityOptions = {}): Sql {
  const breaker = new CircuitBreaker(
    async (call: { abandoned: boolean }): Promise<Reserved> => {
      const reserved = await sql.reserve()
      if (call.abandoned) {
        reserved.release()
        throw new Error('connection arrived after its caller gave up')
      }
      return reserved
    },
    {
      timeout: options.acquireTimeoutMs ?? 10_000,
      resetTimeout: options.retryAfterMs ?? 1000,
      // One failure is enough: a refused connection is not noise.
      errorThresholdPercentage: 1,
      volumeThreshold: 1,
      rollingCountTimeout: 10_000,
      // Only failures to reach Postgres count; anything else is passed on as it is.
      errorFilter: (error: unknown) => !isDatabaseUnavailable(error),
    },
  )
  const reserve = async () => {
    const call = { abandoned: false }
    try {
      return await breaker.fire(call)
    } catch (error) {
      call.abandoned = true
      throw error
    }
  }
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'reserve') return reserve
      return Reflect.get(target, property, receiver) as unknown
    },
  })
}
