// Browsers ask for /favicon.ico on every site. The GOV.UK crown icons may not be used off gov.uk,
// so answer "no content" rather than a 404 page.
export function loader() {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'public, max-age=86400' } })
}
