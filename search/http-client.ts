import http from 'node:http'
import https from 'node:https'

/**
 * The transport the Meilisearch client uses in place of Node's fetch. Node's fetch sends a POST's
 * headers and body as separate packets, and the pair meets a delayed ACK: every search took
 * ~45 ms longer than Meilisearch needed (measured: 48 ms against 2 ms on loopback). node:http's
 * `end(body)` sends them together. Connections are kept alive.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
}

const REQUEST_TIMEOUT_MS = 10_000

export class MeilisearchHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message?: string; code?: string } | undefined,
  ) {
    super(
      `Meilisearch answered ${status}${body?.code ? ` ${body.code}` : ''}: ${body?.message ?? 'no detail'}`,
    )
    this.name = 'MeilisearchHttpError'
  }
}

export function meilisearchTransport(
  input: RequestInfo | URL,
  init: RequestInit = {},
): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:'
  // The client hands over a Headers object; reading it as it is avoids copying it into another.
  const headers: Record<string, string> = {}
  const given = init.headers instanceof Headers ? init.headers : new Headers(init.headers)
  given.forEach((value, name) => (headers[name] = value))
  const body = typeof init.body === 'string' ? init.body : undefined
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
  const request = protocol === 'https:' ? https.request : http.request
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        headers,
        agent: agents[protocol],
        signal: init.signal ?? undefined,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown
          try {
            parsed = text === '' ? undefined : JSON.parse(text)
          } catch {
            parsed = { message: text.slice(0, 200) }
          }
          const status = res.statusCode ?? 500
          if (status >= 400)
            reject(new MeilisearchHttpError(status, parsed as MeilisearchHttpError['body']))
          else resolve(parsed)
        })
      },
    )
    // One signal can span many requests (a task wait polls with one deadline), so the listener is
    // added here and always removed when this request settles, rather than left to http.request.
    const signal = init.signal
    const onAbort = () =>
      req.destroy(
        signal?.reason instanceof Error ? signal.reason : new Error('Meilisearch request aborted'),
      )
    if (signal?.aborted) onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    req.on('close', () => signal?.removeEventListener('abort', onAbort))
    // The timeout lives here rather than in the client's own option, whose per-request listeners
    // pile up on a task wait's signal.
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(new Error(`Meilisearch did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`)),
    )
    req.on('error', reject)
    req.end(body)
  })
}
