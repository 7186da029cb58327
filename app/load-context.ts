import type { Services } from './server/services'

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services
    /** Created afresh for every request. */
    requestState: { formHasErrors: boolean }
    /** This response's Content-Security-Policy nonce ('' where no policy is sent). */
    cspNonce: string
    /** The client's network address (behind a proxy, as the proxy reports it). */
    clientAddress: string
  }
}

export {}
