import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  findIdentifiers,
  identifierKinds,
  isValidNhsNumber,
  isValidUln,
  isValidUpn,
  scanText,
  type PersonalDataFinding,
  type PersonalDataKind,
} from '../../app/submissions/personal-data'
import {
  UPN_LETTERS,
  identifierGroupings,
  nhsCheckDigit,
  personalDataSentences,
  ulnCheckDigit,
  upnCheckLetter,
  type Sentence,
  type SentenceCategory,
} from '../support/personal-data-sentences'

const table = personalDataSentences()
const isIdentifier = (kind: PersonalDataKind) => identifierKinds.includes(kind)

/** The expected finding is found when one of the same kind overlaps where it is in the text. */
function found(sentence: Sentence, findings: PersonalDataFinding[], kind: string, match: string) {
  const start = sentence.text.indexOf(match)
  const end = start + match.length
  return findings.some((f) => f.kind === kind && f.index < end && f.index + f.match.length > start)
}

interface Row {
  sentences: number
  expected: number
  recalled: number
  exact: number
  falseReports: number
  sentencesWithFalseReports: number
}

const categories: SentenceCategory[] = [
  'upn',
  'uln',
  'nhs-number',
  'near-miss',
  'name-with-date',
  'named-pupil',
  'adult',
]
const rows = new Map<string, Row>()
const byGrouping = new Map<string, Row>()
const misses: string[] = []
const falseReports: string[] = []

const emptyRow = (): Row => ({
  sentences: 0,
  expected: 0,
  recalled: 0,
  exact: 0,
  falseReports: 0,
  sentencesWithFalseReports: 0,
})

for (const sentence of table) {
  const findings = scanText('answer', sentence.text)
  const row = rows.get(sentence.category) ?? emptyRow()
  rows.set(sentence.category, row)
  const groupingKey = sentence.grouping && `${sentence.category}: ${sentence.grouping}`
  const groupingRow = groupingKey ? (byGrouping.get(groupingKey) ?? emptyRow()) : undefined
  if (groupingKey && groupingRow) byGrouping.set(groupingKey, groupingRow)
  for (const r of [row, groupingRow]) if (r) r.sentences++
  for (const { kind, match } of sentence.expect) {
    const hit = found(sentence, findings, kind, match)
    const exact = findings.some((f) => f.kind === kind && f.match === match)
    for (const r of [row, groupingRow]) {
      if (!r) continue
      r.expected++
      if (hit) r.recalled++
      if (exact) r.exact++
    }
    if (!hit) misses.push(`${sentence.category}: missed ${kind} "${match}" in "${sentence.text}"`)
  }
  const wrong =
    sentence.category === 'near-miss'
      ? findings.filter((f) => isIdentifier(f.kind))
      : sentence.category === 'adult'
        ? findings.filter((f) => f.kind === 'pupil-name')
        : []
  for (const r of [row, groupingRow]) {
    if (!r) continue
    r.falseReports += wrong.length
    if (wrong.length) r.sentencesWithFalseReports++
  }
  for (const f of wrong)
    falseReports.push(`${sentence.category}: reported ${f.kind} "${f.match}" in "${sentence.text}"`)
}

