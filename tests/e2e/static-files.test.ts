import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, inject, test } from 'vitest'

// The HTTP server's static files (app/server/http.ts, on node:http with serve-static): the GOV.UK
// assets, the build's hashed files cached for a year, a directory sent to its address with a
// slash as Express sent it, and anything else left to Remix's own 404 page, every answer with the
// security headers.

const base = () => inject('baseUrl')

test('GOV.UK assets are served for a week, with the security headers', async () => {
  const response = await fetch(`${base()}/govuk/assets/images/favicon.ico`)
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('public, max-age=604800')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
})

test('a folder of assets is sent to its address with a slash, under the same prefix', async () => {
  const response = await fetch(`${base()}/govuk/assets/fonts`, { redirect: 'manual' })
  expect(response.status).toBe(301)
  expect(new URL(response.headers.get('location')!, base()).pathname).toBe('/govuk/assets/fonts/')
})

test('the build’s hashed files are cached for a year; a missing one is the 404 page', async () => {
  const assets = path.resolve(import.meta.dirname, '../../build/client/assets')
  const name = (await readdir(assets)).find((file) => file.endsWith('.js'))!
  const response = await fetch(`${base()}/assets/${name}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')

  const missing = await fetch(`${base()}/assets/not-a-file.js`)
  expect(missing.status).toBe(404)
  expect(missing.headers.get('content-type')).toMatch(/^text\/html/)
  expect(await missing.text()).toContain('Page not found')
})
