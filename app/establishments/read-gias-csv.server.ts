// Streams a GIAS edubasealldata CSV (≈51,000 rows, Windows-1252) one row at a
// time, so an import never holds the whole file in memory.

import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import { checkGiasHeader } from './parse-establishment'

export type GiasCsvItem =
  { line: number; row: Record<string, string> } | { line: number; error: string }

// What csv-parse yields with `info: true` (its own typings leave records as any).
interface ParsedRecord {
  record: string[]
  info: { empty_lines: number }
}

export async function* readGiasCsv(path: string): AsyncGenerator<GiasCsvItem> {
  // columns: false because csv-parse would otherwise stop (or, relaxed, silently
  // misalign) at a row with the wrong number of fields; we want to report that
  // row and carry on. relax_column_count only stops csv-parse throwing; the
  // length check below is what decides.
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true })
  // pipeline, not pipe, so a read error (such as a missing file) reaches the
  // parser and ends the loop below instead of leaving it waiting forever.
  pipeline(createReadStream(path), iconv.decodeStream('win1252'), parser, () => {})

  let header: string[] | null = null
  // csv-parse's own line counter double-counts CRLFs inside quoted fields, so
  // we count lines ourselves from the fields and the skipped empty lines.
  let lastLine = 0
  let emptyLinesSeen = 0

  for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
    const line = lastLine + 1 + (info.empty_lines - emptyLinesSeen)
    lastLine = line + record.reduce((count, field) => count + lineBreaksIn(field), 0)
    emptyLinesSeen = info.empty_lines

    if (header === null) {
      header = record.map((name) => name.trim())
      const missing = checkGiasHeader(header)
      if (missing.length > 0) {
        const columns = missing.length > 1 ? 'columns' : 'column'
        throw new Error(
          `${path} is not a GIAS establishments file: the header has no ${missing.join(', ')} ${columns}`,
        )
      }
      continue
    }

    if (record.length !== header.length) {
      yield { line, error: `Row has ${record.length} fields; the header has ${header.length}` }
      continue
    }
    const row: Record<string, string> = {}
    header.forEach((name, index) => {
      row[name] = record[index] ?? ''
    })
    yield { line, row }
  }
}

/** Number of data lines, for a progress bar total; rows with line breaks inside quotes make it an estimate. */
export async function countDataLines(path: string): Promise<number> {
  let newlines = 0
  let lastByte: number | undefined
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) newlines += 1
    lastByte = chunk.at(-1)
  }
  // A last line without a trailing newline is still a line.
  const lines = lastByte === undefined ? 0 : newlines + (lastByte === 0x0a ? 0 : 1)
  return Math.max(0, lines - 1)
}

function lineBreaksIn(field: string): number {
  return field.match(/\r\n|\r|\n/g)?.length ?? 0
}
