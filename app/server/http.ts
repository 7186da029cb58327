import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { constants as zlib } from 'node:zlib'
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
} from '@remix-run/node'
import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import type { ViteDevServer } from 'vite'
import { withServiceUnavailable } from './service-unavailable'
import type { Services } from './services'

const root = path.resolve(import.meta.dirname, '..', '..')

export interface HttpOptions {
  services: Services
  /** Production: the built server bundle. Development: Vite in middleware mode. */
  build: { serverBuildPath: string } | { vite: ViteDevServer }
}

export async function createHttpServer({ services, build }: HttpOptions): Promise<Server> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  // Nothing reads Express's parsed query (Remix reads the URL itself), so it is not parsed.
  app.set('query parser', false)

  // Compression, for the clients that ask for it: brotli (which browsers prefer) at quality 2 and
  // gzip at level 4 cost a fraction of the defaults' CPU (quality 4, level 6: about 2 ms for a
  // library page) for pages a few per cent larger. A client that accepts no encoding skips the
  // middleware's work on every write; its responses still say they vary by Accept-Encoding.
  const compress = compression({
    level: 4,
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
  })
  app.use((req, res, next) => {
    if (req.headers['accept-encoding']) return compress(req, res, next)
    res.setHeader('Vary', 'Accept-Encoding')
    next()
  })

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
              scriptSrc: [
                "'self'",
                (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
              ],
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
  app.use((_req, res, next) => {
    const nonce = enforcePolicy ? randomBytes(16).toString('base64') : ''
    res.locals.cspNonce = nonce
    securityHeaders(res, nonce)
    next()
  })

  // One JSON log line per request: never the query string (it may hold search terms someone
  // would not want kept) and never a cookie.
  app.use((req, res, next) => {
    if (!services.log.isLevelEnabled('info')) return next()
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      services.log.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        'request',
      )
    })
    next()
  })

  app.use(
    '/govuk/assets',
    express.static(path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets'), {
      maxAge: '7d',
    }),
  )

  let serverBuild: ServerBuild | (() => Promise<ServerBuild>)
  if ('vite' in build) {
    app.use(build.vite.middlewares)
    serverBuild = async () =>
      withServiceUnavailable(
        (await build.vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild,
      )
  } else {
    const clientDir = path.join(path.dirname(build.serverBuildPath), '..', 'client')
    // Vite's hashed file names never change meaning, so they can be cached for a year.
    app.use(
      '/assets',
      express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }),
    )
    // Anything else Vite copied in from public/ is served under its own name; other requests go
    // straight to Remix rather than costing a file-system lookup each.
    const publicNames = new Set(readdirSync(clientDir).filter((name) => name !== 'assets'))
    const publicFiles = express.static(clientDir, { maxAge: '1h' })
    app.use((req, res, next) =>
      publicNames.has(req.path.split('/')[1] ?? '') ? publicFiles(req, res, next) : next(),
    )
    serverBuild = withServiceUnavailable((await import(build.serverBuildPath)) as ServerBuild)
  }

  const getLoadContext = (req: express.Request, res: express.Response): AppLoadContext => ({
    clientAddress: req.ip ?? 'unknown',
    services,
    requestState: { formHasErrors: false },
    cspNonce: String(res.locals.cspNonce ?? ''),
  })
  if (typeof serverBuild !== 'function') {
    app.get(
      '/api/case-studies',
      answerWithLoader(serverBuild, 'routes/api.case-studies', getLoadContext),
    )
  }
  app.all('*', remixHandler(serverBuild, services.env.NODE_ENV, getLoadContext))
  return createServer(app)
}

/**
 * The public search API is the busiest route that renders nothing: in production its loader is
 * called directly, without Remix's request handling around it (a web Request built from Express's
 * headers, the routes matched twice, the data strategy, the Response read back as a stream),
 * which cost about as much CPU as the search itself. The answer is the loader's own Response:
 * status, headers and body. Anything thrown is left to Remix's handler, which runs the request
 * again and answers it as it does any route's (the 503 page while Postgres is away, the log line
 * for a bug). `npm run dev` uses Remix throughout.
 */
function answerWithLoader(
  build: ServerBuild,
  routeId: string,
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext,
): express.RequestHandler {
  const loader = build.routes[routeId]?.module.loader
  if (!loader) throw new Error(`The build has no loader for ${routeId}`)
  return (req, res, next) => {
    Promise.resolve()
      .then(() =>
        loader({
          request: new Request(`${req.protocol}://${req.get('host')}${req.originalUrl}`),
          params: {},
          context: getLoadContext(req, res),
        }),
      )
      .then(async (response) => {
        if (!(response instanceof Response)) return next()
        await sendResponse(res, response)
      })
      .catch(() => (res.headersSent ? res.destroy() : next()))
  }
}

const NONCE = 'NONCE-PLACEHOLDER'

/**
 * Helmet's headers, worked out once: helmet is run on a stand-in response whose nonce is a
 * placeholder, and each real response gets the same headers with its own nonce put in. The same
 * headers as running helmet on every response, without building the policy string each time.
 */
function precomputed(middleware: ReturnType<typeof helmet>) {
  const headers: [string, string][] = []
  const standIn = {
    locals: { cspNonce: NONCE },
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => {},
  }
  let ran = false
  middleware({} as never, standIn as never, () => (ran = true))
  if (!ran) throw new Error('helmet did not finish synchronously')
  return (res: express.Response, nonce: string) => {
    for (const [name, value] of headers)
      res.setHeader(name, value.includes(NONCE) ? value.replace(NONCE, nonce) : value)
  }
}

/**
 * Remix's Express adapter, with one difference in how the answer is written: a response whose
 * whole body is ready (a page rendered whole, with its Content-Length; a JSON answer) is written
 * in one piece, headers and body in one write to the socket, rather than pumped through a web
 * stream chunk by chunk. Streamed responses (exports, downloads, data requests) are streamed as
 * before.
 */
function remixHandler(
  build: ServerBuild | (() => Promise<ServerBuild>),
  nodeEnv: string,
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext,
): express.RequestHandler {
  const handleRequest = createRequestHandler(
    build,
    nodeEnv === 'production' ? 'production' : 'development',
  )
  return (req, res, next) => {
    Promise.resolve()
      .then(async () => {
        const response = await handleRequest(remixRequest(req, res), getLoadContext(req, res))
        await sendResponse(res, response)
      })
      .catch(next)
  }
}

async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers) res.append(name, value)
  if (!response.body) return void res.end()
  const whole =
    response.headers.has('content-length') ||
    /^application\/json\b/.test(response.headers.get('content-type') ?? '')
  if (whole) return void res.end(Buffer.from(await response.arrayBuffer()))
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) res.flushHeaders()
  // Streamed as bytes: a CSV keeps its BOM and is never held whole.
  await writeReadableStreamToWritable(response.body, res)
}

/** The web Request Remix reads, as Remix's Express adapter makes it. */
function remixRequest(req: express.Request, res: express.Response): Request {
  // req.hostname respects "trust proxy" but has no port: that comes from the Host headers.
  const port = [req.get('X-Forwarded-Host'), req.get('host')]
    .map((host) => Number.parseInt(host?.split(':')[1] ?? '', 10))
    .find((n) => Number.isSafeInteger(n))
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`
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
  return new Request(url, init)
}
