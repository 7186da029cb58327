// `npm run bench:submissions [-- --count 2000 --concurrency 50 --warmup 10 --corpus 50000]`:
// beside a library of `--corpus` synthetic case studies (0 for the demo data alone), respondents sending
// complete responses over HTTP to the running app (its own process, production build), every step
// from the start page to the confirmation page; then Postgres is asked what arrived — nothing lost,
// nothing twice. The same writes made straight into Postgres, at the same concurrency, in the same
// run, are the raw engine it is compared with. Timings are reported, never asserted.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Presets, SingleBar } from 'cli-progress'
import { sql } from 'kysely'
import { generateReference } from '../../app/submissions/reference'
import { hashToken, newToken } from '../../app/submissions/respondent-session.server'
import { ensureBuild } from '../../app/server/build'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { insertRespondentToken } from '../../db/repositories/respondent-tokens'
import {
  insertDraft,
  insertSubmissionEstablishments,
  markSubmitted,
  updateDraftContact,
  updateDraftSection,
} from '../../db/repositories/submissions'
import type { Json } from '../../db/types'
import { startAppProcess, type AppProcess } from '../setup/app-process'
import { completeFormAnswers, submitCompleteResponse } from '../support/respondent-client'
import { openCallAnswers } from '../support/open-call-answers'
import { machine, round, say, seedIndexedCorpus, startBenchEnvironment } from './harness'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '10' },
    corpus: { type: 'string', default: '50000' },
  },
})
const count = Number(args.count)
const concurrency = Number(args.concurrency)
const warmup = Number(args.warmup)
const corpus = Number(args.corpus)
for (const [name, n] of [
  ['--count', count],
  ['--concurrency', concurrency],
  ['--warmup', warmup],
  ['--corpus', corpus],
] as const) {
  if (!Number.isInteger(n) || n < (name === '--warmup' || name === '--corpus' ? 0 : 1))
    throw new Error(`${name} must be a whole number`)
}

// Every HTTP request the respondents make goes through fetch: count them, and time each one to
// its response headers.
const requestLatencies: number[] = []
const realFetch = globalThis.fetch
globalThis.fetch = async (...params: Parameters<typeof fetch>) => {
  const started = performance.now()
  const response = await realFetch(...params)
  requestLatencies.push(performance.now() - started)
  return response
}

interface Outcome {
  i: number
  email: string
  reference?: string
  ms: number
  failure?: string
}

interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? 0) }
}

/** `total` jobs on `workers` async workers, each taking the next index until none are left. */
async function pool(
  total: number,
  workers: number,
  label: string,
  work: (i: number) => Promise<void>,
) {
  let next = 0
  let done = 0
  const tty = process.stderr.isTTY
  const bar = tty
    ? new SingleBar(
        {
          format: `${label} [{bar}] {value}/{total} | {eta_formatted} left`,
          stream: process.stderr,
        },
        Presets.shades_classic,
      )
    : null
  bar?.start(total, 0)
  const step = Math.max(1, Math.round(total / 10))
  await Promise.all(
    Array.from({ length: Math.min(workers, total) }, async () => {
      while (next < total) {
        await work(next++)
        done++
        bar?.update(done)
        if (!tty && (done % step === 0 || done === total))
          process.stderr.write(`${label}: ${done}/${total}\n`)
      }
    }),
  )
  bar?.stop()
}

