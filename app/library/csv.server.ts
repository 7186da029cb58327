import { stringify } from 'csv-stringify/sync'

// Spreadsheet programs run a cell that starts with one of these as a formula; a leading
// apostrophe makes them show it as text instead.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** RFC 4180 CSV with a UTF-8 BOM so that Excel reads the encoding correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((row) => row.map(neutraliseFormula))], { record_delimiter: 'windows' })}`
}
