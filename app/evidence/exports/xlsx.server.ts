import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { formatLondonDateTime, londonWallClock } from '../../utils/london-time'
import { SUPPRESSED_TEXT } from '../suppression'
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
const SUPPRESSED_NOTE = `An empty cell is suppressed: ${SUPPRESSED_TEXT} case studies, all from one school.`

// A workbook stores text as text: "=1+1" in a string cell is never run. Such cells are also
// given the Text format, so that editing one later does not turn it into a formula either; no
// apostrophe is added, so the reader sees exactly what was written.
const FORMULA_START = /^[=+\-@\t\r]/
const TEXT_FORMAT = '@'

function cell(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null
  if (typeof value === 'number') return value
  // Spreadsheets have no time zones: the cell holds the time as it was in London.
  if (value instanceof Date) return londonWallClock(value)
  return value
}

/** Adds a row of cells, giving text that looks like a formula the Text format. */
function addCells(sheet: ExcelJS.Worksheet, values: CellValue[]) {
  const row = sheet.addRow(values.map(cell))
  values.forEach((value, i) => {
    if (typeof value === 'string' && FORMULA_START.test(value))
      row.getCell(i + 1).numFmt = TEXT_FORMAT
  })
  row.commit()
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
    addCells(
      sheet,
      columns.map((column) => column.value(row, context)),
    )
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
      addCells(sheet, [row.reference, tag.scheme, tag.code, tag.label])
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
  let suppressed = false
  for (const practice of crosstab.practices) {
    // A suppressed count is an empty cell, never text in a number column; the line below the
    // table says what an empty cell means.
    const counts = crosstab.needs.map((need) => crosstab.count(practice.value, need.value))
    if (counts.includes(null)) suppressed = true
    sheet.addRow([practice.label, ...counts]).commit()
  }
  finishTable(sheet, crosstab.needs.length + 1, crosstab.practices.length)
  if (suppressed) {
    sheet.addRow([]).commit()
    sheet.addRow([SUPPRESSED_NOTE]).commit()
  }
  sheet.commit()
}

function writeRegions(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  regions: XlsxSummaries['regions'],
) {
  const sheet = workbook.addWorksheet('By region', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    { width: 30 },
    { width: 14 },
    { width: 24, style: { numFmt: '0.0' } },
    { width: 16 },
  ]
  addHeader(sheet, ['Region', 'Case studies', 'Mean evidence strength', 'Suppressed'])
  // Numbers only in number columns: a suppressed count and its mean are empty, and say why.
  for (const region of regions) {
    sheet
      .addRow([
        region.label,
        region.count,
        region.count === null ? null : region.averageStrength,
        region.count === null ? SUPPRESSED_TEXT : null,
      ])
      .commit()
  }
  finishTable(sheet, 4, regions.length)
  sheet.commit()
}

function writeAbout(workbook: ExcelJS.stream.xlsx.WorkbookWriter, source: ExportSource) {
  const sheet = workbook.addWorksheet('About this export')
  sheet.columns = [{ width: 100 }]
  const lines = [
    'Inclusion in Practice: evidence export',
    `Generated ${formatLondonDateTime(source.generatedAt)} (UK time)`,
    ...source.description,
    `Open this view again: ${source.reproduceUrl}`,
    `Multi-valued cells (needs, practices, …) are joined with "; ".`,
    'Times are UK time (London).',
    ...(source.filter.audience === 'publication'
      ? [
          'Counts of 1 to 4 case studies that all come from one school are left empty, with a note saying “fewer than 5”, and so is anything worked out from them.',
        ]
      : []),
  ]
  for (const line of lines) addCells(sheet, [line])
  sheet.commit()
}
