import { stringify } from 'csv-stringify'
import { stringify as stringifySync } from 'csv-stringify/sync'
import { formatLondonStamp } from './london-time'

// One CSV writer for every CSV the service produces: evidence exports, the public API's
// format=csv and the audit log.

// Spreadsheet programs run a cell that starts with one of these as a formula; a leading
// apostrophe makes them show it as text instead.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * RFC 4180 with CRLF between records and a UTF-8 BOM so that Excel reads the encoding. A cell is
 * quoted when it holds a comma or a quote (the writer's own rule) and also when it holds a line
 * break of any kind or starts or ends with a space: unquoted, a line break would end the record
 * there, and the next line — perhaps starting with "=" — would be read as a new row.
 */
const CSV_OPTIONS = {
  record_delimiter: 'windows',
  bom: true,
  quoted_match: /[\r\n\u0085\u2028\u2029]|^\s|\s$/,
} as const

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
 * Cells for a CSV row: text neutralised and otherwise exactly as stored, numbers as they are,
 * times as "YYYY-MM-DD HH:MM" in London time (the header says so).
 */
export function toCsvCells(values: readonly (string | number | Date | null)[]): string[] {
  return values.map((value) =>
    typeof value === 'number'
      ? String(value)
      : value instanceof Date
        ? formatLondonStamp(value)
        : neutraliseFormula(value),
  )
}
