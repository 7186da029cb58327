import fc from 'fast-check'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'
import { toPageHit } from '../../app/library/library-page.server'
import type { LibraryHit } from '../../app/library/search.server'
import { ResultItems } from '../../app/routes/library._index/results'
import { resultItemsHtml } from '../../app/routes/library._index/results-html'
import { hostileText } from '../support/hostile-text'

// The library's results are written on the server by a string template and hydrated in the
// browser by the React component: the two must write the same markup, character for character,
// whatever a case study's title and summary hold and however the search engine highlighted it.

const text = hostileText
const nonEmpty = text.filter((t) => t !== '')

const hit: fc.Arbitrary<LibraryHit> = fc.record({
  slug: fc.stringMatching(/^[a-z0-9-]{1,30}$/),
  title: text,
  // Runs as the engine's highlights are split into them: any order, never empty.
  summary: fc.array(fc.record({ text: nonEmpty, highlighted: fc.boolean() }), { maxLength: 6 }),
  evidenceStrength: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  publishedAt: fc.option(
    fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((t) => new Date(t).toISOString()),
    { nil: null },
  ),
  isFictional: fc.boolean(),
  organisationName: fc.option(text, { nil: null }),
  laName: fc.option(text, { nil: null }),
  needLabels: fc.array(text, { maxLength: 4 }),
  needs: fc.constant([]),
  practices: fc.constant([]),
  contextMatch: fc.constantFrom('all' as const, 'phase' as const, null),
})

test('the template writes what React writes for the results', () => {
  fc.assert(
    fc.property(fc.array(hit, { maxLength: 5 }), (hits) => {
      const pageHits = hits.map(toPageHit)
      expect(
        `<ol class="govuk-list" aria-label="Case studies">${resultItemsHtml(pageHits)}</ol>`,
      ).toBe(renderToString(createElement(ResultItems, { hits: pageHits })))
    }),
    { numRuns: 300 },
  )
})

test('a summary alternates plain and highlighted text, whatever runs the engine gave', () => {
  const [base] = fc.sample(hit, { numRuns: 1, seed: 1 })
  const summaryOf = (summary: LibraryHit['summary']) => toPageHit({ ...base!, summary }).summary
  expect(
    summaryOf([
      { text: 'a', highlighted: false },
      { text: 'b', highlighted: false },
      { text: 'c', highlighted: true },
      { text: 'd', highlighted: true },
      { text: 'e', highlighted: false },
    ]),
  ).toEqual(['ab', 'cd', 'e'])
  expect(summaryOf([{ text: 'x', highlighted: true }])).toEqual(['', 'x'])
})
