import type { HeadersFunction } from '@remix-run/node'

/**
 * Remix drops the headers of a Response thrown from a loader or action unless the route that
 * renders the error passes them on: the root, whose boundary catches them all. It keeps
 * Retry-After (for 429 answers) and otherwise leaves each page's headers as they were.
 */
export const keepErrorHeaders: HeadersFunction = ({
  errorHeaders,
  actionHeaders,
  loaderHeaders,
}) => {
  const headers = new Headers()
  const retryAfter = errorHeaders?.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  for (const source of [loaderHeaders, actionHeaders])
    for (const [name, value] of source)
      if (name.toLowerCase() !== 'set-cookie') headers.set(name, value)
  return headers
}
