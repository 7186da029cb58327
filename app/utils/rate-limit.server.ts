import { createHash } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import type pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

// Counters live in Postgres (the rate_limits table), so every app instance shares them.

const limiters = new WeakMap<pg.Pool, Map<string, RateLimiterPostgres>>()

function limiterFor(pool: pg.Pool, name: string, points: number, durationSeconds: number) {
  let byName = limiters.get(pool)
  if (!byName) limiters.set(pool, (byName = new Map()))
  const id = `${name}:${points}:${durationSeconds}`
  let limiter = byName.get(id)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
    })
    byName.set(id, limiter)
  }
  return limiter
}

export interface RateLimit {
  name: string
  /** Hashed before it is stored: keys may hold email addresses. */
  key: string
  points: number
  durationSeconds: number
}

/** Counts one attempt against each limit; the seconds to wait if any is used up, else null. */
export async function consumeRateLimits(
  context: AppLoadContext,
  limits: RateLimit[],
): Promise<number | null> {
  let wait = 0
  for (const limit of limits) {
    const key = createHash('sha256').update(limit.key).digest('hex').slice(0, 40)
    try {
      await limiterFor(
        context.services.pgPool,
        limit.name,
        limit.points,
        limit.durationSeconds,
      ).consume(key)
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error
      wait = Math.max(wait, Math.ceil(error.msBeforeNext / 1000))
    }
  }
  return wait > 0 ? wait : null
}

/** Forgets the attempts counted against a limit (a successful sign-in clears the failures). */
export async function resetRateLimit(context: AppLoadContext, limit: RateLimit) {
  const key = createHash('sha256').update(limit.key).digest('hex').slice(0, 40)
  await limiterFor(context.services.pgPool, limit.name, limit.points, limit.durationSeconds).delete(
    key,
  )
}

/** "Try again in 12 minutes", for the 429 page. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}
