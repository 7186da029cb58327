// Any path no other route claims: the root ErrorBoundary renders the GOV.UK "Page not found" page.
export function loader() {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
}

export default function NotFound() {
  return null
}
