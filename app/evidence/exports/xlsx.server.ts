import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { neutraliseFormula } from '../../utils/csv.server'
import type { Option } from '../vocabulary.server'
import type { CellValue, ExportColumn } from './columns'
import { runInto, whenWritable, type ExportSource } from './source.server'

export interface XlsxSummaries {
  /** Case studies by practice (rows) and need code (columns). */
  crosstab: {
    practices: Option[]
    needs: Option[]
    count: (practice: string, need: string) => number | null
  }
  regions: { label: string; count: number | null; averageStrength: number | null }[]
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm'

function cell(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null
  if (typeof value === 'number' || value instanceof Date) return value
  return neutraliseFormula(value)
}

function addHeader(sheet: ExcelJS.Worksheet, headers: string[]) {
  const row = sheet.addRow(headers)
  row.font = { bold: true }
  row.commit()
}

/** Frozen header row and an autofilter over every row written. */
function finishTable(sheet: ExcelJS.Worksheet, columns: number, rows: number) {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } }
}

/**
 * The workbook: case studies (one row per case study, typed cells), tags in long form, the need
 * by practice crosstab, figures by region, and a sheet saying what the export holds. Written as
 * a stream, sheet by sheet; the case-study rows are read twice from Postgres rather than held.
 */
export function writeEvidenceXlsx(source: ExportSource, summaries: XlsxSummaries): Readable {
  const out = new PassThrough()
  runInto(out, async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    })
    workbook.creator = 'Inclusion in Practice'
    workbook.created = source.generatedAt
    await writeCaseStudies(workbook, out, source)
    await writeTags(workbook, out, source)
    writeCrosstab(workbook, summaries.crosstab)
    writeRegions(workbook, summaries.regions)
    writeAbout(workbook, source)
    await workbook.commit()
  })
  return out
}

async function writeCaseStudies(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  source: ExportSource,
) {
  const { columns, context } = source
  const sheet = workbook.addWorksheet('Case studies', {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  sheet.columns = columns.map((column) => ({
    width: widthOf(column),
    style: column.type === 'date' ? { numFmt: DATE_FORMAT } : {},
  }))
  addHeader(
    sheet,
    columns.map((column) => column.header),
  )
  let rows = 0
  for await (const row of source.rows()) {
    if (out.destroyed) return
    sheet.addRow(columns.map((column) => cell(column.value(row, context)))).commit()
    rows++
    if (rows % 200 === 0) await whenWritable(out)
  }
  finishTable(sheet, columns.length, rows)
  sheet.commit()
}

function widthOf(column: ExportColumn) {
  if (column.type === 'date') return 18
  if (column.type === 'number') return 12
  return column.type === 'list' ? 30 : 40
}

async function writeTags(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: PassThrough,
  source: ExportSource,
) {
  const sheet = workbook.addWorksheet('Tags', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [{ width: 18 }, { width: 12 }, { width: 28 }, { width: 50 }]
  addHeader(sheet, ['Reference', 'Scheme', 'Code', 'Label'])
  let rows = 0
  for await (const row of source.rows()) {
    if (out.destroyed) return
    for (const tag of row.tags) {
      sheet.addRow([cell(row.reference), tag.scheme, cell(tag.code), cell(tag.label)]).commit()
      rows++
    }
    if (rows % 500 === 0) await whenWritable(out)
  }
  finishTable(sheet, 4, rows)
  sheet.commit()
}

function writeCrosstab(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  crosstab: XlsxSummaries['crosstab'],
) {
  const sheet = workbook.addWorksheet('Need by practice', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  })
  sheet.columns = [{ width: 40 }, ...crosstab.needs.map(() => ({ width: 14 }))]
  addHeader(sheet, ['Type of practice', ...crosstab.needs.map((need) => need.label)])
  for (const practice of crosstab.practices) {
    sheet
      .addRow([
        practice.label,
        ...crosstab.needs.map(
          (need) => crosstab.count(practice.value, need.value) ?? 'fewer than 5',
        ),
      ])
      .commit()
  }
  finishTable(sheet, crosstab.needs.length + 1, crosstab.practices.length)
  sheet.commit()
}

function writeRegions(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  regions: XlsxSummaries['regions'],
) {
  const sheet = workbook.addWorksheet('By region', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [{ width: 30 }, { width: 14 }, { width: 24, style: { numFmt: '0.0' } }]
  addHeader(sheet, ['Region', 'Case studies', 'Mean evidence strength'])
  for (const region of regions) {
    sheet.addRow([region.label, region.count ?? 'fewer than 5', region.averageStrength]).commit()
  }
  finishTable(sheet, 3, regions.length)
  sheet.commit()
}

function writeAbout(workbook: ExcelJS.stream.xlsx.WorkbookWriter, source: ExportSource) {
  const sheet = workbook.addWorksheet('About this export')
  sheet.columns = [{ width: 100 }]
  const lines = [
    'Inclusion in Practice: evidence export',
    `Generated ${source.generatedAt.toISOString()}`,
    ...source.description,
    `Open this view again: ${source.reproduceUrl}`,
    `Multi-valued cells (needs, practices, …) are joined with "; ".`,
  ]
  for (const line of lines) sheet.addRow([neutraliseFormula(line)]).commit()
  sheet.commit()
}
