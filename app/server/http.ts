import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
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
  app.use(compression())

  // Security headers. The policy allows no inline script but the ones Remix writes, each carrying
  // this response's nonce. Vite's dev server injects scripts of its own, so `npm run dev` goes
  // without a policy; HSTS and upgrading requests to HTTPS apply in production only.
  const production = services.env.NODE_ENV === 'production'
  const enforcePolicy = !('vite' in build)
  app.use((_req, res, next) => {
    res.locals.cspNonce = enforcePolicy ? randomBytes(16).toString('base64') : ''
    next()
  })
  app.use(
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

  // One JSON log line per request: never the query string (it may hold search terms someone
  // would not want kept) and never a cookie.
  app.use((req, res, next) => {
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

  app.all(
    '*',
    createRequestHandler({
      build: serverBuild,
      mode: services.env.NODE_ENV === 'production' ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? 'unknown',
        services,
        requestState: { formHasErrors: false },
        cspNonce: String(res.locals.cspNonce ?? ''),
      }),
    }),
  )
  return createServer(app)
}
