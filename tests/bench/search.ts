// `npm run bench:search [-- --count 50000 --connections 50 --seconds 10]`: the library search three
// ways in one run, with the same queries and filters — Meilisearch answering the multi-search the
// app sends, the JSON API, and the HTML page — on servers of the benchmark's own. With
// `--accept-encoding 'gzip, deflate, br'` the API and the page are asked for compressed answers,
// as browsers ask (results in search-results-compressed.json). Each way is first run unmeasured
// for `--warm-up` seconds (60; 0 for none), so the figures are those of a running app; then
// every way is measured in turn, `--rounds` times (3), and each figure is the median of its rounds.
//
// Those figures are the uncached worst case: the app runs with its results cache off
// (LIBRARY_CACHE_SECONDS=0, as under test). Then, at the first connection level, a realistic mix
// of searches (realisticSearches below: a few popular searches and a long tail of unique ones)
// is run three ways again, with the cache on as deployed (5 s), beside raw Meilisearch answering
// the same mix.
process.env.NODE_ENV = 'production'

import { writeFile } from 'node:fs/promises'
import type autocannon from 'autocannon'
import { cpus } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseLibraryQuery } from '../../app/library/library-query'
import { buildLibraryQueries } from '../../app/library/search.server'
import { regions } from '../../app/reference/regions'
import { taxonomyTerms } from '../../app/reference/taxonomy'
import {
  librarySearches,
  seedIndexedCorpus,
  load,
  machine,
  median,
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
    // code under load, which is not what a request costs a running app. On this machine, with
    // both cores busy, that takes about a minute: one app's CPU per library page, 5 s at a time
    // from its start, went 5.5, 4.6, 3.9, 3.3, 3.4, 3.6, 3.3, 3.0, 3.1, 2.9, 2.9, 2.8 ms
    // (Meilisearch's, native code, 4.7 to 4.3). Five seconds measured the app half compiled.
    'warm-up': { type: 'string', default: '60' },
    // Rounds of every way in turn, raw Meilisearch in each. This machine's speed can change by half
    // within minutes (the load generator's own CPU per request doubled between two ways of one
    // run), so each figure is the median of the rounds, and each ratio the median of the rounds'
    // ratios, each round's app against the raw Meilisearch measured minutes before it.
    rounds: { type: 'string', default: '3' },
  },
})
const count = Number(values.count)
const levels = values.connections.split(',').map(Number)
const seconds = Number(values.seconds)
const instances = Number(values.instances)
const encoding = values['accept-encoding']
const warmUp = Number(values['warm-up'])
const rounds = Number(values.rounds)
const compressed = encoding ? { headers: { 'accept-encoding': encoding } } : {}

/** Each figure of several rounds of one way: its median over them, process by process for CPU. */
function medianFigures(all: Figures[]): Figures {
  const processes = Object.keys(all[0]?.cpuMsPerRequest ?? {})
  return {
    rps: Math.round(median(all.map((f) => f.rps))),
    p50: round(median(all.map((f) => f.p50))),
    p95: round(median(all.map((f) => f.p95))),
    p99: round(median(all.map((f) => f.p99))),
    ...(processes.length
      ? {
          cpuMsPerRequest: Object.fromEntries(
            processes.map((name) => [
              name,
              round(median(all.map((f) => f.cpuMsPerRequest![name]!))),
            ]),
          ),
        }
      : {}),
  }
}

/**
 * Searches as a library's traffic runs: the first page of the library (a quarter of views),
 * the benchmark's twelve searches weighted by rank (Zipf: the first twice as often as the
 * second...; together 35%), and a long tail (40%) of searches each made once: two words, a word
 * and a filter, or two filters and a page, drawn from the taxonomy. Seeded, so every run asks the
 * same.
 */
