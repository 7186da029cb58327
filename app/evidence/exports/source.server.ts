import type { Writable } from 'node:stream'
import type { EvidenceRow } from '../../../db/repositories/evidence-rows'
import type { EvidenceFilter } from '../evidence-filter'
import type { ExportColumn, ExportContext } from './columns'

/** What every export format writes from: the rows of the one evidence query, and their setting. */
export interface ExportSource {
  filter: EvidenceFilter
  /** The filter in words, one line per part. */
  description: string[]
  /** A link that opens the same view again. */
  reproduceUrl: string
  generatedAt: Date
  columns: readonly ExportColumn[]
  context: ExportContext
  /** Opens a fresh cursor over the rows each time it is called. */
  rows: () => AsyncIterable<EvidenceRow>
}

/**
 * Resolves when a stream can take more, or has closed (the reader went away). Writers stop
 * reading rows from Postgres while the person's connection is slow, so memory stays flat.
 */
export function whenWritable(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}

/** Runs a writer in the background, passing any failure to the stream the person is reading. */
export function runInto(stream: Writable, write: () => Promise<void>): void {
  write().catch((error: unknown) => {
    stream.destroy(error instanceof Error ? error : new Error(String(error)))
  })
}
