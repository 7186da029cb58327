import fc from 'fast-check'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { FacetOption } from '../../app/library/facet-options.server'
import { FACETS, emptyFilters, type FacetKey } from '../../app/library/library-query'
import { filterPanelHtml } from '../../app/routes/library._index/filter-panel-html'
import { FilterCheckboxes } from '../../app/routes/library._index/filters'
import { hostileText } from '../support/hostile-text'

// The library's filter panel is written on the server by a string template and hydrated in the
// browser by the React component: the two must write the same markup, character for character,
// whatever the taxonomy holds (an administrator names the terms), whatever the counts and choices.

const text = hostileText
const value = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/)

const facetOptions = (grouped: boolean) =>
  fc.uniqueArray(
    fc.record({
      value,
      label: text,
      group: grouped
        ? fc.option(fc.constantFrom('Cognition and learning', 'A & B', '<b>'), { nil: undefined })
        : fc.constant(undefined),
    }),
    { selector: (o) => o.value, maxLength: 8 },
  )

const panel = fc
  .record({
    need: facetOptions(true),
    practice: facetOptions(false),
    phase: facetOptions(false),
    setting: facetOptions(false),
    region: facetOptions(false),
    evidence: facetOptions(false),
  })
  .chain((options: Record<FacetKey, FacetOption[]>) =>
    fc.record({
      options: fc.constant(options),
      counts: fc.record(
        Object.fromEntries(
          FACETS.map((f) => [
            f.key,
            fc.dictionary(
              options[f.key].length
                ? fc.constantFrom(...options[f.key].map((o) => o.value))
                : value,
              fc.integer({ min: 0, max: 50_000_000 }),
            ),
          ]),
        ) as Record<FacetKey, fc.Arbitrary<Record<string, number>>>,
      ),
      chosen: fc.record(
        Object.fromEntries(
          FACETS.map((f) => [
            f.key,
            fc.subarray([...options[f.key].map((o) => o.value), 'not-an-option']),
          ]),
        ) as Record<FacetKey, fc.Arbitrary<string[]>>,
      ),
    }),
  )

test('the template writes what React writes for the filter panel', () => {
  fc.assert(
    fc.property(panel, ({ options, counts, chosen }) => {
      const props = {
        query: {
          q: '',
          filters: { ...emptyFilters(), ...chosen },
          sort: 'newest' as const,
          page: 1,
          like: {},
        },
        options,
        counts,
      }
      expect(`<div class="app-filters">${filterPanelHtml(props)}</div>`).toBe(
        renderToString(createElement(FilterCheckboxes, props)),
      )
    }),
    { numRuns: 300 },
  )
})
