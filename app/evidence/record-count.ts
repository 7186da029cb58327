// Counting records in an export while it streams, for progress (no server code: the browser
// uses it too). CSV records end with CRLF, and cells hold only LF; JSON records are one a line.

/** Records ended in a chunk of CSV: its CRLFs, given the previous chunk's last byte. */
export function countCsvRecords(chunk: Uint8Array, previousByte: number): number {
  let records = 0
  let last = previousByte
  for (const byte of chunk) {
    if (byte === 10 && last === 13) records++
    last = byte
  }
  return records
}

/** Records in a chunk of the JSON export: one per line. */
export function countJsonLines(chunk: Uint8Array): number {
  let lines = 0
  for (const byte of chunk) if (byte === 10) lines++
  return lines
}