const env = await startBenchEnvironment()
// The app's data folder is the benchmark's, so that the receipt emails it sends can be counted.
const dataDir = await mkdtemp(path.join(tmpdir(), 'iip-bench-app-'))
const mailbox = path.join(dataDir, 'mailbox')
let app: AppProcess | undefined
let exitCode = 0
try {
  // Built here, so that the app's own start-up deadline is not spent building.
  await ensureBuild(say)
  say('Starting the app (it seeds demo data into the empty database)…')
  app = await startAppProcess({
    databaseUrl: env.databaseUrl,
    meiliUrl: env.meiliUrl,
    meiliMasterKey: env.meiliKey,
    indexPrefix: env.search.indexPrefix,
    env: {
      DATA_DIR: dataDir,
      FORM_MIN_SECONDS: '0',
      // Every simulated respondent comes from 127.0.0.1; the per-browser limit still applies.
      RATE_LIMIT_STARTS_PER_HOUR: '1000000',
    },
  })
  const { db } = env
  // The library beside the call, as in service: the demo data and `--corpus` case studies.
  if (corpus > 0) await seedIndexedCorpus(env, corpus, 17)

  const { call, answersFor, practiceType, need, phase, schools } = await openCallAnswers(db)
  say(
    `Call "${call.slug}"; practice ${practiceType}, need ${need}, phase ${phase}; ${schools} schools.`,
  )

  const outcomes: Outcome[] = []
  const respond = async (i: number, email: string) => {
    const started = performance.now()
    try {
      const { reference } = await submitCompleteResponse(
        app!.baseUrl,
        call.slug,
        answersFor(email, i),
      )
      outcomes.push({ i, email, reference, ms: performance.now() - started })
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error)
      outcomes.push({ i, email, ms: performance.now() - started, failure })
    }
  }

  if (warmup > 0) {
    say(`Warming up with ${warmup} responses (sent, checked, not timed)…`)
    await pool(warmup, Math.min(concurrency, warmup), 'Warm-up', (i) =>
      respond(i, `bench-warmup-${i}@school.example.org`),
    )
  }
  const warmupOutcomes = outcomes.splice(0)
  requestLatencies.length = 0

  say(`Sending ${count.toLocaleString('en-GB')} responses with ${concurrency} clients…`)
  const appStarted = performance.now()
  await pool(count, concurrency, 'Responses', (i) => respond(i, `bench-${i}@school.example.org`))
  const appSeconds = (performance.now() - appStarted) / 1000
  const requests = requestLatencies.length
  const measured = outcomes.splice(0)

  const allOutcomes = [...warmupOutcomes, ...measured]
  const failures = allOutcomes.filter((o) => o.failure)
  const acknowledged = allOutcomes.filter((o) => o.reference)
  const succeeded = measured.filter((o) => o.reference)

  // What Postgres holds.
  const totals = await db
    .selectFrom('submissions')
    .select([
      sql<string>`count(*)`.as('submitted'),
      sql<string>`count(distinct reference)`.as('references'),
      sql<string>`count(distinct respondent_email)`.as('emails'),
    ])
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('submissions')
    .select(['reference', 'respondent_email', 'status'])
    .where('respondent_email', 'like', 'bench-%')
    .execute()
  const submittedByReference = new Map<string, string | null>()
  const submittedPerEmail = new Map<string, number>()
  for (const row of rows) {
    if (row.status !== 'submitted') continue
    submittedByReference.set(row.reference, row.respondent_email)
    const email = row.respondent_email ?? ''
    submittedPerEmail.set(email, (submittedPerEmail.get(email) ?? 0) + 1)
  }
  const acknowledgedTimes = new Map<string, number>()
  for (const o of acknowledged)
    acknowledgedTimes.set(o.reference!, (acknowledgedTimes.get(o.reference!) ?? 0) + 1)
  const lost = acknowledged.filter((o) => !submittedByReference.has(o.reference!))
  const duplicatedEmails = [...submittedPerEmail].filter(([, n]) => n > 1)
  const duplicatedReferences = [...acknowledgedTimes].filter(([, n]) => n > 1)
  const duplicated = duplicatedEmails.length + duplicatedReferences.length
  // A reference shown to one client but stored against another client's address.
  const mismatched = acknowledged.filter(
    (o) =>
      submittedByReference.has(o.reference!) && submittedByReference.get(o.reference!) !== o.email,
  )
  // Sent responses no client saw a confirmation for (possible only after a failed last step).
  const acknowledgedSet = new Set(acknowledged.map((o) => o.reference!))
  const unacknowledged = [...submittedByReference.keys()].filter((r) => !acknowledgedSet.has(r))
  const drafts = rows.filter((row) => row.status === 'draft').length

  // Receipt emails: queued in the submit transaction, sent by the app's job runner.
  const jobsStarted = performance.now()
  const jobCounts = () =>
    sql<{ pending: string; failed: string }>`
      select count(*) filter (where attempts < max_attempts) as pending,
             count(*) filter (where attempts >= max_attempts) as failed
      from graphile_worker.jobs`
      .execute(db)
      .then((r) => ({ pending: Number(r.rows[0]!.pending), failed: Number(r.rows[0]!.failed) }))
  const jobsAtEnd = await jobCounts()
  let jobs = jobsAtEnd
  while (jobs.pending > 0 && performance.now() - jobsStarted < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    jobs = await jobCounts()
  }
  const jobsDrainSeconds = round((performance.now() - jobsStarted) / 1000)
  // Receipts in the app's mailbox, by the reference in their subject.
  const receipts = new Map<string, number>()
  for (const name of await readdir(mailbox).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue
    const message = JSON.parse(await readFile(path.join(mailbox, name), 'utf8')) as {
      to: string
      subject: string
    }
    const reference = /^Response received: (IIP-\S+)$/.exec(message.subject)?.[1]
    if (reference && message.to.startsWith('bench-'))
      receipts.set(reference, (receipts.get(reference) ?? 0) + 1)
  }
  const receiptsMissing = acknowledged.filter((o) => !receipts.has(o.reference!)).length
  const receiptsRepeated = [...receipts.values()].filter((n) => n > 1).length
  await app.stop()
  app = undefined

  // The raw engine: the app's own SQL writes for one response (the repository functions its
  // actions call), straight into Postgres at the same concurrency — a draft and its session token,
  // one write per section, and the submit transaction with its schools, audit event, status link
  // and queued receipt email: 11 commits. Not included: the app's reads, rate-limit counters.
  say(`Raw Postgres: the same writes for ${count.toLocaleString('en-GB')} responses…`)
  const rawLatencies: number[] = []
  const rawFailures: string[] = []
  const linkExpiry = new Date(call.closes_at.getTime() + 365 * 86_400_000)
  const rawStarted = performance.now()
  await pool(count, concurrency, 'Raw', async (i) => {
    const started = performance.now()
    try {
      const email = `raw-${i}@school.example.org`
      const fields = completeFormAnswers(answersFor(email, i))
      const draft = await insertDraft(db, {
        callId: call.id,
        reference: generateReference(),
        startToken: `raw-${i}-${generateReference()}`,
      })
      if (!draft) throw new Error('draft not inserted')
      await insertRespondentToken(db, {
        hash: hashToken(newToken()),
        submissionId: draft.id,
        purpose: 'session',
        expiresAt: call.closes_at,
      })
      const completed: string[] = []
      const about = fields['about-you']
      completed.push('about-you')
      await updateDraftContact(
        db,
        draft.id,
        { name: about.name, email: about.email, role: about.role, mayContact: true },
        [...completed],
      )
      const sections = [
        ['organisation', fields.organisation],
        ['school', fields.school],
        ['practice', fields.practice],
        ['story', fields.story],
        ['impact', fields.impact],
        ['files', {}],
        ['consent', fields.consent],
      ] as const
      for (const [section, value] of sections) {
        completed.push(section)
        await updateDraftSection(db, draft.id, section, value as unknown as Json, [...completed])
      }
      await db.transaction().execute(async (trx) => {
        const sent = await markSubmitted(trx, draft.id, {
          originalAnswers: fields as unknown as Json,
          organisationKind: 'school',
          organisationName: '',
          establishmentUrn: Number(fields.school.urn),
          findings: [],
          flagged: false,
          now: new Date(),
        })
        if (!sent) throw new Error('not marked submitted')
        await insertSubmissionEstablishments(trx, draft.id, [Number(fields.school.urn)])
        await recordAuditEvent(trx, {
          actorId: null,
          action: 'submission.submitted',
          subjectType: 'submission',
          subjectId: draft.id,
          before: { status: 'draft' },
          after: { status: 'submitted', reference: draft.reference, personalDataFindings: 0 },
        })
        await insertRespondentToken(trx, {
          hash: hashToken(newToken()),
          submissionId: draft.id,
          purpose: 'status',
          expiresAt: linkExpiry,
        })
        // A task no runner knows: the app is stopped, and these are never sent.
        await addJob(trx, 'bench_raw_receipt', { to: email, reference: draft.reference })
      })
      rawLatencies.push(performance.now() - started)
    } catch (error) {
      rawFailures.push(error instanceof Error ? error.message : String(error))
    }
  })
  const rawSeconds = (performance.now() - rawStarted) / 1000

  const appResponsesPerSecond = round(succeeded.length / appSeconds)
  const appRequestsPerSecond = round(requests / appSeconds)
  const rawResponsesPerSecond = round(rawLatencies.length / rawSeconds)
  const perResponse = percentiles(succeeded.map((o) => o.ms))
  const perRequest = percentiles(requestLatencies)
  const raw = percentiles(rawLatencies)
  const slowdown = round(rawResponsesPerSecond / Math.max(appResponsesPerSecond, 0.01))
  const failuresByStep = new Map<string, number>()
  for (const f of failures)
    failuresByStep.set(f.failure!, (failuresByStep.get(f.failure!) ?? 0) + 1)

  const results = {
    machine,
    count,
    corpus,
    concurrency,
    warmup,
    app: {
      seconds: round(appSeconds),
      responses: succeeded.length,
      requests,
      requestsPerResponse: round(requests / count),
      responsesPerSecond: appResponsesPerSecond,
      requestsPerSecond: appRequestsPerSecond,
      perResponseMs: perResponse,
      perRequestMs: perRequest,
      msPerResponse: round((appSeconds * 1000) / Math.max(1, succeeded.length)),
    },
    raw: {
      seconds: round(rawSeconds),
      responses: rawLatencies.length,
      failures: rawFailures.length,
      responsesPerSecond: rawResponsesPerSecond,
      perResponseMs: raw,
      msPerResponse: round((rawSeconds * 1000) / Math.max(1, rawLatencies.length)),
    },
    appTimeOverRaw: slowdown,
    postgres: {
      submitted: Number(totals.submitted),
      distinctReferences: Number(totals.references),
      distinctEmails: Number(totals.emails),
      benchDrafts: drafts,
    },
    correctness: {
      attempted: allOutcomes.length,
      acknowledged: acknowledged.length,
      failures: failures.length,
      lost: lost.length,
      duplicated,
      mismatched: mismatched.length,
      unacknowledged: unacknowledged.length,
    },
    failures: Object.fromEntries(failuresByStep),
    receiptJobs: {
      pendingAtEnd: jobsAtEnd.pending,
      pendingAfterWait: jobs.pending,
      failed: jobs.failed,
      drainSeconds: jobsDrainSeconds,
      receiptsInMailbox: receipts.size,
      receiptsMissing,
      receiptsRepeated,
    },
  }
  await writeFile(
    path.join(import.meta.dirname, 'submissions-results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  )

  say('')
  say(
    `Submissions, ${count.toLocaleString('en-GB')} complete responses, ${concurrency} clients, ${machine}:`,
  )
  say(
    `app: ${appResponsesPerSecond} responses/s (${appRequestsPerSecond} requests/s, ${results.app.requestsPerResponse} requests per response), ${round(appSeconds)} s in all`,
  )
  say(
    `app per response (start page to confirmation) p50/p95/p99 ${perResponse.p50}/${perResponse.p95}/${perResponse.p99} ms (max ${perResponse.max})`,
  )
  say(
    `app per request (to response headers) p50/p95/p99 ${perRequest.p50}/${perRequest.p95}/${perRequest.p99} ms (max ${perRequest.max})`,
  )
  say(
    `raw Postgres writes (the app's SQL writes for a response: 11 commits): ${rawResponsesPerSecond} responses/s, per response p50/p95/p99 ${raw.p50}/${raw.p95}/${raw.p99} ms, ${round(rawSeconds)} s in all${rawFailures.length ? `, ${rawFailures.length} failed (${rawFailures[0]})` : ''}`,
  )
  say(
    `app ÷ raw = ${slowdown}× the time per response (${results.app.msPerResponse} ms vs ${results.raw.msPerResponse} ms of wall time per response at ${concurrency} clients)`,
  )
  say(
    `Postgres: ${results.postgres.submitted} submitted, ${results.postgres.distinctReferences} distinct references, ${results.postgres.distinctEmails} distinct emails; clients acknowledged ${acknowledged.length} of ${allOutcomes.length} (${warmup} warm-up)`,
  )
  say(
    `Receipt emails: ${jobsAtEnd.pending} queued when the last response was confirmed, ${jobs.pending} pending after ${jobsDrainSeconds} s, ${jobs.failed} failed; ${receipts.size} in the mailbox, ${receiptsMissing} missing, ${receiptsRepeated} sent twice`,
  )
  if (failures.length > 0) {
    say(`Failures: ${failures.length}`)
    for (const [message, n] of failuresByStep) say(`  ${n} × ${message}`)
  }
  if (mismatched.length > 0 || unacknowledged.length > 0)
    say(`Mismatched: ${mismatched.length} · Unacknowledged: ${unacknowledged.length}`)
  say(`Lost: ${lost.length} · Duplicated: ${duplicated}`)
  if (
    lost.length > 0 ||
    duplicated > 0 ||
    mismatched.length > 0 ||
    failures.length > 0 ||
    rawFailures.length > 0 ||
    receiptsMissing > 0 ||
    receiptsRepeated > 0
  )
    exitCode = 1
} finally {
  await app?.stop()
  await env.stop()
  await rm(dataDir, { recursive: true, force: true })
}
process.exit(exitCode)
