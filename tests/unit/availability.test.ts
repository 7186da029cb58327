import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { isDatabaseUnavailable } from '../../db/availability'
import { createDb } from '../../db/client'

test('connection failures are told apart from other database errors, through causes and aggregates', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
  })
  expect(isDatabaseUnavailable(refused)).toBe(true)
  expect(isDatabaseUnavailable(new AggregateError([refused], 'all attempts failed'))).toBe(true)
  expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true)
  expect(isDatabaseUnavailable({ code: '57P01', message: 'terminating connection' })).toBe(true)
  expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
  // A bad query, a constraint, a missing table: bugs or bad input, not an outage.
  expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key' })).toBe(false)
  expect(isDatabaseUnavailable({ code: '42P01', message: 'relation does not exist' })).toBe(false)
  expect(isDatabaseUnavailable(new Error('something else'))).toBe(false)
  expect(isDatabaseUnavailable(null)).toBe(false)
  expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false)
})

test('with Postgres unreachable, the first query fails as unavailable and the next fail without trying (the breaker is open)', async () => {
  // Nothing listens on port 9 here: connections are refused.
  const db = createDb('postgres://nobody:secret@127.0.0.1:9/none', { max: 2 })
  try {
    const first = await sql`SELECT 1`.execute(db).catch((error: unknown) => error)
    expect(isDatabaseUnavailable(first)).toBe(true)
    const next = await sql`SELECT 1`.execute(db).catch((error: unknown) => error)
    expect(isDatabaseUnavailable(next)).toBe(true)
    expect((next as { code?: string }).code).toBe('EOPENBREAKER')
  } finally {
    await db.destroy()
  }
})
