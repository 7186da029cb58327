import type { Kysely } from 'kysely'
import type { DB } from '../../db/types'
import { upsertEstablishments } from '../../db/repositories/establishments'
import { parseEstablishmentRow, type EstablishmentInput } from './parse-establishment'
import { readGiasCsv } from './read-gias-csv.server'

export interface ImportSummary {
  rows: number
  inserted: number
  updated: number
  unchanged: number
  skipped: { line: number; reason: string }[]
}

/**
 * Streams a GIAS "all establishment data" CSV into the establishments table in batches, so the
 * national file (~50,000 rows, ~60 MB) never sits in memory. Bad rows are skipped with a reason.
 */
export async function importEstablishments(
  db: Kysely<DB>,
  file: string,
  onProgress: (rowsRead: number) => void = () => {},
  batchSize = 500,
): Promise<ImportSummary> {
  const summary: ImportSummary = { rows: 0, inserted: 0, updated: 0, unchanged: 0, skipped: [] }
  let batch: EstablishmentInput[] = []
  const flush = async () => {
    const counts = await upsertEstablishments(db, batch)
    summary.inserted += counts.inserted
    summary.updated += counts.updated
    summary.unchanged += counts.unchanged
    batch = []
  }
  for await (const item of readGiasCsv(file)) {
    summary.rows++
    if ('error' in item) {
      summary.skipped.push({ line: item.line, reason: item.error })
    } else {
      const parsed = parseEstablishmentRow(item.row)
      if (parsed.ok) batch.push(parsed.establishment)
      else summary.skipped.push({ line: item.line, reason: parsed.reason })
    }
    if (batch.length >= batchSize) await flush()
    if (summary.rows % 250 === 0) onProgress(summary.rows)
  }
  await flush()
  onProgress(summary.rows)
  return summary
}
