import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
  evidenceHref,
  parseEvidenceFilter,
  statusesShown,
  toEvidenceScope,
} from '../../app/evidence/evidence-filter'
import { pdfText } from '../../app/evidence/exports/pdf.server'
import { withEmptyDays } from '../../app/evidence/figures.server'
import { shortQuote } from '../../app/evidence/pack.server'
import { formatCount, shownCount } from '../../app/evidence/suppression'
import { INTERNAL_STATUSES } from '../../db/repositories/evidence'
import { EVIDENCE_STATUSES } from '../../app/evidence/evidence-filter'

const parse = (query: string) => parseEvidenceFilter(new URLSearchParams(query))

test('a filter read from a URL and written back is the same URL', () => {
  const query =
    'need=ASD&need=SEMH&practice=resourced-provision&region=B&evidence=3&call=call-a&status=approved&consent=named'
  const { filter, problems } = parse(query)
  expect(problems).toEqual([])
  expect(evidenceHref('/evidence', filter)).toBe(`/evidence?${query}`)
})

test('unknown statuses, consents, audiences and codes are reported and left out', () => {
  const { filter, problems } = parse(
    'status=rejected&consent=everyone&for=world&need=<script>&call=../../etc',
  )
  expect(filter.statuses).toEqual([])
  expect(filter.consents).toEqual([])
  expect(filter.audience).toBe('internal')
  expect(filter.facets.need).toEqual([])
  expect(filter.calls).toEqual([])
  expect(problems).toHaveLength(5)
})

test('a publication shows published case studies only, whatever statuses are asked for', () => {
  const { filter } = parse('for=publication&status=approved&status=in_review')
  expect(statusesShown(filter)).toEqual(['published'])
  expect(toEvidenceScope(filter).audience).toBe('public')
  expect(evidenceHref('/evidence', filter)).toBe('/evidence?for=publication')
})

test('a publication asked only for evidence-only responses matches nothing', () => {
  const scope = toEvidenceScope(parse('for=publication&consent=evidence-only').filter)
  expect(scope.consents).toEqual(['none'])
  const mixed = toEvidenceScope(parse('for=publication&consent=evidence-only&consent=named').filter)
  expect(mixed.consents).toEqual(['named'])
})

test('the statuses the filter offers are the ones the evidence query accepts', () => {
  expect(EVIDENCE_STATUSES.map((s) => s.value)).toEqual(INTERNAL_STATUSES)
})

test('any URL parameters at all give a usable filter, never an exception', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'need',
            'practice',
            'region',
            'evidence',
            'call',
            'status',
            'consent',
            'for',
            'x',
          ),
          fc.string({ maxLength: 300 }),
        ),
        { maxLength: 40 },
      ),
      (pairs) => {
        const { filter } = parseEvidenceFilter(new URLSearchParams(pairs))
        const scope = toEvidenceScope(filter)
        expect(scope.statuses!.every((s) => INTERNAL_STATUSES.includes(s))).toBe(true)
        expect(filter.calls.every((c) => /^[a-z0-9-]{1,100}$/.test(c))).toBe(true)
        expect(scope.evidence!.every((n) => Number.isInteger(n) && n >= 0 && n <= 4)).toBe(true)
      },
    ),
  )
})

test('in publications, counts of 1 to 4 from one school are suppressed; zero and larger counts are not', () => {
  expect(shownCount({ count: 3, oneSchool: true }, 'publication')).toBeNull()
  expect(shownCount({ count: 3, oneSchool: false }, 'publication')).toBe(3)
  expect(shownCount({ count: 5, oneSchool: true }, 'publication')).toBe(5)
  expect(shownCount({ count: 0, oneSchool: false }, 'publication')).toBe(0)
  expect(shownCount({ count: 3, oneSchool: true }, 'internal')).toBe(3)
  expect(formatCount(null)).toBe('fewer than 5')
  expect(formatCount(12345)).toBe('12,345')
})

test('a short quote is the first sentence, cut at a word if it is long', () => {
  expect(shortQuote('Nurture groups at lunch. They calmed the afternoons.', '')).toBe(
    'Nurture groups at lunch.',
  )
  expect(shortQuote('', 'Attendance rose.')).toBe('Attendance rose.')
  const long = shortQuote(`${'word '.repeat(100)}end.`, '')
  expect(long.length).toBeLessThanOrEqual(241)
  expect(long.endsWith('word…')).toBe(true)
})

test('text for the PDF keeps Windows-1252 and replaces what its fonts cannot draw', () => {
  expect(pdfText('“Café” – 50% £3 € ✓ 😀 مرحبا')).toBe('“Café” – 50% £3 € ? ? ?????')
  expect(pdfText('a\u0000b\u0007c\nd')).toBe('abc\nd')
})

test('days without responses are filled in between the first and the last', () => {
  expect(
    withEmptyDays([
      { day: '2026-04-29', count: 2 },
      { day: '2026-05-01', count: 9 },
    ]),
  ).toEqual([
    { day: '2026-04-29', count: 2 },
    { day: '2026-04-30', count: 0 },
    { day: '2026-05-01', count: 9 },
  ])
  expect(withEmptyDays([])).toEqual([])
})

test('records are counted exactly as CSV streams in, however it is split, whatever the cells hold', async () => {
  const { createCsvStream, toCsvCells } = await import('../../app/utils/csv.server')
  const { countCsvRecords } = await import('../../app/evidence/record-count')
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        {
          maxLength: 20,
        },
      ),
      fc.integer({ min: 1, max: 7 }),
      async (rows, chunkSize) => {
        const csv = createCsvStream()
        const parts: Buffer[] = []
        csv.on('data', (part: Buffer) => parts.push(Buffer.from(part)))
        const finished = new Promise((resolve) => csv.on('end', resolve))
        for (const row of [['header'], ...rows]) csv.write(toCsvCells(row))
        csv.end()
        await finished
        const bytes = Buffer.concat(parts)
        let records = 0
        let last = 0
        for (let i = 0; i < bytes.length; i += chunkSize) {
          const chunk = bytes.subarray(i, i + chunkSize)
          records += countCsvRecords(chunk, last)
          last = chunk[chunk.length - 1]!
        }
        expect(records).toBe(rows.length + 1)
      },
    ),
    { numRuns: 50 },
  )
})
