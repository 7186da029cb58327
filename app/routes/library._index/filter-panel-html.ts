import type { FacetOption } from '~/library/facet-options.server'
import { FACETS, type FacetKey, type LibraryQuery } from '~/library/library-query'

// The filter panel's markup, written as a string: what React's server renderer makes of
// <FilterPanel> (filters.tsx), character for character, for a fraction of the CPU. The panel is
// more than 40 per cent of a library page's elements (57 checkboxes with their counts), and
// rendering them through React cost about 0.3 ms of every page view (issue 23). The browser
// hydrates the React component against this markup as against React's own, which is why the two
// must never differ: tests/unit/filter-panel-html.test.ts renders both for generated options,
// counts and choices (hostile labels among them) and requires them equal.

export interface FilterPanelProps {
  query: LibraryQuery
  options: Record<FacetKey, FacetOption[]>
  counts: Record<FacetKey, Record<string, number>>
}

/** Escaped as React escapes text and attribute values. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
}
export function escapeHtml(text: string) {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text
}

/** The options of one facet in their groups (needs sit under their areas), in order. */
export function groupsOf(options: FacetOption[]): [string | undefined, FacetOption[]][] {
  const groups = new Map<string | undefined, FacetOption[]>()
  for (const option of options) {
    const group = groups.get(option.group)
    if (group) group.push(option)
    else groups.set(option.group, [option])
  }
  return [...groups.entries()]
}

/** What React renders inside <FilterPanel>'s `<div class="app-filters">` on the server. */
export function filterPanelHtml({ query, options, counts }: FilterPanelProps): string {
  let html = '<h2 class="govuk-heading-m">Filter</h2>'
  for (const facet of FACETS) {
    const chosen = query.filters[facet.key]
    const name = escapeHtml(facet.key)
    html += `<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${escapeHtml(facet.label)}</legend>`
    for (const [group, values] of groupsOf(options[facet.key])) {
      html += '<div>'
      if (group)
        html += `<p class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1 govuk-!-margin-top-2">${escapeHtml(group)}</p>`
      html +=
        '<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">'
      for (const option of values) {
        const id = escapeHtml(`${facet.key}-${option.value}`)
        const count = (counts[facet.key][option.value] ?? 0).toLocaleString('en-GB')
        html +=
          `<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="${name}" type="checkbox"` +
          `${chosen.includes(option.value) ? ' checked=""' : ''} value="${escapeHtml(option.value)}"/>` +
          `<label class="govuk-label govuk-checkboxes__label" for="${id}">${escapeHtml(`${option.label} `)}` +
          `<span class="app-count">(${count})</span></label></div>`
      }
      html += '</div></div>'
    }
    html += '</fieldset></div>'
  }
  return `${html}<button type="submit" class="govuk-button govuk-button--secondary app-apply-filters" data-module="govuk-button">Apply filters</button>`
}
