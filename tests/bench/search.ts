// `npm run bench:search [-- --count 50000 --connections 50 --seconds 10]`: the library search three
// ways in one run, with the same queries and filters — Meilisearch answering the multi-search the
// app sends, the JSON API, and the HTML page — on servers of the benchmark's own.
process.env.NODE_ENV = 'production'

import { writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseLibraryQuery } from '../../app/library/library-query'
import { buildLibraryQueries } from '../../app/library/search.server'
import {
  librarySearches,
  seedIndexedCorpus,
  load,
  machine,
  round,
  say,
  startAppServer,
  startBenchEnvironment,
  type Figures,
} from './harness'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '8,50' },
    seconds: { type: 'string', default: '10' },
  },
})
const count = Number(values.count)
const levels = values.connections.split(',').map(Number)
const seconds = Number(values.seconds)

const env = await startBenchEnvironment()
try {
  await seedIndexedCorpus(env, count, 11)

  const app = await startAppServer(env)
  const indexUid = env.search.caseStudiesIndex
  const rawRequests = librarySearches.map((params) => ({
    method: 'POST' as const,
    path: '/multi-search',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env.meiliKey}` },
    body: JSON.stringify({
      queries: buildLibraryQueries(indexUid, parseLibraryQuery(new URLSearchParams(params)).query),
    }),
  }))
  const ratio = (a: Figures, b: Figures) => ({
    rps: round(a.rps / b.rps),
    p95: round(a.p95 / b.p95),
    p95DifferenceMs: round(a.p95 - b.p95),
  })
  // Where each request's CPU time goes: the servers share the machine's cores with each other
  // and with the load generator, so together they set the ceiling on requests per second.
  const processes = { Meilisearch: env.pids.meilisearch, app: app.pid, Postgres: env.pids.postgres }
  const runs = []
  for (const connections of levels) {
    const raw = await load(env.meiliUrl, rawRequests, connections, seconds, processes)
    const api = await load(
      app.url,
      librarySearches.map((params) => ({ method: 'GET', path: `/api/case-studies?${params}` })),
      connections,
      seconds,
      processes,
    )
    const page = await load(
      app.url,
      librarySearches.map((params) => ({ method: 'GET', path: `/library?${params}` })),
      connections,
      seconds,
      processes,
    )
    runs.push({
      connections,
      raw,
      api,
      page,
      apiVsRaw: ratio(api, raw),
      pageVsRaw: ratio(page, raw),
    })
    say(
      `${connections} connections: raw ${JSON.stringify(raw)} api ${JSON.stringify(api)} page ${JSON.stringify(page)}`,
    )
  }
  await app.close()
  await writeFile(
    path.join(import.meta.dirname, 'search-results.json'),
    `${JSON.stringify({ count, seconds, machine, runs }, null, 2)}\n`,
  )

  say('')
  say(
    `| Library search, ${count.toLocaleString('en-GB')} case studies, ${seconds} s each | Connections | Requests/s | p50 ms | p95 ms | p99 ms |`,
  )
  say('| --- | --- | --- | --- | --- | --- |')
  for (const run of runs) {
    for (const [name, f] of [
      ['Raw Meilisearch (the same multi-search)', run.raw],
      ['JSON API `/api/case-studies`', run.api],
      ['HTML page `/library`', run.page],
    ] as const) {
      say(`| ${name} | ${run.connections} | ${f.rps} | ${f.p50} | ${f.p95} | ${f.p99} |`)
    }
  }
  say('')
  say(
    "| CPU time per request (ms) | Connections | Meilisearch | App | Postgres | Load generator | Total | Ceiling: all cores (req/s) | Ceiling: the app's one thread (req/s) |",
  )
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const run of runs) {
    for (const [name, f] of [
      ['Raw Meilisearch', run.raw],
      ['JSON API', run.api],
      ['HTML page', run.page],
    ] as const) {
      const cpu = f.cpuMsPerRequest ?? {}
      const total = round(Object.values(cpu).reduce((a, b) => a + b, 0))
      say(
        `| ${name} | ${run.connections} | ${cpu.Meilisearch} | ${cpu.app} | ${cpu.Postgres} | ${cpu['load generator']} | ${total} | ${Math.round((cpus().length * 1000) / total)} | ${f === run.raw ? '–' : Math.round(1000 / cpu.app!)} |`,
      )
    }
  }
  say('')
  for (const run of runs) {
    say(
      `${run.connections} connections — API/raw: ${run.apiVsRaw.rps}× throughput, p95 ${run.apiVsRaw.p95}× (${run.apiVsRaw.p95DifferenceMs} ms more); page/raw: ${run.pageVsRaw.rps}× throughput, p95 ${run.pageVsRaw.p95}× (${run.pageVsRaw.p95DifferenceMs} ms more)`,
    )
  }
} finally {
  await env.stop()
}
