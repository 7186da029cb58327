import http from 'node:http'
import { afterAll, expect, inject, test } from 'vitest'

// A browser, or a proxy in front of the app, sends its next request on the same connection once
// an answer has come. A post the app answers without reading its body (a redirect to sign in, a
// page not found) must not hold that next request up: the unread body was once left paused
// inside the web stream made for it, and the next request on the connection waited for the
// server's headers timeout (66 s) behind it.

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
afterAll(() => agent.destroy())

function send(method: string, path: string, body?: string) {
  const base = new URL(inject('baseUrl'))
  return new Promise<{ status: number; location: string | undefined; reused: boolean }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          agent,
          headers: body
            ? {
                'Content-Type': 'application/x-www-form-urlencoded',
                'Content-Length': Buffer.byteLength(body),
              }
            : {},
        },
        (res) => {
          res.resume()
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              location: res.headers.location,
              reused: req.reusedSocket,
            }),
          )
        },
      )
      // Far beyond any answer's time here, far short of the headers timeout.
      req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${path}: no answer in 20 s`)))
      req.on('error', reject)
      req.end(body)
    },
  )
}

test('a post answered without its body being read does not hold up the next request on the connection', async () => {
  for (const size of [100, 200_000]) {
    const refused = await send('POST', '/moderate', `intent=claim&notes=${'x'.repeat(size)}`)
    expect(refused.status).toBe(302)
    expect(refused.location).toMatch(/^\/sign-in/)
    const next = await send('GET', '/library')
    expect(next).toMatchObject({ status: 200, reused: true })
  }
})
