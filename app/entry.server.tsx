import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer, matchRoutes } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { NonceProvider } from './utils/nonce'

// The public search API's answer, for the HTTP server to call without Remix (app/server/http.ts):
// a route module may export nothing else, so it is reached through the server build's entry.
export { answerSearchApi } from './routes/api.case-studies/answer.server'

const CLOSING = '</body></html>'
const DOCTYPE = '<!DOCTYPE html>'

// No page defers data, so nothing is gained by streaming, and the page is rendered whole:
// - The data the browser hydrates from (which Remix encodes as a stream) is read first and handed
//   to Remix's <StreamTransfer> as already read (its cache, `renderMeta.streamCache`), so nothing
//   in the page suspends.
// - It is rendered with the manifest pared down to the routes the page can use (manifestForPage),
//   so <RemixServer> builds and ranks 2 or 3 routes, not all 70-odd, on every render.
// - React's string renderer then renders it: far cheaper than the streaming renderer, which
//   encodes each small piece of markup into bytes as it goes.
// - It is sent as one body with its length: one write to the socket (and through compression)
//   rather than one for each of React's chunks through a Node stream, a web stream and Express.
// - Remix's data scripts, which React writes after the document, are sent inside its <body>
//   (valid HTML, as React 19 writes it): the closing `</body></html>` is moved to the end. React
//   escapes `<` in text and attribute values and Remix escapes it in the data scripts, so the
//   first `</body></html>` in the page is the document's own.
// Browsers and crawlers get the same complete page as before.
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  if (remixContext.serverHandoffStream) {
    const value = await readText(remixContext.serverHandoffStream)
    const read = Object.assign(Promise.resolve(), { result: { done: true, value } })
    remixContext.renderMeta = { ...remixContext.renderMeta, streamCache: { 0: read } }
    // <RemixServer> takes a reader from it, which <StreamTransfer> then has no need to use.
    remixContext.serverHandoffStream = new ReadableStream()
  }
  const pageContext = {
    ...remixContext,
    manifest: manifestForPage(remixContext, new URL(request.url).pathname),
  }
  let html: string
  try {
    html = renderToString(
      <NonceProvider value={nonce}>
        <RemixServer context={pageContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
    )
  } catch (error) {
    loadContext.services?.log.error(
      { error: error instanceof Error ? error.message : String(error) },
      'render error',
    )
    throw error
  }
  // The last: Remix's data scripts after it cannot contain it, as they escape every `<`.
  const at = html.lastIndexOf(CLOSING)
  const parts =
    at < 0
      ? [DOCTYPE, html]
      : [DOCTYPE, html.slice(0, at), html.slice(at + CLOSING.length), CLOSING]
  // Encoded once, part by part, into one buffer of the right size: joined first, the page would
  // be copied whole into a new string before encoding (and given as a string, the Response would
  // measure it and encode it again).
  let size = 0
  for (const part of parts) size += Buffer.byteLength(part)
  const bytes = Buffer.allocUnsafe(size)
  let written = 0
  for (const part of parts) written += bytes.write(part, written)
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  responseHeaders.set('Content-Length', String(bytes.length))
  const init = { headers: responseHeaders, status: responseStatusCode }
  // The platform's HTTP server (app/server/http.ts) writes the bytes it is handed here, so the
  // Response it is given carries none: made with a body, a Response copies it and builds a stream
  // over it (measured: 140 µs for a library page, against 2 µs without), which nothing reads.
  if (!loadContext.requestState) return new Response(bytes, init)
  const response = new Response(null, init)
  loadContext.requestState.rendered = { response, body: bytes }
  return response
}

/** A stream of UTF-8 bytes as text, read directly rather than through a Response (a third of the time). */
async function readText(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let text = ''
  for (let read = await reader.read(); !read.done; read = await reader.read())
    text += decoder.decode(read.value, { stream: true })
  return text + decoder.decode()
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  // Loaders' thrown Responses are not errors; everything else is a bug worth a log line.
  console.error(
    JSON.stringify({
      level: 50,
      time: new Date().toISOString(),
      msg: 'unhandled error',
      path: new URL(request.url).pathname,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
  )
}

type Manifest = EntryContext['manifest']
type RouteNode = Parameters<typeof matchRoutes>[0][number]

// The route tree of a build, for matching alone: built once per build's manifest.
const trees = new WeakMap<Manifest['routes'], RouteNode[]>()
function routeTree(routes: Manifest['routes']): RouteNode[] {
  let tree = trees.get(routes)
  if (!tree) {
    const entries = Object.values(routes).filter((route) => route !== undefined)
    const children = new Map<string, RouteNode[]>()
    const nodes = new Map<string, RouteNode>()
    for (const { id, path, index, caseSensitive } of entries) {
      const kids: RouteNode[] = []
      children.set(id, kids)
      nodes.set(
        id,
        index
          ? { id, path, caseSensitive, index: true }
          : { id, path, caseSensitive, children: kids },
      )
    }
    tree = []
    for (const route of entries) {
      const siblings = route.parentId ? children.get(route.parentId) : tree
      siblings?.push(nodes.get(route.id)!)
    }
    trees.set(routes, tree)
  }
  return tree
}

/**
 * The manifest with only the routes this page can use, which are the routes Remix puts in the
 * page for the browser (its "partial manifest"; the others are found when first navigated to):
 * those matched, and those matching each parent path. <RemixServer> builds its route objects and
 * matches the URL afresh on every render from the manifest it is given; given all 70-odd routes,
 * that was about a third of React's work on a library page. The page is the same.
 */
function manifestForPage(context: EntryContext, pathname: string): Manifest {
  const { manifest } = context
  const matched = context.staticHandlerContext.matches.map((match) => match.route.id)
  const segments = pathname.split('/').filter(Boolean)
  segments.pop()
  const parents = segments.map((_, i) => `/${segments.slice(0, i).join('/')}`)
  parents.push(`/${segments.join('/')}`)
  // The same routes for every page with the same matches and parent paths (every search of the
  // library; every case study): worked out once per build, as matching ranks all the routes.
  const key = `${matched.join(' ')}|${parents.join(' ')}`
  let cache = pageManifests.get(manifest)
  if (!cache) pageManifests.set(manifest, (cache = new Map()))
  const known = cache.get(key)
  if (known) return known
  const tree = routeTree(manifest.routes)
  const ids = new Set(matched)
  for (const path of parents)
    for (const match of matchRoutes(tree, path) ?? []) ids.add(match.route.id!)
  const routes: Manifest['routes'] = {}
  for (const id of ids) {
    const route = manifest.routes[id]
    if (route) routes[id] = route
  }
  const result = { ...manifest, routes }
  // Bounded: parent paths come from the address asked for, and anyone can ask for any address.
  if (cache.size < 1000) cache.set(key, result)
  return result
}

const pageManifests = new WeakMap<Manifest, Map<string, Manifest>>()
