import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb } from '../../db/client'
import { createTestServices, type TestServices } from '../setup/test-database'

// Closing a database handle while queries are still running (the app stopping mid-request, a
// test's last read still in flight) lets them finish, then closes. postgres.js 3.4 waited for
// ever when a connection Kysely held at the time was handed back afterwards
// (porsager/postgres#925, patched in patches/postgres+3.4.9.patch): a test file's clean-up once
// hung there for its whole two minutes.

let t: TestServices
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(() => t.cleanUp())

/** The promise's outcome, or 'still waiting' if it has not settled in `ms`. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then((value) => ({ settled: 'resolved', value }) as const),
    new Promise<{ settled: 'still waiting' }>((resolve) =>
      setTimeout(() => resolve({ settled: 'still waiting' }), ms),
    ),
  ])

test('a handle closed while queries run lets them finish, then closes', async () => {
  const db = createDb(t.databaseUrl, { max: 4 })
  await sql`SELECT 1`.execute(db)
  const running = [1, 2, 3].map((n) =>
    sql<{ n: number }>`SELECT pg_sleep(0.2), ${n}::int AS n`.execute(db),
  )
  const closing = db.destroy()

  const answers = await Promise.all(running)
  expect(answers.map((answer) => answer.rows[0]!.n)).toEqual([1, 2, 3])
  // Generous: closing takes milliseconds once the queries are done; the bug never closed.
  expect(await within(closing, 10_000)).toEqual({ settled: 'resolved', value: undefined })
})

test('a handle closed inside a transaction lets it commit, then closes', async () => {
  const db = createDb(t.databaseUrl, { max: 2 })
  let closing: Promise<void> | undefined
  const committed = await db.transaction().execute(async (tx) => {
    closing = db.destroy()
    const { rows } = await sql<{ now: Date }>`SELECT now()`.execute(tx)
    return rows.length
  })
  expect(committed).toBe(1)
  expect(await within(closing!, 10_000)).toEqual({ settled: 'resolved', value: undefined })
})
