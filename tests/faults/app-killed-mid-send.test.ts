import { randomBytes } from 'node:crypto'
import getPort from 'get-port'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { createDb, type Database } from '../../db/client'
import { cloneTemplateDatabase } from '../setup/test-database'
import { startAppProcess, type AppProcess } from '../setup/app-process'
import { openCallAnswers } from '../support/open-call-answers'
import {
  prepareCompleteResponse,
  sendPreparedResponse,
  type RespondentClient,
} from '../support/respondent-client'

// 200 respondents press "Send" at once and the app dies (SIGKILL) part-way through. Whatever a
// respondent was told was sent must be in Postgres, whole; what was not, they send again after
// the restart, and it is sent exactly once.

const RESPONDENTS = 200
const database = `faults_kill_${randomBytes(4).toString('hex')}`
const sessionSecret = randomBytes(32).toString('hex')
let db: Database
let databaseUrl: string
let port: number
let app: AppProcess | undefined

const start = () =>
  startAppProcess({
    databaseUrl,
    meiliUrl: inject('meiliUrl'),
    meiliMasterKey: inject('meiliMasterKey'),
    indexPrefix: `${database}_`,
    killable: true,
    port,
    env: {
      // The same secret across the restart, so respondents' cookies still open their drafts.
      SESSION_SECRET: sessionSecret,
      RATE_LIMIT_STARTS_PER_HOUR: '1000000',
      DATABASE_POOL_SIZE: '20',
    },
  })

beforeAll(async () => {
  databaseUrl = await cloneTemplateDatabase(database)
  db = createDb(databaseUrl, { max: 4 })
  port = await getPort()
  app = await start()
})

afterAll(async () => {
  await app?.stop()
  await db?.destroy()
})

/** Runs `work` over the items, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
    }),
  )
}

test('SIGKILL during 200 sends: every acknowledged response is in Postgres, whole; resent ones are sent once', async () => {
  const { call, answersFor } = await openCallAnswers(db)
  const before = await db
    .selectFrom('submissions')
    .select(({ fn }) => fn.countAll<string>().as('n'))
    .where('call_id', '=', call.id)
    .executeTakeFirstOrThrow()

  // Every respondent fills in a whole response, ready to send.
  const clients: { i: number; email: string; client: RespondentClient }[] = []
  await inParallel(
    Array.from({ length: RESPONDENTS }, (_, i) => i),
    8,
    async (i) => {
      const email = `sender${i}@kill.example`
      clients.push({
        i,
        email,
        client: await prepareCompleteResponse(app!.baseUrl, call.slug, answersFor(email, i)),
      })
    },
  )
  expect(clients).toHaveLength(RESPONDENTS)

  // All press Send at once; the app is killed once a quarter of them have been told it worked.
  const acknowledged = new Map<string, string>()
  let failedInFlight = 0
  let killed: Promise<void> | undefined
  await Promise.all(
    clients.map(async ({ email, client }) => {
      try {
        const reference = await sendPreparedResponse(client, call.slug)
        acknowledged.set(email, reference)
        if (acknowledged.size >= RESPONDENTS / 4) killed ??= app!.kill()
      } catch {
        failedInFlight++
      }
    }),
  )
  await killed
  expect(killed, 'the app was killed').toBeDefined()
  expect(failedInFlight, 'some sends were cut off by the kill').toBeGreaterThan(0)

  // Every acknowledged response is in Postgres, sent, with its reference.
  const sent = await db
    .selectFrom('submissions')
    .select(['id', 'respondent_email', 'reference', 'status', 'submitted_at', 'original_answers'])
    .where('call_id', '=', call.id)
    .where('respondent_email', 'like', '%@kill.example')
    .execute()
  const byEmail = new Map(sent.map((row) => [row.respondent_email, row]))
  for (const [email, reference] of acknowledged) {
    expect(byEmail.get(email), email).toMatchObject({ reference, status: 'submitted' })
  }
  // Some cut off may have been saved before the kill without the respondent hearing so.
  const savedUnheard = sent.filter(
    (row) => row.status === 'submitted' && !acknowledged.has(row.respondent_email!),
  ).length

  // The app comes back; those not told it worked send again.
  app = await start()
  let resentOk = 0
  for (const { email, client } of clients) {
    if (acknowledged.has(email)) continue
    const reference = await sendPreparedResponse(client, call.slug)
    acknowledged.set(email, reference)
    resentOk++
  }
  // Every send cut off went through on the second try.
  expect(resentOk).toBe(failedInFlight)

  // Exactly one submission per respondent, each sent once and whole.
  const rows = await db
    .selectFrom('submissions as s')
    .select([
      's.id',
      's.respondent_email',
      's.reference',
      's.status',
      's.submitted_at',
      's.original_answers',
    ])
    .select((eb) => [
      eb
        .selectFrom('submission_establishments as e')
        .whereRef('e.submission_id', '=', 's.id')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .as('schools'),
      eb
        .selectFrom('audit_events as a')
        .whereRef('a.subject_id', '=', eb.cast('s.id', 'text'))
        .where('a.action', '=', 'submission.submitted')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .as('sentEvents'),
      eb
        .selectFrom('respondent_tokens as t')
        .whereRef('t.submission_id', '=', 's.id')
        .where('t.purpose', '=', 'status')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .as('statusLinks'),
    ])
    .where('s.call_id', '=', call.id)
    .where('s.respondent_email', 'like', '%@kill.example')
    .execute()
  expect(rows).toHaveLength(RESPONDENTS)
  for (const row of rows) {
    const label = `${row.respondent_email} ${row.reference}`
    expect(row.status, label).toBe('submitted')
    expect(row.reference, label).toBe(acknowledged.get(row.respondent_email!))
    expect(row.submitted_at, label).not.toBeNull()
    expect(row.original_answers, label).not.toBeNull()
    expect(Number(row.schools), label).toBe(1)
    expect(Number(row.sentEvents), label).toBe(1)
    expect(Number(row.statusLinks), label).toBe(1)
  }
  const after = await db
    .selectFrom('submissions')
    .select(({ fn }) => fn.countAll<string>().as('n'))
    .where('call_id', '=', call.id)
    .executeTakeFirstOrThrow()
  expect(Number(after.n) - Number(before.n)).toBe(RESPONDENTS)
  console.log(
    `faults: ${RESPONDENTS} sends; ${RESPONDENTS - resentOk} acknowledged before or as the app was killed, ${failedInFlight} cut off (${savedUnheard} of them saved before the kill), ${resentOk} sent again after the restart; ${rows.length} submissions, none duplicated or half-written.`,
  )
})