function realisticSearches(count: number, seed: number): string[] {
  let state = seed >>> 0
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const words = [
    ...new Set(
      taxonomyTerms
        .flatMap((t) => t.label.toLowerCase().split(/[^a-z]+/))
        .filter((w) => w.length > 3),
    ),
  ]
  const facets = [
    ...taxonomyTerms
      .filter((t) => ['need', 'practice', 'phase', 'setting'].includes(t.scheme))
      .map((t) => `${t.scheme}=${t.code}`),
    ...regions.map((r) => `region=${r.code}`),
  ]
  const zipf = librarySearches.map((_, i) => 1 / (i + 1))
  const zipfTotal = zipf.reduce((a, b) => a + b, 0)
  const popular = () => {
    let r = random() * zipfTotal
    for (let i = 0; i < zipf.length; i++) if ((r -= zipf[i]!) <= 0) return librarySearches[i]!
    return librarySearches[0]!
  }
  const seen = new Set<string>()
  const tail = (): string => {
    const kind = random()
    const search =
      kind < 0.5
        ? `q=${pick(words)}+${pick(words)}`
        : kind < 0.75
          ? `q=${pick(words)}&${pick(facets)}`
          : `${pick(facets)}&${pick(facets)}&page=${1 + Math.floor(random() * 5)}`
    if (seen.has(search)) return tail()
    seen.add(search)
    return search
  }
  return Array.from({ length: count }, () => {
    const r = random()
    return r < 0.25 ? '' : r < 0.6 ? popular() : tail()
  })
}

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
  const medianRatio = (all: ReturnType<typeof ratio>[]) => ({
    rps: round(median(all.map((r) => r.rps))),
    p95: round(median(all.map((r) => r.p95))),
    p95DifferenceMs: round(median(all.map((r) => r.p95DifferenceMs))),
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
  interface Round {
    raw: Figures
    api: Figures
    page: Figures
    /** The API and the page with the connections shared between the app instances. */
    spread?: { api: Figures; page: Figures }
  }
  interface Run {
    connections: number
    /** Each figure the median of the rounds' (each ratio the median of the rounds' ratios). */
    raw: Figures
    api: Figures
    page: Figures
    apiVsRaw: Comparison
    pageVsRaw: Comparison
    rounds?: Round[]
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
    const measured: Round[] = []
    for (let i = 0; i < rounds; i++) {
      const raw = await load(env.meiliUrl, rawRequests, connections, seconds, processes)
      const api = await load(app.url, apiRequests, connections, seconds, processes)
      const page = await load(app.url, pageRequests, connections, seconds, processes)
      const spread =
        moreApps.length > 0
          ? {
              api: await load(allUrls, apiRequests, connections, seconds, allProcesses),
              page: await load(allUrls, pageRequests, connections, seconds, allProcesses),
            }
          : undefined
      measured.push({ raw, api, page, spread })
      say(
        `${connections} connections, round ${i + 1}: raw ${JSON.stringify(raw)} api ${JSON.stringify(api)} page ${JSON.stringify(page)}`,
      )
    }
    const raw = medianFigures(measured.map((m) => m.raw))
    const run: Run = {
      connections,
      raw,
      api: medianFigures(measured.map((m) => m.api)),
      page: medianFigures(measured.map((m) => m.page)),
      apiVsRaw: medianRatio(measured.map((m) => ratio(m.api, m.raw))),
      pageVsRaw: medianRatio(measured.map((m) => ratio(m.page, m.raw))),
      rounds: measured,
    }
    if (moreApps.length > 0) {
      const spread = measured.map((m) => ({ ...m.spread!, raw: m.raw }))
      run.instances = {
        instances,
        api: medianFigures(spread.map((m) => m.api)),
        page: medianFigures(spread.map((m) => m.page)),
        apiVsRaw: medianRatio(spread.map((m) => ratio(m.api, m.raw))),
        pageVsRaw: medianRatio(spread.map((m) => ratio(m.page, m.raw))),
      }
    }
    runs.push(run)
    say(
      `${connections} connections: raw ${JSON.stringify(raw)} api ${JSON.stringify(run.api)} page ${JSON.stringify(run.page)} (medians of ${rounds} rounds)`,
    )
  }
  await Promise.all([app, ...moreApps].map((server) => server.close()))

  // The realistic mix, at the first connection level, with the results cache on as deployed.
  // One stream of searches for all the connections (each request takes the next), so a search
  // made once is made once, whichever connection makes it.
  // Each way's share of the stream: more than it asks for in its seconds (under 1,000 a second).
  const SHARE_PER_SECOND = 1_000
  const mix = realisticSearches((warmUp + 2 * seconds) * SHARE_PER_SECOND, 23)
  const stream = (from: number, toRequest: (search: string) => Partial<autocannon.Request>) => {
    let next = from
    return [
      {
        method: 'GET' as const,
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          ...toRequest(mix[next++ % mix.length]!),
        }),
      },
    ]
  }
  const mixConnections = levels[0]!
  const cachedApp = await startAppServer(env, { LIBRARY_CACHE_SECONDS: '5' })
  const cachedProcesses = { ...processes, app: cachedApp.pid }
  const asRaw = (search: string) => ({
    method: 'POST' as const,
    path: '/multi-search',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env.meiliKey}` },
    body: JSON.stringify({
      queries: buildLibraryQueries(indexUid, parseLibraryQuery(new URLSearchParams(search)).query),
    }),
  })
  const asApi = (search: string) => ({ path: `/api/case-studies?${search}`, ...compressed })
  const asPage = (search: string) => ({ path: `/library?${search}`, ...compressed })
  // The app's stream goes on from one way to the next, so no search of the tail is made twice.
  let position = 0
  const appStream = (
    toRequest: (search: string) => Partial<autocannon.Request>,
    forSeconds: number,
  ) => {
    const requests = stream(position, toRequest)
    position += forSeconds * SHARE_PER_SECOND
    return requests
  }
  if (warmUp > 0) await load(cachedApp.url, appStream(asPage, warmUp), mixConnections, warmUp)
  const rawMix = await load(env.meiliUrl, stream(0, asRaw), mixConnections, seconds, processes)
  const apiMix = await load(
    cachedApp.url,
    appStream(asApi, seconds),
    mixConnections,
    seconds,
    cachedProcesses,
  )
  const pageMix = await load(
    cachedApp.url,
    appStream(asPage, seconds),
    mixConnections,
    seconds,
    cachedProcesses,
  )
  await cachedApp.close()
  const realistic = {
    connections: mixConnections,
    cacheSeconds: 5,
    raw: rawMix,
    api: apiMix,
    page: pageMix,
    apiVsRaw: ratio(apiMix, rawMix),
    pageVsRaw: ratio(pageMix, rawMix),
  }
  say(
    `Realistic mix, ${mixConnections} connections, results cache on: raw ${JSON.stringify(rawMix)} api ${JSON.stringify(apiMix)} page ${JSON.stringify(pageMix)}`,
  )
  await writeFile(
    // A run with compression is kept apart from the results the benchmark table is made from.
    path.join(
      import.meta.dirname,
      encoding ? 'search-results-compressed.json' : 'search-results.json',
    ),
    `${JSON.stringify({ count, seconds, machine, ...(encoding ? { acceptEncoding: encoding } : {}), runs, realistic }, null, 2)}\n`,
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
  say('')
  say(
    `| Realistic mix (25% the first page, 35% twelve popular searches, 40% searches made once), results cache on, ${realistic.connections} connections | Requests/s | p95 ms | Meilisearch CPU/request | App CPU/request |`,
  )
  say('| --- | --- | --- | --- | --- |')
  for (const [name, f, app] of [
    ['Raw Meilisearch (the same multi-searches, no cache)', realistic.raw, false],
    ['JSON API `/api/case-studies`', realistic.api, true],
    ['HTML page `/library`', realistic.page, true],
  ] as const) {
    say(
      `| ${name} | ${f.rps} | ${f.p95} | ${f.cpuMsPerRequest?.Meilisearch} | ${app ? f.cpuMsPerRequest?.app : '–'} |`,
    )
  }
  say(
    `Realistic mix — API/raw: ${realistic.apiVsRaw.rps}× throughput; page/raw: ${realistic.pageVsRaw.rps}× throughput, p95 ${realistic.page.p95} ms`,
  )
} finally {
  await env.stop()
}
