import { setupServer } from 'msw/node'
import { afterAll, beforeAll } from 'vitest'

// msw stands in for third-party APIs only (none are called yet; GOV.UK Notify will be). Requests to
// our own servers on this machine pass through; any other outbound request fails the test.
export const thirdParties = setupServer()

beforeAll(() =>
  thirdParties.listen({
    onUnhandledRequest(request, print) {
      const { hostname } = new URL(request.url)
      if (hostname === '127.0.0.1' || hostname === 'localhost') return
      print.error()
    },
  }),
)
afterAll(() => thirdParties.close())
