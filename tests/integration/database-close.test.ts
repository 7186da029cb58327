import { sql } from 'kysely'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { isDatabaseUnavailable } from '../../db/availability'
import { createDb, type Database } from '../../db/client'
import { createTestServices, type TestServices } from '../setup/test-database'
import { settledWithin } from '../support/deadline'

// Closing a database handle while queries are still running (the app stopping mid-request, a
// test's last read still in flight) lets them finish, then closes; and a handle whose connection
// Postgres has dropped (a restart, an outage) closes too. postgres.js 3.4 waited for ever in
// three such cases, patched in patches/postgres+3.4.9.patch: a connection Kysely held when
// closing began and handed back afterwards (porsager/postgres#925; a test file's clean-up once
// hung there for its whole two minutes), a connection lost with a query on it (#1097), and one
// lost while closing waited for it.

let t: TestServices
let admin: postgres.Sql
beforeAll(async () => {
  t = await createTestServices()
  admin = postgres(t.databaseUrl, { max: 1, onnotice: () => {} })
})
afterAll(async () => {
  await admin.end()
  await t.cleanUp()
})

/** The server process behind a handle's one connection. */
const backendOf = async (db: Database) =>
  (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid

/** Postgres ends that connection, as a restart or an administrator would. */
const dropConnection = (pid: number) => admin`SELECT pg_terminate_backend(${pid})`

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
  expect(await settledWithin(closing, 10_000)).toEqual({ settled: 'resolved', value: undefined })
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
  expect(await settledWithin(closing!, 10_000)).toEqual({ settled: 'resolved', value: undefined })
})

test('a handle whose connection was lost under a query closes', async () => {
  const db = createDb(t.databaseUrl, { max: 1 })
  const pid = await backendOf(db)
  // Its outcome is taken at once: the query fails as the connection drops, which can be before
  // dropConnection returns (left unheard until then, the failure was an unhandled rejection).
  const running = sql`SELECT pg_sleep(5)`.execute(db).catch((error: unknown) => error)
  await new Promise((resolve) => setTimeout(resolve, 100))
  await dropConnection(pid)
  expect(await running).toSatisfy(isDatabaseUnavailable)

  expect(await settledWithin(db.destroy(), 10_000)).toEqual({
    settled: 'resolved',
    value: undefined,
  })
})

test('a handle closing while a query runs closes when the connection is lost instead', async () => {
  const db = createDb(t.databaseUrl, { max: 1 })
  const pid = await backendOf(db)
  // Its outcome is taken at once: the query fails as the connection drops, which can be before
  // dropConnection returns (left unheard until then, the failure was an unhandled rejection).
  const running = sql`SELECT pg_sleep(5)`.execute(db).catch((error: unknown) => error)
  await new Promise((resolve) => setTimeout(resolve, 100))
  const closing = db.destroy()
  await dropConnection(pid)
  expect(await running).toSatisfy(isDatabaseUnavailable)

  expect(await settledWithin(closing, 10_000)).toEqual({ settled: 'resolved', value: undefined })
})
