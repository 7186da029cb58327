// `npm run bench [-- --count 50000 --soak-minutes 10]`: every benchmark in turn, each on servers
// of its own, then the summary table in docs/benchmarks.md (between the bench-table markers) rewritten
// from their results. `--only search,export` runs some; `--table-only` just rewrites the table
// from the results already in tests/bench/*-results.json.
import { spawn } from 'node:child_process'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { round, say } from './harness'

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '50000' },
    'soak-minutes': { type: 'string', default: '10' },
    only: { type: 'string' },
    'table-only': { type: 'boolean', default: false },
  },
})
const here = import.meta.dirname
const root = path.resolve(here, '..', '..')

// Each benchmark and its arguments: the corpus size goes to every benchmark with a library of case
// studies; submissions and moderation also keep their own sizes (responses sent, submissions
// queued).
const benchmarks: [name: string, argv: string[]][] = [
  ['search', ['--count', args.count]],
  ['pages', ['--count', args.count]],
  ['export', ['--count', args.count]],
  ['submissions', ['--corpus', args.count]],
  ['moderation', []],
  ['soak', ['--count', args.count, '--minutes', args['soak-minutes']]],
]

const chosen = args.only?.split(',') ?? benchmarks.map(([name]) => name)
if (!args['table-only']) {
  for (const [name, argv] of benchmarks) {
    if (!chosen.includes(name)) continue
    if (name === 'soak' && Number(args['soak-minutes']) === 0) continue
    say(`\n=== bench:${name} ${argv.join(' ')}`)
    const code = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          path.join(here, `${name}.ts`),
          ...argv,
        ],
        { cwd: root, stdio: 'inherit' },
      )
      child.once('exit', (exitCode) => resolve(exitCode ?? 1))
    })
    if (code !== 0) {
      say(`bench:${name} failed (exit ${code}); the table keeps its previous figures.`)
      process.exitCode = 1
    }
  }
}
await writeTable()

async function results<T>(name: string): Promise<{ data: T; measured: string } | null> {
  const file = path.join(here, `${name}-results.json`)
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
    return { data: JSON.parse(text) as T, measured: info.mtime.toISOString().slice(0, 10) }
  } catch {
    return null
  }
}

function n(value: number) {
  return value.toLocaleString('en-GB')
}

