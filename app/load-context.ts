import type { Services } from './server/services'

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services
    /** Created afresh for every request. */
    requestState: { formHasErrors: boolean }
  }
}

export {}
