// `npm run bench:search [-- --count 50000 --connections 50 --seconds 10]`: the library search three
// ways in one run, with the same queries and filters — Meilisearch answering the multi-search the
// app sends, the JSON API, and the HTML page — on servers of the benchmark's own. With
// `--accept-encoding 'gzip, deflate, br'` the API and the page are asked for compressed answers,
// as browsers ask (results in search-results-compressed.json). Each way is first run unmeasured
// for `--warm-up` seconds (5; 0 for none), so the figures are those of a running app.
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
    // As production runs the app (several instances against the same servers): the API and the
    // page again, with the connections shared between this many instances. 1 leaves it out.
    instances: { type: 'string', default: '2' },
    // Sent with the API's and the page's requests, as a browser sends it (for example
    // "gzip, deflate, br"), to measure compression too. By default none is sent, so the app
    // compresses nothing: CPU per request is the app's own work.
    'accept-encoding': { type: 'string', default: '' },
    // Seconds of each way, unmeasured, before measuring: a freshly started app compiles its hot
    // code in its first seconds under load, which is not what a request costs a running app.
    'warm-up': { type: 'string', default: '5' },
  },
})
const count = Number(values.count)
const levels = values.connections.split(',').map(Number)
const seconds = Number(values.seconds)
const instances = Number(values.instances)
const encoding = values['accept-encoding']
const warmUp = Number(values['warm-up'])
const compressed = encoding ? { headers: { 'accept-encoding': encoding } } : {}

const env = await startBenchEnvironment()
try {
  await seedIndexedCorpus(env, count, 11)

  const app = await startAppServer(env)
  const moreApps = await Promise.all(
    Array.from({ length: Math.max(0, instances - 1) }, () => startAppServer(env)),
  )
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
  const allProcesses = {
    ...processes,
    ...Object.fromEntries(moreApps.map((more, i) => [`app ${i + 2}`, more.pid])),
  }
  const apiRequests = librarySearches.map((params) => ({
    method: 'GET' as const,
    path: `/api/case-studies?${params}`,
    ...compressed,
  }))
  const pageRequests = librarySearches.map((params) => ({
    method: 'GET' as const,
    path: `/library?${params}`,
    ...compressed,
  }))
  const allUrls = [app.url, ...moreApps.map((more) => more.url)]
  interface Comparison {
    rps: number
    p95: number
    p95DifferenceMs: number
  }
  interface Run {
    connections: number
    raw: Figures
    api: Figures
    page: Figures
    apiVsRaw: Comparison
    pageVsRaw: Comparison
    instances?: {
      instances: number
      api: Figures
      page: Figures
      apiVsRaw: Comparison
      pageVsRaw: Comparison
    }
  }
  if (warmUp > 0) {
    for (const requests of [rawRequests, apiRequests, pageRequests]) {
      const target = requests === rawRequests ? env.meiliUrl : allUrls
      await load(target, requests, Math.min(...levels), warmUp)
    }
  }
  const runs: Run[] = []
  for (const connections of levels) {
    const raw = await load(env.meiliUrl, rawRequests, connections, seconds, processes)
    const api = await load(app.url, apiRequests, connections, seconds, processes)
    const page = await load(app.url, pageRequests, connections, seconds, processes)
    const run: Run = {
      connections,
      raw,
      api,
      page,
      apiVsRaw: ratio(api, raw),
      pageVsRaw: ratio(page, raw),
    }
    if (moreApps.length > 0) {
      const spreadApi = await load(allUrls, apiRequests, connections, seconds, allProcesses)
      const spreadPage = await load(allUrls, pageRequests, connections, seconds, allProcesses)
      run.instances = {
        instances,
        api: spreadApi,
        page: spreadPage,
        apiVsRaw: ratio(spreadApi, raw),
        pageVsRaw: ratio(spreadPage, raw),
      }
    }
    runs.push(run)
    say(
      `${connections} connections: raw ${JSON.stringify(raw)} api ${JSON.stringify(api)} page ${JSON.stringify(page)}`,
    )
  }
  await Promise.all([app, ...moreApps].map((server) => server.close()))
  await writeFile(
    // A run with compression is kept apart from the results the benchmark table is made from.
    path.join(
      import.meta.dirname,
      encoding ? 'search-results-compressed.json' : 'search-results.json',
    ),
    `${JSON.stringify({ count, seconds, machine, ...(encoding ? { acceptEncoding: encoding } : {}), runs }, null, 2)}\n`,
  )

  // Each way of asking, with how many app instances answered it.
  const ways = (run: Run) => [
    { name: 'Raw Meilisearch (the same multi-search)', f: run.raw, apps: 0 },
    { name: 'JSON API `/api/case-studies`', f: run.api, apps: 1 },
    { name: 'HTML page `/library`', f: run.page, apps: 1 },
    ...(run.instances
      ? [
          { name: `JSON API, ${instances} app instances`, f: run.instances.api, apps: instances },
          { name: `HTML page, ${instances} app instances`, f: run.instances.page, apps: instances },
        ]
      : []),
  ]
  say('')
  say(
    `| Library search, ${count.toLocaleString('en-GB')} case studies, ${seconds} s each | Connections | Requests/s | p50 ms | p95 ms | p99 ms |`,
  )
  say('| --- | --- | --- | --- | --- | --- |')
  for (const run of runs) {
    for (const { name, f } of ways(run)) {
      say(`| ${name} | ${run.connections} | ${f.rps} | ${f.p50} | ${f.p95} | ${f.p99} |`)
    }
  }
  say('')
  say(
    "| CPU time per request (ms) | Connections | Meilisearch | App | Postgres | Load generator | Total | Ceiling: all cores (req/s) | Ceiling: the app's threads (req/s) |",
  )
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const run of runs) {
    for (const { name, f, apps } of ways(run)) {
      const cpu = f.cpuMsPerRequest ?? {}
      const app = round(
        Object.entries(cpu)
          .filter(([process]) => process.startsWith('app'))
          .reduce((sum, [, ms]) => sum + ms, 0),
      )
      const total = round(Object.values(cpu).reduce((a, b) => a + b, 0))
      say(
        `| ${name} | ${run.connections} | ${cpu.Meilisearch} | ${app} | ${cpu.Postgres} | ${cpu['load generator']} | ${total} | ${Math.round((cpus().length * 1000) / total)} | ${apps === 0 ? '–' : Math.round((apps * 1000) / app)} |`,
      )
    }
  }
  say('')
  for (const run of runs) {
    say(
      `${run.connections} connections — API/raw: ${run.apiVsRaw.rps}× throughput, p95 ${run.apiVsRaw.p95}× (${run.apiVsRaw.p95DifferenceMs} ms more); page/raw: ${run.pageVsRaw.rps}× throughput, p95 ${run.pageVsRaw.p95}× (${run.pageVsRaw.p95DifferenceMs} ms more)`,
    )
    if (run.instances) {
      say(
        `${run.connections} connections, ${instances} app instances — API/raw: ${run.instances.apiVsRaw.rps}× throughput (${run.instances.apiVsRaw.p95DifferenceMs} ms more at p95); page/raw: ${run.instances.pageVsRaw.rps}× throughput, p95 ${run.instances.page.p95} ms`,
      )
    }
  }
} finally {
  await env.stop()
}
