// Browser-only enhancement of the export form: fetch the file as it streams, report progress
// (rows for CSV and JSON, which put one record on each line; bytes for the others), then save
// it. Without JavaScript the form posts as usual and the browser shows its own download bar.

import { countCsvRecords, countJsonLines } from './record-count'

export interface DownloadProgress {
  /** Rows received so far, for line-based formats; null otherwise. */
  rows: number | null
  totalRows: number | null
  bytes: number
}

export type DownloadResult = { ok: true; filename: string } | { ok: false }

function filenameOf(disposition: string | null): string {
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? 'inclusion-in-practice-evidence'
}

/**
 * Posts the form and saves the answer as a file. Resolves `{ ok: false }` when the answer is not
 * a file (an error page, a sign-in redirect), so the caller can let the form post normally.
 */
export async function downloadWithProgress(
  form: HTMLFormElement,
  onProgress: (progress: DownloadProgress) => void,
): Promise<DownloadResult> {
  const body = new URLSearchParams()
  for (const [key, value] of new FormData(form))
    if (typeof value === 'string') body.append(key, value)
  const response = await fetch(form.action, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    credentials: 'same-origin',
  })
  const disposition = response.headers.get('Content-Disposition')
  if (!response.ok || !disposition?.startsWith('attachment') || !response.body) return { ok: false }
  const format = body.get('format')
  const lineBased = format === 'csv' || format === 'json'
  const total = Number(response.headers.get('X-Row-Count'))
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let bytes = 0
  // CSV's first record is its header; the JSON's first line opens the document.
  let lines = 0
  let last = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    bytes += value.length
    if (format === 'csv') lines += countCsvRecords(value, last)
    else if (format === 'json') lines += countJsonLines(value)
    last = value[value.length - 1] ?? last
    onProgress({
      rows: lineBased ? Math.max(0, Math.min(lines - 1, total)) : null,
      totalRows: Number.isFinite(total) ? total : null,
      bytes,
    })
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filenameOf(disposition)
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { ok: true, filename: link.download }
}
