import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createCsvStream, neutraliseFormula, toCsv, toCsvCells } from '../../app/utils/csv.server'

// What the service writes as CSV must read back, cell for cell, in a reader nobody here wrote:
// Python's csv module. And no cell may come back as a live formula.

// One Python process reads every document (a process per case would take minutes).
const PYTHON_READER = `
import csv, io, json, sys
documents = json.load(sys.stdin)
json.dump([list(csv.reader(io.StringIO(d.lstrip('\\ufeff'), newline=''))) for d in documents], sys.stdout)
`

function readWithPython(documents: string[]): string[][][] {
  const result = spawnSync('python3', ['-c', PYTHON_READER], {
    input: JSON.stringify(documents),
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(result.stderr.toString())
  return JSON.parse(result.stdout.toString()) as string[][][]
}

const awkward = fc.constantFrom(
  '\r\n',
  '\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  ',',
  '"',
  '""',
  ' ',
  '\t',
  '=',
  '+',
  '-',
  '@',
  '=HYPERLINK("http://x")',
  'a',
  'é',
  '😀',
  '中',
  ';',
)
const cellText = fc.oneof(
  fc.array(awkward, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/\0/g, '')),
)
const rows = fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { maxLength: 8 })
const FORMULA_START = /^[=+\-@\t\r]/

const expected = (table: string[][]) => [
  ['a', 'b', 'c'],
  ...table.map((row) => row.map(neutraliseFormula)),
]

test('every CSV the service writes reads back in Python exactly, cell for cell, formulas neutralised', () => {
  const tables = fc.sample(rows, { numRuns: 400, seed: 20261207 })
  const read = readWithPython(tables.map((table) => toCsv(['a', 'b', 'c'], table)))
  tables.forEach((table, i) => {
    expect(read[i], JSON.stringify(table)).toEqual(expected(table))
    for (const row of read[i]!) for (const cell of row) expect(FORMULA_START.test(cell)).toBe(false)
  })
})

async function streamed(table: string[][]) {
  const stream = createCsvStream()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => stream.on('end', resolve))
  stream.write(['a', 'b', 'c'])
  for (const row of table) stream.write(toCsvCells(row))
  stream.end()
  await done
  return Buffer.concat(chunks).toString('utf8')
}

test('the streamed CSV (the evidence export) reads back the same way', async () => {
  const tables = fc.sample(rows, { numRuns: 400, seed: 7 })
  const read = readWithPython(await Promise.all(tables.map(streamed)))
  tables.forEach((table, i) => expect(read[i], JSON.stringify(table)).toEqual(expected(table)))
})

test('a cell with a line break but no comma or quote is quoted, so it stays one record', () => {
  const csv = toCsv(['a', 'b'], [['first line\n=1+1', 'x']])
  expect(csv).toBe('\uFEFFa,b\r\n"first line\n=1+1",x\r\n')
  expect(readWithPython([csv])).toEqual([
    [
      ['a', 'b'],
      ['first line\n=1+1', 'x'],
    ],
  ])
})

test('times in a CSV are London time to the minute', () => {
  expect(toCsvCells([new Date('2026-05-01T15:00:00Z'), new Date('2026-12-01T15:00:00Z')])).toEqual([
    '2026-05-01 16:00',
    '2026-12-01 15:00',
  ])
})
