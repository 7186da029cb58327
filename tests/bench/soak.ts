// `npm run bench:soak [-- --count 50000 --minutes 10 --connections 8]`: a steady mixed load on
// the app (library searches 80%, case study pages 15%, whole responses sent 5%) for ten minutes,
// on servers of its own. Reports the error count (which must be zero: any error fails the run)
// and whether latency or the app's memory drift from the second minute to the last.
process.env.NODE_ENV = 'production' // React's production build for server rendering, as deployed.

import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Presets, SingleBar } from 'cli-progress'
import { ensureBuild } from '../../app/server/build'
import { startAppProcess } from '../setup/app-process'
import { openCallAnswers } from '../support/open-call-answers'
import { submitCompleteResponse } from '../support/respondent-client'
import {
  librarySearches,
  machine,
  round,
  say,
  seedIndexedCorpus,
  startBenchEnvironment,
  treeRssMb,
} from './harness'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50000' },
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
  },
})
const count = Number(args.count)
const minutes = Number(args.minutes)
const connections = Number(args.connections)

type Kind = 'search' | 'page' | 'submission'
interface Sample {
  at: number
  kind: Kind
  ms: number
  error?: string
}

const env = await startBenchEnvironment()
let exitCode = 0
try {
  await ensureBuild(say)
  say('Starting the app (it seeds the demo data and its open call into the empty database)…')
  const app = await startAppProcess({
    databaseUrl: env.databaseUrl,
    meiliUrl: env.meiliUrl,
    meiliMasterKey: env.meiliKey,
    indexPrefix: env.search.indexPrefix,
    // Every simulated respondent comes from 127.0.0.1.
    env: { RATE_LIMIT_STARTS_PER_HOUR: '1000000' },
  })
  try {
    await seedIndexedCorpus(env, count, 13)

    const slugs = (
      await env.db
        .selectFrom('case_studies')
        .select('slug')
        .where('status', '=', 'published')
        .orderBy('id')
        .limit(500)
        .execute()
    ).map((row) => row.slug)
    const { call, answersFor } = await openCallAnswers(env.db)

    // A fixed sequence of choices (a simple LCG), so runs are comparable.
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const get = async (url: string) => {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${response.status} ${url}`)
    }
    let respondents = 0
    const operation = async (): Promise<Kind> => {
      const roll = next()
      if (roll < 0.8) {
        const params = librarySearches[Math.floor(next() * librarySearches.length)]!
        await get(`${app.baseUrl}/library?${params}`)
        return 'search'
      }
      if (roll < 0.95) {
        await get(`${app.baseUrl}/library/${slugs[Math.floor(next() * slugs.length)]!}`)
        return 'page'
      }
      const n = respondents++
      await submitCompleteResponse(app.baseUrl, call.slug, answersFor(`soak${n}@soak.example`, n))
      return 'submission'
    }

    const samples: Sample[] = []
    const memory: { at: number; mb: number }[] = []
    const started = performance.now()
    const end = started + minutes * 60_000
    say(`Soak: ${minutes} minutes, ${connections} connections, ${slugs.length} pages in rotation…`)
    const progress = new SingleBar(
      { format: 'Soak [{bar}] {value}/{total} s | {ops} operations, {errors} errors' },
      Presets.shades_classic,
    )
    progress.start(minutes * 60, 0, { ops: 0, errors: 0 })
    const sampler = setInterval(() => {
      void treeRssMb(app.pid).then((mb) => memory.push({ at: performance.now() - started, mb }))
      progress.update(Math.round((performance.now() - started) / 1000), {
        ops: samples.length,
        errors: samples.filter((s) => s.error).length,
      })
    }, 5000)
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const began = performance.now()
          try {
            const kind = await operation()
            samples.push({ at: began - started, kind, ms: performance.now() - began })
          } catch (error) {
            samples.push({
              at: began - started,
              kind: 'search',
              ms: performance.now() - began,
              error: error instanceof Error ? error.message : String(error),
            })
          }
        }
      }),
    )
    clearInterval(sampler)
    progress.stop()

    const p95 = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b)
      return round(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0)
    }
    const perMinute = Array.from({ length: minutes }, (_, m) => {
      const inMinute = samples.filter((s) => s.at >= m * 60_000 && s.at < (m + 1) * 60_000)
      const ofKind = (kind: Kind) => inMinute.filter((s) => s.kind === kind && !s.error)
      const rss = memory.filter((s) => s.at >= m * 60_000 && s.at < (m + 1) * 60_000)
      return {
        minute: m + 1,
        operations: inMinute.length,
        errors: inMinute.filter((s) => s.error).length,
        searchP95: p95(ofKind('search').map((s) => s.ms)),
        pageP95: p95(ofKind('page').map((s) => s.ms)),
        submissionP95: p95(ofKind('submission').map((s) => s.ms)),
        rssMb: rss.length ? Math.max(...rss.map((s) => s.mb)) : null,
      }
    })
    // The first minute warms caches and the JIT; drift is measured from the second to the last.
    const from = perMinute[Math.min(1, perMinute.length - 1)]!
    const to = perMinute.at(-1)!
    const change = (a: number | null, b: number | null) =>
      a && b ? round(((b - a) / a) * 100) : null
    const errors = samples.filter((s) => s.error)
    const results = {
      machine,
      count,
      minutes,
      connections,
      operations: samples.length,
      byKind: Object.fromEntries(
        (['search', 'page', 'submission'] as const).map((kind) => [
          kind,
          samples.filter((s) => s.kind === kind && !s.error).length,
        ]),
      ),
      errors: errors.length,
      firstErrors: errors.slice(0, 5).map((s) => s.error),
      searchP95ChangePercent: change(from.searchP95, to.searchP95),
      pageP95ChangePercent: change(from.pageP95, to.pageP95),
      rssChangePercent: change(from.rssMb, to.rssMb),
      perMinute,
    }
    const drift = (percent: number | null, limit: number) =>
      percent === null ? 'not measured' : Math.abs(percent) <= limit ? 'no drift' : 'drift'
    await writeFile(
      path.join(import.meta.dirname, 'soak-results.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    )
    say('')
    say(
      '| Minute | Operations | Errors | Search p95 (ms) | Page p95 (ms) | Response sent p95 (ms) | App memory (MB) |',
    )
    say('| --- | --- | --- | --- | --- | --- | --- |')
    for (const m of perMinute)
      say(
        `| ${m.minute} | ${m.operations} | ${m.errors} | ${m.searchP95} | ${m.pageP95} | ${m.submissionP95} | ${m.rssMb ?? '–'} |`,
      )
    say('')
    say(
      `${samples.length} operations (${JSON.stringify(results.byKind)}), ${errors.length} errors. From minute 2 to minute ${minutes}: search p95 ${results.searchP95ChangePercent}% (${drift(results.searchP95ChangePercent, 25)}), page p95 ${results.pageP95ChangePercent}% (${drift(results.pageP95ChangePercent, 25)}), app memory ${results.rssChangePercent}% (${drift(results.rssChangePercent, 15)}).`,
    )
    if (errors.length > 0) {
      say(`Errors, first of them: ${results.firstErrors.join('; ')}`)
      exitCode = 1
    }
  } finally {
    await app.stop()
  }
} finally {
  await env.stop()
}
process.exit(exitCode)
