import type { AppLoadContext } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseEvidenceFilter } from '../../app/evidence/evidence-filter'
import type { ExportFormat } from '../../app/evidence/export.schema'
import { exportEvidence } from '../../app/evidence/exports/export.server'
import { headlineFigures, loadEvidenceFigures } from '../../app/evidence/figures.server'
import { loadGapMap } from '../../app/evidence/gap-map.server'
import { loadEvidencePack } from '../../app/evidence/pack.server'
import { noPracticesText } from '../../app/evidence/suppression'
import { loadEvidenceVocabulary } from '../../app/evidence/vocabulary.server'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'
import { insertStaff, testLoadContext } from '../support/load-context'

// Suppression is one rule decided once: in outputs for publication, a count of 1 to 4 case
// studies all from one school is never printed — not as a number, not as a zero, not through a
// mean worked out from it — on the dashboard, the gap map, the pack, the workbook or the PDF.
// Figures that are shown agree across every one of them.

let t: TestServices
let context: AppLoadContext
let adviserId: string

beforeAll(async () => {
  t = await createTestServices()
  context = testLoadContext(t)
  adviserId = await insertStaff(t, 'advisory', 'adviser@advisory.test')
  const call = await insertCall(t.db, { slug: 'call-s', title: 'Call S' })
  const tags = (need: string, practice: string) => ({
    need: [need],
    practice: [practice],
    phase: ['primary'],
    setting: ['mainstream-school'],
  })
  const published = (
    urn: number,
    region: string,
    strength: number,
    need: string,
    practice: string,
  ) =>
    insertModeratedResponse(t.db, {
      callId: call.id,
      urn,
      status: 'published',
      consent: 'anonymised',
      caseStudy: { regionCode: region, evidenceStrength: strength, tags: tags(need, practice) },
    })
  // Two from one school in the North East (A): every count they make is suppressed, and their
  // mean strength (3.0) must never show.
  const oak = await insertSchool(t.db, { urn: 920001 })
  await published(oak, 'A', 2, 'SEMH', 'pastoral-semh')
  await published(oak, 'A', 4, 'SEMH', 'pastoral-semh')
  // Five from five schools in the North West (B): shown.
  for (let i = 2; i <= 6; i++)
    await published(
      await insertSchool(t.db, { urn: 920000 + i }),
      'B',
      1,
      'ASD',
      'resourced-provision',
    )
})
afterAll(() => t.cleanUp())

const filterOf = (query: string) => parseEvidenceFilter(new URLSearchParams(query)).filter

async function exported(query: string, format: ExportFormat) {
  const response = await exportEvidence(context, adviserId, {
    filter: filterOf(query),
    format,
    contacts: false,
  })
  return Buffer.from(await response.arrayBuffer())
}

async function load(query: string) {
  const filter = filterOf(query)
  const vocabulary = await loadEvidenceVocabulary(context)
  const [figures, gapMap, pack] = await Promise.all([
    loadEvidenceFigures(context, filter, vocabulary),
    loadGapMap(context, filter, vocabulary, []),
    loadEvidencePack(context, filter, vocabulary),
  ])
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await exported(query, 'xlsx')) as unknown as ExcelJS.Buffer)
  return { figures, gapMap, pack, book }
}

const breakdown = (figures: Awaited<ReturnType<typeof load>>['figures'], key: string) =>
  figures.breakdowns.find((b) => b.key === key)!.figures

