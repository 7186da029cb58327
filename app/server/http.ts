import { randomFillSync } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import { constants as zlib } from 'node:zlib'
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
} from '@remix-run/node'
import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import compression from 'compression'
import helmet from 'helmet'
import proxyAddr from 'proxy-addr'
import serveStatic from 'serve-static'
import type { ViteDevServer } from 'vite'
import { withServiceUnavailable } from './service-unavailable'
import type { Services } from './services'
import type { WholeAnswer } from '../utils/json-response.server'

const root = path.resolve(import.meta.dirname, '..', '..')

export interface HttpOptions {
  services: Services
  /** Production: the built server bundle. Development: Vite in middleware mode. */
  build: { serverBuildPath: string } | { vite: ViteDevServer }
}

type Next = (error?: unknown) => void
/** A step in answering a request, in the shape the compression, static and Vite middleware use. */
type Step = (req: IncomingMessage, res: ServerResponse, next: Next) => void

// Node's own HTTP server with the few steps a request needs, in order. It was Express; Express's
// routing, its request and response decorations (each request's objects given new prototypes) and
// its middleware chain cost about 0.4 ms of CPU on every library page (measured, issue 23) for
// nothing the platform used beyond what is here: compression, security headers, a log line,
// static files and Remix.
export async function createHttpServer({ services, build }: HttpOptions): Promise<Server> {
  // Compression, for the clients that ask for it: brotli (which browsers prefer) at quality 2 and
  // gzip at level 4 cost a fraction of the defaults' CPU (quality 4, level 6: about 2 ms for a
  // library page) for pages a few per cent larger. A client that accepts no encoding skips the
  // middleware's work on every write; its responses still say they vary by Accept-Encoding.
  const compress = compression({
    level: 4,
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
  }) as unknown as Step

  // Security headers. The policy allows no inline script but the ones Remix writes, each carrying
  // this response's nonce. Vite's dev server injects scripts of its own, so `npm run dev` goes
  // without a policy; HSTS and upgrading requests to HTTPS apply in production only.
  const production = services.env.NODE_ENV === 'production'
  const enforcePolicy = !('vite' in build)
  const securityHeaders = precomputed(
    helmet({
      contentSecurityPolicy: enforcePolicy
        ? {
            useDefaults: false,
            directives: {
              defaultSrc: ["'self'"],
              scriptSrc: ["'self'", `'nonce-${NONCE}'`],
              styleSrc: ["'self'"],
              imgSrc: ["'self'", 'data:'],
              fontSrc: ["'self'"],
              connectSrc: ["'self'"],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              formAction: ["'self'"],
              frameAncestors: ["'none'"],
              ...(production ? { upgradeInsecureRequests: [] } : {}),
            },
          }
        : false,
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  )

  const steps: [prefix: string, step: Step][] = [
    [
      '/govuk/assets/',
      serveStatic(path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets'), {
        maxAge: '7d',
      }) as Step,
    ],
  ]
  let serverBuild: ServerBuild | (() => Promise<ServerBuild>)
  if ('vite' in build) {
    steps.push(['/', build.vite.middlewares as unknown as Step])
    serverBuild = async () =>
      withServiceUnavailable(
        (await build.vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild,
      )
  } else {
    const clientDir = path.join(path.dirname(build.serverBuildPath), '..', 'client')
    // Vite's hashed file names never change meaning, so they can be cached for a year.
    steps.push([
      '/assets/',
      serveStatic(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }) as Step,
    ])
    // Anything else Vite copied in from public/ is served under its own name; other requests go
    // straight to Remix rather than costing a file-system lookup each.
    const publicFiles = serveStatic(clientDir, { maxAge: '1h' }) as Step
    for (const name of readdirSync(clientDir).filter((n) => n !== 'assets'))
      steps.push([`/${name}`, publicFiles])
    serverBuild = withServiceUnavailable((await import(build.serverBuildPath)) as ServerBuild)
  }

  const remix = remixHandler(serverBuild, services.env.NODE_ENV)
  const api =
    typeof serverBuild === 'function' ? null : answerSearchApiWithoutRemix(serverBuild, remix)

  const answer = (req: IncomingMessage, res: ServerResponse, nonce: string) => {
    const pathname = (req.url ?? '/').split('?')[0]!
    let address: string | undefined
    const context: AppLoadContext = {
      // Worked out when asked for (the rate limits of a few forms), not for every request.
      get clientAddress() {
        return (address ??= clientAddress(req))
      },
      services,
      requestState: { formHasErrors: false, document: !pathname.endsWith('.data') },
      cspNonce: nonce,
    }
    const fail = (error: unknown) => failed(services, req, res, error)
    let i = 0
    // Each static step whose prefix the path has, in turn: a file it does not have goes on to the
    // next, and then to Remix.
    const next: Next = (error) => {
      if (error) return fail(error)
      while (i < steps.length) {
        const [prefix, step] = steps[i++]!
        if (
          pathname === prefix ||
          pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
        )
          return withoutPrefix(req, prefix, (restore) =>
            step(req, res, (error) => {
              restore()
              next(error)
            }),
          )
      }
      if (
        api &&
        pathname === '/api/case-studies' &&
        (req.method === 'GET' || req.method === 'HEAD')
      )
        return api(req, res, context).catch(fail)
      remix(req, res, context).catch(fail)
    }
    next()
  }

  return createServer((req, res) => {
    const nonce = enforcePolicy ? nextNonce() : ''
    securityHeaders(res, nonce)
    logRequest(services, req, res)
    if (req.headers['accept-encoding'])
      return compress(req, res, (error) =>
        error ? failed(services, req, res, error) : answer(req, res, nonce),
      )
    res.setHeader('Vary', 'Accept-Encoding')
    answer(req, res, nonce)
  })
}

/**
 * A static step sees paths below its prefix, as under Express's `app.use(prefix, …)`: the
 * request's address is shortened for it and put back after.
 */
function withoutPrefix(req: IncomingMessage, prefix: string, run: (restore: () => void) => void) {
  const original = req.url ?? '/'
  const mount = prefix.endsWith('/') ? prefix.slice(0, -1) : ''
  // serve-static reads the whole address here, as Express keeps it, to redirect "/dir" to "/dir/".
  ;(req as IncomingMessage & { originalUrl?: string }).originalUrl = original
  if (mount) req.url = original.slice(mount.length) || '/'
  run(() => (req.url = original))
}

/** Requests from this machine are from the proxy in front of the app, whose headers are trusted. */
const trustProxy = proxyAddr.compile('loopback')

/** The client's network address: behind a proxy on this machine, as the proxy reports it. */
function clientAddress(req: IncomingMessage) {
  return proxyAddr(req, trustProxy) || 'unknown'
}

/** The address the client asked for, as the client saw it (through the proxy, if any). */
function publicUrl(req: IncomingMessage) {
  const first = (header: string | string[] | undefined) =>
    (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined
  const forwardedProto = first(req.headers['x-forwarded-proto'])
  const forwardedHost = first(req.headers['x-forwarded-host'])
  // The proxy's word is taken only from the proxy (asked only when it has a word to give).
  const trusted =
    (forwardedProto !== undefined || forwardedHost !== undefined) &&
    trustProxy(req.socket.remoteAddress ?? '', 0)
  const encrypted = 'encrypted' in req.socket && Boolean(req.socket.encrypted)
  const protocol = (trusted && forwardedProto) || (encrypted ? 'https' : 'http')
  const host = (trusted && forwardedHost) || req.headers.host || 'localhost'
  return `${protocol}://${host}${req.url ?? '/'}`
}

/**
 * One JSON log line per request: never the query string (it may hold search terms someone would
 * not want kept) and never a cookie. A request whose client went away before the answer was
 * written is logged too, as abandoned, with how long it had waited.
 */
function logRequest(services: Services, req: IncomingMessage, res: ServerResponse) {
  if (!services.log.isLevelEnabled('info')) return
  const started = process.hrtime.bigint()
  const line = () => ({
    method: req.method,
    path: (req.url ?? '/').split('?')[0],
    status: res.statusCode,
    ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
  })
  res.on('finish', () => services.log.info(line(), 'request'))
  res.on('close', () => {
    // No status was sent unless the headers were: the default 200 would read as an answer.
    if (!res.writableFinished)
      services.log.info(
        { ...line(), ...(res.headersSent ? {} : { status: null }), abandoned: true },
        'request',
      )
  })
}

/** A request that failed outside Remix (which renders its own error pages): logged, and a 500. */
function failed(services: Services, req: IncomingMessage, res: ServerResponse, error: unknown) {
  services.log.error(
    {
      path: (req.url ?? '/').split('?')[0],
      error: error instanceof Error ? error.message : String(error),
    },
    'request failed',
  )
  if (res.headersSent) return void res.destroy()
  res.statusCode = 500
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end('Sorry, there is a problem with the service. Try again later.')
}

type Answer = (req: IncomingMessage, res: ServerResponse, context: AppLoadContext) => Promise<void>

/**
 * The public search API is the busiest route that renders nothing: in production its answer is
 * worked out and written straight to the socket, without Remix's request handling around it (the
 * routes matched twice, the data strategy) and without a web Request made for it or a web
 * Response read back, which together cost about as much CPU as the search itself. The server
 * build's entry exports the answer (app/entry.server.tsx); the route's loader gives Remix the same
 * answer as a Response. Anything thrown is left to Remix's handler, which runs the request again
 * and answers it as it does any route's (the 503 page while Postgres is away, the log line for a
 * bug). `npm run dev` uses Remix throughout.
 */
function answerSearchApiWithoutRemix(build: ServerBuild, otherwise: Answer): Answer {
  const answer = (
    build.entry.module as {
      answerSearchApi?: (url: URL, context: AppLoadContext) => Promise<WholeAnswer>
    }
  ).answerSearchApi
  if (!answer) throw new Error("The server build's entry exports no answerSearchApi")
  return async (req, res, context) => {
    let whole: WholeAnswer | null
    try {
      whole = await answer(new URL(publicUrl(req)), context)
    } catch {
      whole = null
    }
    if (whole) {
      res.writeHead(whole.status, whole.headers)
      return void res.end(whole.body)
    }
    if (res.headersSent) return void res.destroy()
    return otherwise(req, res, context)
  }
}

const NONCE = 'NONCE-PLACEHOLDER'

// Each response's nonce is 16 bytes from the system's secure random source, drawn from a buffer
// filled for 256 responses at a time (as Node's crypto.randomUUID draws its randomness) rather than
// asked of the system for each one: that call was 1 to 2 per cent of the app's CPU on a library
// page or a search API request (issue 23). No byte is used twice.
const NONCE_BYTES = 16
const nonceSource = Buffer.alloc(NONCE_BYTES * 256)
let nonceAt = nonceSource.length

function nextNonce() {
  if (nonceAt === nonceSource.length) {
    randomFillSync(nonceSource)
    nonceAt = 0
  }
  nonceAt += NONCE_BYTES
  return nonceSource.toString('base64', nonceAt - NONCE_BYTES, nonceAt)
}

/**
 * Helmet's headers, worked out once: helmet is run on a stand-in response whose nonce is a
 * placeholder, and each real response gets the same headers with its own nonce put in. The same
 * headers as running helmet on every response, without building the policy string each time.
 */
function precomputed(middleware: ReturnType<typeof helmet>) {
  const headers: [string, string][] = []
  const standIn = {
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => {},
  }
  let ran = false
  middleware({} as never, standIn as never, () => (ran = true))
  if (!ran) throw new Error('helmet did not finish synchronously')
  return (res: ServerResponse, nonce: string) => {
    for (const [name, value] of headers)
      res.setHeader(name, value.includes(NONCE) ? value.replace(NONCE, nonce) : value)
  }
}

/**
 * Remix's request handler, answered as its Express adapter did, with one difference in how the
 * answer is written: a response whose whole body is ready (a page rendered whole, with its
 * Content-Length; a JSON answer) is written in one piece, headers and body in one write to the
 * socket, rather than pumped through a web stream chunk by chunk. Streamed responses (exports,
 * downloads, data requests) are streamed as before.
 */
function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>), nodeEnv: string): Answer {
  const handleRequest = createRequestHandler(
    build,
    nodeEnv === 'production' ? 'production' : 'development',
  )
  return async (req, res, context) => {
    const response = await handleRequest(remixRequest(req, res), context)
    dropUnreadBody(req)
    const { rendered } = context.requestState
    await sendResponse(res, response, rendered?.response === response ? rendered.body : null)
  }
}

