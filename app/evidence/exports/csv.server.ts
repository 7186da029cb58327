import type { Readable } from 'node:stream'
import { createCsvStream, toCsvCells } from '../../utils/csv.server'
import { runInto, whenWritable, type ExportSource } from './source.server'

/** One row per case study, RFC 4180, UTF-8 with a BOM, formulas neutralised, streamed. */
export function writeEvidenceCsv(source: ExportSource): Readable {
  const csv = createCsvStream()
  const { columns, context } = source
  runInto(csv, async () => {
    csv.write(columns.map((column) => column.header))
    for await (const row of source.rows()) {
      if (csv.destroyed) return
      csv.write(toCsvCells(columns.map((column) => column.value(row, context))))
      await whenWritable(csv)
    }
    csv.end()
  })
  return csv
}