const percent = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`)
const recall = (row: Row | undefined) => (row && row.expected ? row.recalled / row.expected : 1)

function printTable() {
  const lines = [
    'Personal-data scanner measured on the sentence table',
    `${'category'.padEnd(16)}${'sentences'.padStart(10)}${'expected'.padStart(10)}${'recall'.padStart(9)}${'exact'.padStart(9)}${'false reports'.padStart(15)}`,
  ]
  for (const category of categories) {
    const row = rows.get(category) ?? emptyRow()
    lines.push(
      `${category.padEnd(16)}${String(row.sentences).padStart(10)}${String(row.expected).padStart(10)}${percent(row.recalled, row.expected).padStart(9)}${percent(row.exact, row.expected).padStart(9)}${`${row.falseReports} in ${row.sentencesWithFalseReports}`.padStart(15)}`,
    )
  }
  lines.push(`total sentences: ${table.length}`, '', 'Identifier recall by grouping:')
  for (const [key, row] of [...byGrouping].sort(([a], [b]) => a.localeCompare(b)))
    if (!key.startsWith('near-miss'))
      lines.push(`  ${key.padEnd(44)}${percent(row.recalled, row.expected).padStart(8)}`)
  if (misses.length) lines.push('', 'Missed:', ...misses.map((m) => `  ${m}`))
  if (falseReports.length) lines.push('', 'False reports:', ...falseReports.map((m) => `  ${m}`))
  console.log(lines.join('\n'))
}

describe('the sentence table', () => {
  test('has at least 200 sentences, hand-written and generated, in every category', () => {
    printTable()
    expect(table.length).toBeGreaterThanOrEqual(200)
    for (const category of categories) expect(rows.get(category)?.sentences).toBeGreaterThan(0)
    expect(table.some((s) => s.source === 'hand-written')).toBe(true)
    expect(table.some((s) => s.source === 'generated')).toBe(true)
    expect(personalDataSentences()).toEqual(table)
  })

  test('its generated identifiers are valid, and its near misses are not', () => {
    for (const s of table) {
      for (const { kind, match } of s.expect) {
        const bare = match.replace(/[ .\-–]/g, '')
        if (kind === 'upn') expect(isValidUpn(bare), match).toBe(true)
        if (kind === 'uln') expect(isValidUln(bare), match).toBe(true)
        if (kind === 'nhs-number') expect(isValidNhsNumber(bare), match).toBe(true)
      }
    }
  })

  test.each(['upn', 'uln', 'nhs-number'] as const)(
    'recall for %s is 100% in every grouping',
    (kind) => {
      expect(recall(rows.get(kind))).toBe(1)
      expect(rows.get(kind)!.exact).toBe(rows.get(kind)!.expected)
      for (const [key, row] of byGrouping)
        if (key.startsWith(`${kind}:`)) expect(recall(row), key).toBe(1)
    },
  )

  test('no near miss is reported as an identifier', () => {
    expect(rows.get('near-miss')!.falseReports).toBe(0)
  })

  test.each(['name-with-date', 'named-pupil'] as const)('recall for %s is at least 95%', (c) => {
    expect(recall(rows.get(c))).toBeGreaterThanOrEqual(0.95)
  })

  test('few staff are reported as pupils', () => {
    const adults = rows.get('adult')!
    console.log(
      `Adults' names reported as pupils' names: ${adults.falseReports} in ${adults.sentencesWithFalseReports} of ${adults.sentences} sentences`,
    )
    expect(adults.sentencesWithFalseReports).toBeLessThanOrEqual(2)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties: any valid identifier, written any way, in any prose
// ---------------------------------------------------------------------------------------------

const WORDS = [
  'the',
  'pupil',
  'record',
  'Her',
  'His',
  'said',
  'and',
  'on',
  'was',
  'Year',
  'Reception',
  'form',
  'number',
  'is',
  'A',
  'a',
  'SENCO',
  'review',
  'EHCP',
  'noted',
  'Jacob',
  'at',
  'school',
  'of',
  'in',
  'the',
  'plan',
  '–',
  '-',
  ',',
]
const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '))
const SEPARATORS = ['', '', '', '', '', ' ', '-', '–', '.', ' - ', ' – ']
const opening = fc.constantFrom('', '(', '"', '[', '“')
const closing = fc.constantFrom('', ')', '.', ',', ';', '!', '?', ':', '"', ']', '”')

/** Random separators between the characters of `id`, any of them left out. */
const grouped = (id: string) =>
  fc
    .array(fc.constantFrom(...SEPARATORS), { minLength: id.length - 1, maxLength: id.length - 1 })
    .map((seps) => [...id].map((c, i) => c + (seps[i] ?? '')).join(''))

const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))

const validUpn = fc
  .tuple(digitString(11), fc.constantFrom(...'0123456789', ...UPN_LETTERS))
  .map(([d, last]) => upnCheckLetter(d + last) + d + last)
const validNhs = digitString(9)
  .filter((nine) => nhsCheckDigit(nine) !== null)
  .map((nine) => nine + nhsCheckDigit(nine))
const validUln = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digitString(8))
  .map(([first, rest]) => `${first}${rest}`)
  .filter((nine) => ulnCheckDigit(nine) !== null)
  .map((nine) => nine + ulnCheckDigit(nine))

const identifier = fc.oneof(
  validUpn.map((id) => ({ id, kind: 'upn' as const })),
  validNhs.map((id) => ({ id, kind: 'nhs-number' as const })),
  validUln.map((id) => ({ id, kind: 'uln' as const })),
)

const anyValid = (bare: string) => isValidUpn(bare) || isValidNhsNumber(bare) || isValidUln(bare)

/** Each other check character, where that leaves no valid identifier of any kind. */
function wrongChecks(id: string): string[] {
  const variants = /^[A-Z]/.test(id)
    ? [...UPN_LETTERS].map((l) => l + id.slice(1))
    : [...'0123456789'].map((d) => id.slice(0, 9) + d)
  return variants.filter((v) => v !== id && !anyValid(v))
}

const inProse = (written: fc.Arbitrary<string>) =>
  fc
    .tuple(
      prose,
      fc.constantFrom(...Object.values(identifierGroupings.prefixes).flat()),
      opening,
      written,
      closing,
      prose,
    )
    .map(([before, prefix, open, id, close, after]) => {
      const head = `${before} ${prefix}${open}`.trimStart()
      return { text: `${head}${id}${close} ${after}`, index: head.length, written: id }
    })

describe('properties', () => {
  test('any valid identifier, in any grouping, after any prefix, in any prose, is found', () => {
    fc.assert(
      fc.property(
        identifier.chain(({ id, kind }) =>
          inProse(
            grouped(id).chain((g) =>
              kind === 'upn' ? fc.constantFrom(g, g.toLowerCase()) : fc.constant(g),
            ),
          ).map((sample) => ({ ...sample, kind })),
        ),
        ({ text, index, written, kind }) => {
          const findings = scanText('answer', text)
          expect(findings).toContainEqual(expect.objectContaining({ kind, match: written, index }))
          expect(findIdentifiers(text)).toContainEqual(
            expect.objectContaining({ kind, match: written, index }),
          )
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('a wrong check character is never reported as an identifier, however it is written', () => {
    fc.assert(
      fc.property(
        identifier
          .chain(({ id }) => fc.constantFrom(...wrongChecks(id)))
          .chain((id) => inProse(grouped(id).chain((g) => fc.constantFrom(g, g.toLowerCase())))),
        ({ text }) => {
          expect(scanText('answer', text).filter((f) => isIdentifier(f.kind))).toEqual([])
          expect(findIdentifiers(text)).toEqual([])
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('findIdentifiers agrees with scanText on any text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(...WORDS, ...SEPARATORS, '@', 'x@gmail.com', 'UPN', 'NHS'),
            identifier.chain(({ id }) => grouped(id)),
            identifier.chain(({ id }) => fc.constantFrom(...wrongChecks(id))),
            digitString(3),
          ),
          { maxLength: 10 },
        )
        .map((parts) => parts.join(' ')),
    )
    fc.assert(
      fc.property(text, (t) => {
        const fromScan = scanText('', t).filter((f) => isIdentifier(f.kind))
        expect(findIdentifiers(t)).toEqual(fromScan)
        for (const f of fromScan) expect(t.slice(f.index, f.index + f.match.length)).toBe(f.match)
      }),
      { numRuns: 2000 },
    )
  })
})
