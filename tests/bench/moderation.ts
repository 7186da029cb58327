// `npm run bench:moderation [-- --count 20000 --seconds 8]`: the moderation queue and review pages
// with many submissions in the database, against Postgres answering the same queries, in the same
// run, on servers of its own. Load comes from autocannon with a signed-in moderator's cookie.
process.env.NODE_ENV = 'production'

import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import {
  countByStatus,
  findDraftForSubmission,
  findPossibleDuplicates,
  findSubmissionForReview,
  listNotes,
  listQueue,
  listReviews,
} from '../../db/repositories/moderation'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { generateSyntheticCaseStudies } from '../../seeds/data/demo-case-studies'
import { completeAnswers } from '../../seeds/factories/submissions'
import { RespondentClient } from '../support/respondent-client'
import { load, loop, machine, round, say, startAppServer, startBenchEnvironment } from './harness'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '8' },
  },
})
const count = Number(args.count)
const seconds = Number(args.seconds)
const connections = 4

const env = await startBenchEnvironment()
const { db } = env
try {
  // The app seeds the demo data (call, taxonomy, schools, accounts) into the empty database.
  const server = await startAppServer(env)
  say(`Inserting ${count.toLocaleString('en-GB')} sent submissions…`)
  const call = await db.selectFrom('calls').select('id').executeTakeFirstOrThrow()
  const codes = await db
    .selectFrom('taxonomy_terms')
    .select(['scheme_code', sql<string>`min(code)`.as('code')])
    .where('scheme_code', 'in', ['practice', 'need', 'phase'])
    .groupBy('scheme_code')
    .execute()
  const code = (scheme: string) => codes.find((c) => c.scheme_code === scheme)!.code
  const answers = completeAnswers(
    { practice: code('practice'), need: code('need'), phase: code('phase') },
    [990001],
  )
  // One statement: references from the row number, so they are unique and valid; titles, opening
  // text and schools vary as a real call's would (500 synthetic practices over 640 schools).
  const studies = generateSyntheticCaseStudies(500, 11)
  await sql`
    INSERT INTO submissions (call_id, reference, status, respondent_email, organisation_kind,
      organisation_name, establishment_urn, answers, original_answers, submitted_at)
    SELECT ${call.id}, 'IIP-' || upper(lpad(to_hex(n), 4, '0')) || '-BENC',
      'submitted', 'bench' || n || '@school.example.org', 'school', 'Bench School ' || (n % 640),
      990001 + (n % 640), a, a, now() - (n || ' minutes')::interval
    FROM generate_series(1, ${count}) AS n,
      LATERAL (SELECT jsonb_set(jsonb_set(${answers}::jsonb,
        '{practice,title}', to_jsonb((${studies.map((st) => st.title)}::text[])[1 + n % 500])),
        '{story,challenge}', to_jsonb((${studies.map((st) => st.challenge)}::text[])[1 + n % 500])) AS a) AS x`.execute(
    db,
  )
  // As autovacuum would leave it: statistics and the visibility map (for index-only counts).
  await sql`VACUUM ANALYZE submissions`.execute(db)

  const moderator = demoAccounts.find((a) => a.role === 'moderator')!
  const client = new RespondentClient(server.url)
  await client.get('/sign-in')
  const signedIn = await client.post('/sign-in', {
    email: moderator.email,
    password: moderator.password,
  })
  if (signedIn.status !== 302) throw new Error(`sign-in: ${signedIn.status}`)
  const headers = { Cookie: client.jar.header() }
  const references = (
    await db
      .selectFrom('submissions')
      .select('reference')
      .where('status', '=', 'submitted')
      .orderBy('submitted_at')
      .limit(200)
      .execute()
  ).map((r) => r.reference)
  const queuePages = [1, 2, 10, 100].map((page) => `/moderate?status=submitted&page=${page}`)

  say('Queue page…')
  const queue = await load(
    server.url,
    queuePages.map((p) => ({ method: 'GET', path: p, headers })),
    connections,
    seconds,
  )
  const queueRaw = await loop(
    async (i) => {
      await Promise.all([
        countByStatus(db),
        listQueue(db, { status: 'submitted', page: [1, 2, 10, 100][i % 4]!, pageSize: 25 }),
      ])
    },
    connections,
    seconds,
  )
  say('Review page…')
  const review = await load(
    server.url,
    references.map((r) => ({ method: 'GET', path: `/moderate/${r}`, headers })),
    connections,
    seconds,
  )
  const reviewRaw = await loop(
    async (i) => {
      const found = (await findSubmissionForReview(db, references[i % references.length]!))!
      await Promise.all([
        findDraftForSubmission(db, found.id),
        listReviews(db, found.id),
        listNotes(db, found.id),
        listTaxonomyTerms(db),
        findPossibleDuplicates(db, found.id),
      ])
    },
    connections,
    seconds,
  )
  await server.close()

  const results = {
    count,
    seconds,
    connections,
    machine,
    queue: { page: queue, raw: queueRaw, p50Ratio: round(queue.p50 / queueRaw.p50) },
    review: { page: review, raw: reviewRaw, p50Ratio: round(review.p50 / reviewRaw.p50) },
  }
  await writeFile(
    path.join(import.meta.dirname, 'moderation-results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  say('')
  say(
    `| ${count.toLocaleString('en-GB')} submissions, ${connections} connections | Page req/s | p50 / p95 ms | Postgres alone req/s | p50 / p95 ms | p50 ratio |`,
  )
  say('| --- | --- | --- | --- | --- | --- |')
  for (const [name, r] of [
    ['Queue `/moderate`', results.queue],
    ['Review `/moderate/:reference`', results.review],
  ] as const)
    say(
      `| ${name} | ${r.page.rps} | ${r.page.p50} / ${r.page.p95} | ${r.raw.rps} | ${r.raw.p50} / ${r.raw.p95} | ${r.p50Ratio}× |`,
    )
} finally {
  await env.stop()
}