test('for publication, a count of 1 to 4 from one school and its mean never show, in any output', async () => {
  const { figures, gapMap, pack, book } = await load('for=publication')
  // The dashboard.
  expect(breakdown(figures, 'need').find((f) => f.value === 'SEMH')).toMatchObject({
    count: null,
    averageStrength: null,
  })
  expect(breakdown(figures, 'region').find((f) => f.value === 'A')).toMatchObject({
    count: null,
    averageStrength: null,
  })
  expect(breakdown(figures, 'area').find((f) => f.value === 'semh')!.count).toBeNull()
  // The gap map.
  const column = gapMap.columns.findIndex((c) => c.value === 'semh')
  expect(gapMap.columns[column]!.total).toBeNull()
  const pastoral = gapMap.rows.find((r) => r.value === 'pastoral-semh')!
  expect(pastoral.total).toBeNull()
  expect(pastoral.cells[column]).toEqual({ count: null, averageStrength: null })
  // The pack: the area says why it lists nothing, never "0 case studies".
  const semh = pack.highlights.find((h) => h.value === 'semh')!
  expect(semh.total).toBeNull()
  expect(semh.practices).toEqual([])
  expect(noPracticesText(semh.total)).toMatch(/^Fewer than 5 case studies/)
  // The workbook: numbers only in number columns; suppressed cells empty, and saying why.
  const regions = book.getWorksheet('By region')!
  const northEast = regions
    .getRows(2, regions.actualRowCount - 1)!
    .find((r) => r.getCell(1).value === 'North East')!
  expect([
    northEast.getCell(2).value,
    northEast.getCell(3).value,
    northEast.getCell(4).value,
  ]).toEqual([null, null, 'fewer than 5'])
  const crosstab = book.getWorksheet('Need by practice')!
  const needs = crosstab.getRow(1).values as string[]
  const semhColumn = needs.findIndex(
    (n) => typeof n === 'string' && n.startsWith('Social, emotional'),
  )
  const pastoralRow = crosstab
    .getRows(2, crosstab.actualRowCount - 1)!
    .find((r) => String(r.getCell(1).value).startsWith('Pastoral'))!
  expect(pastoralRow.getCell(semhColumn).value).toBeNull()
  const lastRow = crosstab.lastRow!.getCell(1).value
  expect(lastRow).toBe(
    'An empty cell is suppressed: fewer than 5 case studies, all from one school.',
  )
  for (const [sheet, rows] of [
    [regions, regions.actualRowCount - 1],
    [crosstab, crosstab.rowCount - 3],
  ] as const)
    for (const row of sheet.getRows(2, rows)!)
      for (let c = 2; c <= 3; c++) {
        const value = row.getCell(c).value
        expect(value === null || typeof value === 'number').toBe(true)
      }
})

test('a filter whose whole total is suppressed hides the schools and the mean too', async () => {
  const { figures, gapMap } = await load('for=publication&region=A')
  expect(figures.total).toBeNull()
  expect(gapMap.total).toBeNull()
  expect(figures.schools).toBeNull()
  expect(figures.averageStrength).toBeNull()
  const headline = Object.fromEntries(headlineFigures(figures))
  expect(headline).toMatchObject({ 'Case studies': 'fewer than 5', Schools: 'fewer than 5' })
  expect(headline['Mean evidence strength (0 to 4)']).toBe('not shown (fewer than 5 case studies)')
})

test.each(['for=publication', '', 'need=ASD', 'for=publication&need=ASD'])(
  'for "%s" every shown figure agrees across the dashboard, gap map, workbook, CSV and pack',
  async (query) => {
    const { figures, gapMap, pack, book } = await load(query)
    const csv = parseCsv((await exported(query, 'csv')).toString('utf8'), {
      bom: true,
      columns: true,
    })
    expect(gapMap.total).toBe(figures.total)
    if (figures.total !== null) expect(csv).toHaveLength(figures.total)
    // Breakdown by practice = gap map row totals; by broad area = gap map column totals.
    for (const row of gapMap.rows)
      expect(row.total, row.value).toBe(
        breakdown(figures, 'practice').find((f) => f.value === row.value)!.count,
      )
    for (const column of gapMap.columns)
      expect(column.total, column.value).toBe(
        breakdown(figures, 'area').find((f) => f.value === column.value)!.count,
      )
    // The pack's area totals are the dashboard's.
    for (const area of pack.highlights)
      expect(area.total, area.value).toBe(
        breakdown(figures, 'area').find((f) => f.value === area.value)!.count,
      )
    // The workbook's region sheet is the dashboard's region breakdown, count and mean.
    const regions = book.getWorksheet('By region')!
    for (const row of regions.getRows(2, regions.actualRowCount - 1)!) {
      const figure = breakdown(figures, 'region').find((f) => f.label === row.getCell(1).value)!
      expect(row.getCell(2).value).toBe(figure.count)
      const mean = row.getCell(3).value as number | null
      expect(mean === null ? null : Number(mean.toFixed(6))).toBe(
        figure.averageStrength === null ? null : Number(figure.averageStrength.toFixed(6)),
      )
    }
  },
)

test('the "Schools" figure is rebuilt by the schools export, naming schools only with consent for publication', async () => {
  const vocabulary = await loadEvidenceVocabulary(context)
  for (const query of ['', 'for=publication', 'need=ASD']) {
    const figures = await loadEvidenceFigures(context, filterOf(query), vocabulary)
    const rows = parseCsv((await exported(query, 'schools')).toString('utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    const named = rows.filter((r) => r.URN !== '')
    const unnamed = rows.find((r) => r.URN === '')
    const counted = named.length + Number(unnamed?.School?.match(/(\d+)$/)?.[1] ?? 0)
    expect(counted, query).toBe(figures.schools)
    if (query === 'for=publication') {
      // Every respondent here asked not to be named: no school is named, all are counted.
      expect(named).toEqual([])
      expect(unnamed!.School).toMatch(/Schools not named/)
    } else {
      for (const row of named) expect(row['Case study references']).toMatch(/IIP-/)
    }
  }
})
