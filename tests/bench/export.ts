// `npm run bench:export [-- --count 50000 --runs 3]`: the CSV export of the evidence against
// Postgres writing the same rows with `COPY (...) TO STDOUT`, in the same run, on servers of its
// own; and the app process's memory while it exports (sampled from /proc), which should stay flat
// however many rows there are, since exports stream. Then the Word evidence pack (DOCX, built in
// memory with its appendix capped) and the PDF summary (streamed, every case study in its
// appendix), timed and sampled the same way (neither has a raw-engine equivalent).
process.env.NODE_ENV = 'production'

import { writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import postgres from 'postgres'
import { parseEvidenceFilter, toEvidenceScope } from '../../app/evidence/evidence-filter'
import { DOCX_APPENDIX_LIMIT } from '../../app/evidence/export.schema'
import { countCsvRecords } from '../../app/evidence/record-count'
import { selectEvidenceRows } from '../../db/repositories/evidence-rows'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { seedSyntheticCorpus } from '../../seeds/synthetic-corpus'
import { RespondentClient } from '../support/respondent-client'
import {
  machine,
  median,
  round,
  say,
  startAppServer,
  startBenchEnvironment,
  treeRssMb,
} from './harness'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
  },
})
const count = Number(args.count)
const runs = Number(args.runs)

/** POSTs a form and hands back the answer's headers and its body as raw chunks. */
function postForm(url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ headers: IncomingHttpHeaders; chunks: AsyncIterable<Buffer> }>(
    (resolve, reject) => {
      const request = httpRequest(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        },
        (response) => {
          if (response.statusCode !== 200) reject(new Error(`export: ${response.statusCode}`))
          else resolve({ headers: response.headers, chunks: response })
        },
      )
      request.on('error', reject)
      request.end(body)
    },
  )
}

/**
 * The app process's memory (whole process tree, sampled every 100 ms) from before `work` starts
 * to its end: the peak is what an export costs on top of the app's resting size.
 */
async function sampleMemory<T>(pid: number, work: () => Promise<T>) {
  const baseMb = await treeRssMb(pid)
  let peakMb = baseMb
  let sampling = false
  const sampler = setInterval(() => {
    if (sampling) return
    sampling = true
    void treeRssMb(pid).then((mb) => {
      peakMb = Math.max(peakMb, mb)
      sampling = false
    })
  }, 100)
  try {
    const result = await work()
    return { result, baseMb, peakMb }
  } finally {
    clearInterval(sampler)
  }
}

/** A query's text with its parameters written in, for COPY (which takes none). */
function inline(compiled: { sql: string; parameters: readonly unknown[] }) {
  return compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = compiled.parameters[Number(n) - 1]
    if (typeof value === 'number') return String(value)
    return `'${String(value).replace(/'/g, "''")}'`
  })
}

