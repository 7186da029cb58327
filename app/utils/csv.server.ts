import { stringify } from 'csv-stringify'
import { stringify as stringifySync } from 'csv-stringify/sync'

// Spreadsheet programs run a cell that starts with one of these as a formula; a leading
// apostrophe makes them show it as text instead. Applied to text in CSV and XLSX alike.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

const CSV_OPTIONS = { record_delimiter: 'windows', bom: true } as const

/** RFC 4180 CSV with a UTF-8 BOM so that Excel reads the encoding correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringifySync([header, ...rows.map((row) => row.map(neutraliseFormula))], CSV_OPTIONS)
}

/**
 * The same CSV as a stream, for exports too large to hold in memory: write rows of cells
 * (already neutralised by `toCsvCells`), read CSV text.
 */
export function createCsvStream() {
  return stringify(CSV_OPTIONS)
}

/**
 * Cells for a CSV row: text neutralised, numbers as they are, dates as ISO 8601 (UTC). Line
 * breaks inside a cell become LF, so that CRLF only ever ends a record (which lets a reader count
 * records as they stream).
 */
export function toCsvCells(values: readonly (string | number | Date | null)[]): string[] {
  return values.map((value) =>
    typeof value === 'number'
      ? String(value)
      : value instanceof Date
        ? value.toISOString()
        : neutraliseFormula(value).replace(/\r\n?/g, '\n'),
  )
}