async function writeTable() {
  interface Figures {
    rps: number
    p50: number
    p95: number
    p99: number
  }
  const rows: string[] = []
  const row = (...cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`)

  const search = await results<{
    count: number
    runs: {
      connections: number
      raw: Figures
      api: Figures
      page: Figures
      instances?: { instances: number; page: Figures }
    }[]
  }>('search')
  for (const run of search?.data.runs ?? []) {
    for (const [way, f] of [
      ['Search API `/api/case-studies`', run.api],
      ['Search page `/library`', run.page],
      ...(run.instances
        ? ([[`Search page, ${run.instances.instances} app instances`, run.instances.page]] as const)
        : []),
    ] as const)
      row(
        `${way}, ${run.connections} connections`,
        n(search!.data.count),
        `${n(f.rps)} req/s, p95 ${f.p95} ms`,
        `Meilisearch: ${n(run.raw.rps)} req/s, p95 ${run.raw.p95} ms`,
        `${round(f.rps / run.raw.rps)}× throughput, p95 +${round(f.p95 - run.raw.p95)} ms`,
        search!.measured,
      )
  }
  const pages = await results<{
    count: number
    index: { platformDocsPerSecond: number; rawDocsPerSecond: number; ratio: number }
    caseStudy: { platform: Figures; raw: Figures; rpsRatio: number }
    home?: { platform: Figures; raw: Figures; rpsRatio: number }
  }>('pages')
  if (pages) {
    const { index, caseStudy, home } = pages.data
    row(
      'Case study page `/library/:slug`, 4 connections',
      n(pages.data.count),
      `${n(caseStudy.platform.rps)} req/s, p95 ${caseStudy.platform.p95} ms`,
      `Postgres query: ${n(caseStudy.raw.rps)} req/s, p95 ${caseStudy.raw.p95} ms`,
      `${caseStudy.rpsRatio}× throughput`,
      pages.measured,
    )
    if (home)
      row(
        'Home page `/`, 4 connections',
        n(pages.data.count),
        `${n(home.platform.rps)} req/s, p95 ${home.platform.p95} ms`,
        `Its queries for every view: ${n(home.raw.rps)}/s, p95 ${home.raw.p95} ms`,
        `${home.rpsRatio}× throughput`,
        pages.measured,
      )
    row(
      'Index rebuild from Postgres',
      n(pages.data.count),
      `${n(index.platformDocsPerSecond)} docs/s`,
      `Meilisearch, documents ready-made: ${n(index.rawDocsPerSecond)} docs/s`,
      `${index.ratio}× the time`,
      pages.measured,
    )
  }
  const exports = await results<
    Record<
      string,
      | {
          rows: number
          appRowsPerSecond: number
          copyRowsPerSecond: number
          ratio: number
          appMemoryPeakMb: number
        }
      | unknown
    >
  >('export')
  for (const [label, key] of [
    ['CSV export, all', 'all'],
    ['CSV export, all, gzip', 'all, gzip'],
  ] as const) {
    const e = exports?.data[key] as
      | {
          rows: number
          appRowsPerSecond: number
          copyRowsPerSecond: number
          ratio: number
          appMemoryPeakMb: number
        }
      | undefined
    if (e)
      row(
        `${label} (${n(e.rows)} rows)`,
        n((exports!.data as { count: number }).count),
        `${n(e.appRowsPerSecond)} rows/s, peak ${e.appMemoryPeakMb} MB`,
        `Postgres COPY: ${n(e.copyRowsPerSecond)} rows/s`,
        `${e.ratio}× the time`,
        exports!.measured,
      )
  }
  const submissions = await results<{
    count: number
    corpus?: number
    concurrency: number
    app: { responsesPerSecond: number; perResponseMs: { p95: number } }
    raw: { responsesPerSecond: number }
    appTimeOverRaw: number
    correctness: { lost: number; duplicated: number }
  }>('submissions')
  if (submissions) {
    const s = submissions.data
    row(
      `Responses sent (whole journey, ${s.concurrency} clients)`,
      `${n(s.corpus ?? 0)} (${n(s.count)} responses sent)`,
      `${s.app.responsesPerSecond}/s, p95 ${n(s.app.perResponseMs.p95)} ms; lost ${s.correctness.lost}, duplicated ${s.correctness.duplicated}`,
      `Same Postgres writes: ${s.raw.responsesPerSecond}/s`,
      `${s.appTimeOverRaw}× the time`,
      submissions.measured,
    )
  }
  const moderation = await results<{
    count: number
    queue: { page: Figures; raw: Figures; p50Ratio: number }
    review: { page: Figures; raw: Figures; p50Ratio: number }
  }>('moderation')
  if (moderation) {
    for (const [label, m] of [
      ['Moderation queue page, 4 connections', moderation.data.queue],
      ['Submission review page, 4 connections', moderation.data.review],
    ] as const)
      row(
        label,
        `${n(moderation.data.count)} submissions`,
        `${n(m.page.rps)} req/s, p95 ${m.page.p95} ms`,
        `Its queries: ${n(m.raw.rps)}/s, p95 ${m.raw.p95} ms`,
        `${m.p50Ratio}× p50`,
        moderation.measured,
      )
  }
  const soak = await results<{
    count: number
    minutes: number
    connections: number
    operations: number
    errors: number
    searchP95ChangePercent: number | null
    rssChangePercent: number | null
  }>('soak')
  if (soak) {
    const s = soak.data
    row(
      `Soak: ${s.minutes} min of 80% search, 15% pages, 5% responses, ${s.connections} connections`,
      n(s.count),
      `${n(s.operations)} operations, ${s.errors} errors`,
      '–',
      `search p95 ${s.searchP95ChangePercent ?? '–'}%, memory ${s.rssChangePercent ?? '–'}% (minute 2 → last)`,
      soak.measured,
    )
  }

  const table = [
    '| Benchmark | Corpus | Platform | Raw engine, same run | Platform against raw | Measured |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
  const readmePath = path.join(root, 'docs', 'benchmarks.md')
  const readme = await readFile(readmePath, 'utf8')
  const start = '<!-- bench-table:start -->'
  const end = '<!-- bench-table:end -->'
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no ${start} … ${end} section`)
  await writeFile(
    readmePath,
    `${readme.slice(0, from + start.length)}\n\n${table}\n\n${readme.slice(to)}`,
  )
  // Prettier owns the page's layout; the table is rewritten in its style.
  await new Promise<void>((resolve) =>
    spawn(
      process.execPath,
      [path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--write', readmePath],
      { stdio: 'ignore' },
    ).once('exit', () => resolve()),
  )
  say(`\ndocs/benchmarks.md: the benchmark table now has ${rows.length} rows.`)
}