const env = await startBenchEnvironment()
const { db } = env
try {
  const server = await startAppServer(env)
  say(`Inserting ${count.toLocaleString('en-GB')} synthetic case studies…`)
  await seedSyntheticCorpus(db, count, () => {}, 5)
  // The library's index is not what this measures: clear the outbox, and wait for Meilisearch to
  // finish what the app's sync worker sent it while the rows went in.
  await db.deleteFrom('search_outbox').execute()
  for (;;) {
    const { results } = await env.search.client.tasks.getTasks({
      statuses: ['enqueued', 'processing'],
    })
    if (results.length === 0) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  // As autovacuum would leave it, so that neither side pays for statistics mid-run.
  await sql`VACUUM ANALYZE`.execute(db)

  const adviser = demoAccounts.find((a) => a.role === 'advisory')!
  const client = new RespondentClient(server.url)
  await client.get('/sign-in')
  const signedIn = await client.post('/sign-in', {
    email: adviser.email,
    password: adviser.password,
  })
  if (signedIn.status !== 302) throw new Error(`sign-in: ${signedIn.status}`)
  await client.get('/evidence/export')

  const results: Record<string, unknown> = { count, runs, machine }
  for (const [name, query, encoding] of [
    ['all', '', 'identity'],
    ['one need', 'need=ASD', 'identity'],
    // As browsers get it: gzip, which costs the app CPU and saves most of the bytes.
    ['all, gzip', '', 'gzip'],
  ] as const) {
    const scope = toEvidenceScope(parseEvidenceFilter(new URLSearchParams(query)).filter)
    const copySql = `COPY (${inline(selectEvidenceRows(db, scope, { contacts: false }).compile())}) TO STDOUT WITH (FORMAT csv, HEADER)`
    const app: { ms: number; bytes: number; rows: number; peakMb: number; baseMb: number }[] = []
    const copy: { ms: number; bytes: number }[] = []
    for (let run = 0; run < runs; run++) {
      say(`${name}: export ${run + 1} of ${runs}…`)
      const { result, baseMb, peakMb } = await sampleMemory(server.pid, async () => {
        const started = performance.now()
        // node:http rather than fetch, so that a gzip answer is counted as it crosses the wire
        // rather than decompressed by the load generator (which would then be what is measured).
        const { headers, chunks } = await postForm(
          `${server.url}/evidence/download${query ? `?${query}` : ''}`,
          { Cookie: client.jar.header(), 'Accept-Encoding': encoding },
          new URLSearchParams({ csrf: client.csrf, format: 'csv' }).toString(),
        )
        let bytes = 0
        let rows = -1 // the header
        let last = 0
        for await (const chunk of chunks) {
          bytes += chunk.length
          if (encoding === 'identity') rows += countCsvRecords(chunk, last)
          last = chunk[chunk.length - 1] ?? last
        }
        const expected = Number(headers['x-row-count'])
        if (encoding !== 'identity') rows = expected
        if (rows !== expected) throw new Error(`export: ${rows} rows, expected ${expected}`)
        return { ms: performance.now() - started, bytes, rows }
      })
      const { ms, bytes, rows } = result
      app.push({ ms, bytes, rows, peakMb, baseMb })

      say(`  app: ${rows} rows`)
      const copyStarted = performance.now()
      let copyBytes = 0
      // A connection of its own each time: postgres.js keeps a connection after COPY TO STDOUT.
      const raw = postgres(env.databaseUrl, { max: 1, onnotice: () => {} })
      const stream = await raw.unsafe(copySql).readable()
      for await (const chunk of stream) copyBytes += (chunk as Buffer).length
      await raw.end({ timeout: 1 })
      copy.push({ ms: performance.now() - copyStarted, bytes: copyBytes })
      say('  copy done')
    }
    const appMs = median(app.map((a) => a.ms))
    const copyMs = median(copy.map((c) => c.ms))
    const rows = Number(
      (
        await db
          .selectFrom('case_studies')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    results[name] = {
      rows: app[0]!.rows,
      appSeconds: round(appMs / 1000),
      appRowsPerSecond: Math.round(app[0]!.rows / (appMs / 1000)),
      appMegabytesSent: round(app[0]!.bytes / 1e6),
      copySeconds: round(copyMs / 1000),
      copyRowsPerSecond: Math.round(app[0]!.rows / (copyMs / 1000)),
      copyMegabytes: round(copy[0]!.bytes / 1e6),
      ratio: round(appMs / copyMs),
      appMemoryBeforeMb: Math.min(...app.map((a) => a.baseMb)),
      appMemoryPeakMb: Math.max(...app.map((a) => a.peakMb)),
      // Run by run: a peak that stops rising is a heap that has grown to its working size.
      appMemoryPeakByRunMb: app.map((a) => a.peakMb),
      caseStudiesInDatabase: rows,
    }
  }

  // The Word pack (built in memory, its appendix capped) and the PDF summary (streamed, with an
  // appendix of every case study) of the whole corpus, each fetched whole and checked by its
  // first bytes. One run of each: a PDF of 50,000 rows takes minutes.
  const packs = {
    docx: { magic: 'PK', appendix: (rows: number) => Math.min(rows, DOCX_APPENDIX_LIMIT) },
    pdf: { magic: '%PDF', appendix: (rows: number) => rows },
  } as const
  for (const [format, { magic, appendix }] of Object.entries(packs)) {
    say(`${format}: export…`)
    const { result, baseMb, peakMb } = await sampleMemory(server.pid, async () => {
      const started = performance.now()
      const { headers, chunks } = await postForm(
        `${server.url}/evidence/download`,
        { Cookie: client.jar.header(), 'Accept-Encoding': 'identity' },
        new URLSearchParams({ csrf: client.csrf, format }).toString(),
      )
      const parts: Buffer[] = []
      for await (const chunk of chunks) parts.push(chunk)
      const body = Buffer.concat(parts)
      if (!body.subarray(0, magic.length).equals(Buffer.from(magic)))
        throw new Error(`${format}: not a ${format} file`)
      return {
        ms: performance.now() - started,
        bytes: body.length,
        rows: Number(headers['x-row-count']),
      }
    })
    say(`  app: ${result.rows} rows in the filter, ${round(result.bytes / 1e6)} MB`)
    results[format] = {
      rows: result.rows,
      appendixRows: appendix(result.rows),
      appSeconds: round(result.ms / 1000),
      appMegabytesSent: round(result.bytes / 1e6),
      appMemoryBeforeMb: baseMb,
      appMemoryPeakMb: peakMb,
    }
  }

  await server.close()
  await writeFile(
    path.join(import.meta.dirname, 'export-results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  say('')
  say(
    `| CSV export, ${count.toLocaleString('en-GB')} case studies | Rows | App rows/s (s) | COPY rows/s (s) | App ÷ COPY | App memory before → peak, run by run |`,
  )
  say('| --- | --- | --- | --- | --- | --- |')
  for (const name of ['all', 'one need', 'all, gzip']) {
    const r = results[name] as Record<string, number>
    say(
      `| ${name} | ${r.rows} | ${r.appRowsPerSecond} (${r.appSeconds}) | ${r.copyRowsPerSecond} (${r.copySeconds}) | ${r.ratio}× | ${r.appMemoryBeforeMb} → ${(r.appMemoryPeakByRunMb as unknown as number[]).join(', ')} MB |`,
    )
  }
  say('')
  say(
    `| Evidence pack, ${count.toLocaleString('en-GB')} case studies | Rows in filter (in appendix) | Seconds | MB | App memory before → peak |`,
  )
  say('| --- | --- | --- | --- | --- |')
  for (const format of ['docx', 'pdf']) {
    const d = results[format] as Record<string, number>
    say(
      `| ${format.toUpperCase()} | ${d.rows} (${d.appendixRows}) | ${d.appSeconds} | ${d.appMegabytesSent} | ${d.appMemoryBeforeMb} → ${d.appMemoryPeakMb} MB |`,
    )
  }
} finally {
  await env.stop()
}