/** `body`: the response's whole body, already to hand as bytes (a rendered page). */
async function sendResponse(res: ServerResponse, response: Response, body: Buffer | null = null) {
  res.statusCode = response.status
  if (response.statusText) res.statusMessage = response.statusText
  for (const [name, value] of response.headers) res.appendHeader(name, value)
  if (body) return void res.end(body)
  if (!response.body) return void res.end()
  const whole =
    response.headers.has('content-length') ||
    /^application\/json\b/.test(response.headers.get('content-type') ?? '')
  if (whole) return void res.end(Buffer.from(await response.arrayBuffer()))
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) res.flushHeaders()
  // Streamed as bytes: a CSV keeps its BOM and is never held whole.
  await writeReadableStreamToWritable(response.body, res)
}

/**
 * A request body the route never read, because it answered first (a redirect to sign in, a page
 * not found), is read and dropped, as Node drops a body nobody listened to. The web stream made
 * for it (remixRequest) took the first 16 KB and paused the connection; left so, the next request
 * a browser or proxy sent on the same keep-alive connection waited behind the unread bytes until
 * the server's headers timeout, 66 s.
 */
function dropUnreadBody(req: IncomingMessage) {
  if (req.complete) return
  req.removeAllListeners('data')
  req.on('data', () => {})
  req.resume()
}

/** The web Request Remix reads, as Remix's Express adapter made it. */
function remixRequest(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers()
  for (const [name, values] of Object.entries(req.headers)) {
    if (!values) continue
    if (Array.isArray(values)) for (const value of values) headers.append(name, value)
    else headers.set(name, values)
  }
  // Loaders and actions are aborted if the connection closes before the answer is written.
  let controller: AbortController | null = new AbortController()
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers,
    signal: controller.signal,
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(req)
    init.duplex = 'half'
  }
  return new Request(publicUrl(req), init)
}
