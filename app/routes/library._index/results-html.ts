import { evidenceStrengthLabel } from '~/library/evidence-strength'
import type { LibraryPageHit } from '~/library/library-page.server'
import { escapeHtml } from './filter-panel-html'

// The result list's items, written as a string: what React's server renderer makes of
// <ResultItems> (results.tsx), character for character, as filter-panel-html.ts does for the
// filter panel. Twenty results are about 160 elements, the largest part of a library page that
// React still rendered on every view (issue 23). The browser hydrates the React component against
// this markup, so the two must never differ: tests/unit/results-html.test.ts renders both for
// generated results (hostile titles and summaries among them) and requires them equal.

const tag = (colour: string, text: string) =>
  `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`

/** What React renders inside <ResultItems>'s `<ol>` on the server. */
export function resultItemsHtml(hits: LibraryPageHit[]): string {
  let html = ''
  for (const hit of hits) {
    html +=
      '<li class="app-result"><h2 class="govuk-heading-m govuk-!-margin-bottom-2">' +
      `<a class="govuk-link" href="${escapeHtml(`/library/${hit.slug}`)}" data-discover="true">${escapeHtml(hit.title)}</a></h2>` +
      '<p class="govuk-body">'
    // Plain runs at even places, highlighted ones at odd places; an empty run writes nothing.
    hit.summary.forEach((text, i) => {
      if (text !== '') html += i % 2 === 1 ? `<mark>${escapeHtml(text)}</mark>` : escapeHtml(text)
    })
    html += '</p><p class="govuk-body-s govuk-!-margin-bottom-1">'
    if (hit.contextMatch)
      html += `<span class="app-context-tag">${tag('green', hit.contextMatch === 'all' ? 'Like your setting' : 'Same phase')}</span>`
    html += tag('blue', `Evidence: ${evidenceStrengthLabel(hit.evidenceStrength)}`)
    if (hit.isFictional)
      html += `<span class="app-fictional-tag">${tag('grey', 'Fictional example')}</span>`
    html += `</p><p class="govuk-body-s govuk-!-margin-bottom-0">${escapeHtml(hit.details)}</p></li>`
  }
  return html
}
