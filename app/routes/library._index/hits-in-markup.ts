import type { LibraryPageData, LibraryPageHit } from '~/library/library-page.server'

// A whole library page carries its results twice: as the result list's markup, and in the data
// the browser hydrates the page from. The browser needs them only once. So a page's data leaves
// its results out, and the browser keeps the list the page came with as it hydrates (results.tsx);
// a page's data fetched later, as the search changes, carries them, and the list is rendered from
// it. The results were two thirds of that data: about 11 KB of a 67 KB library page, and most of
// the time spent encoding it for the page (issue 23).
//
// The server renders the list from the results all the same: the loader keeps them here, beside
// the data object it returns, which is the very object the page's components are given on the
// server (nothing is encoded or copied between the loader and the server's render).

export type LibraryPageDataSent = Omit<LibraryPageData, 'hits'> & {
  /** Null in a whole page's data: the results are in its markup. */
  hits: LibraryPageHit[] | null
}

const inMarkupOnly = new WeakMap<object, LibraryPageHit[]>()

/** The page's data without its results, which the server's render still finds (hitsToRender). */
export function leaveHitsToMarkup<T extends LibraryPageData>(
  page: T,
): Omit<T, 'hits'> & {
  hits: LibraryPageHit[] | null
} {
  const sent = { ...page, hits: null }
  inMarkupOnly.set(sent, page.hits)
  return sent
}

/**
 * The results to render: the data's own, or on the server those left out of a whole page's data.
 * Null in the browser while it hydrates a whole page: the list in the page's markup is kept.
 */
export function hitsToRender(page: LibraryPageDataSent): LibraryPageHit[] | null {
  return page.hits ?? inMarkupOnly.get(page) ?? null
}
