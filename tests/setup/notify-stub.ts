// Loaded into the app process by browser tests (`node --import`): msw answers GOV.UK Notify's
// email endpoint as Notify would and writes each request to NOTIFY_STUB_LOG, one JSON line each,
// for the tests to read. Requests to this machine pass; anything else is reported as an error.
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

const log = process.env.NOTIFY_STUB_LOG
if (!log) throw new Error('NOTIFY_STUB_LOG must name the file that records Notify requests')

const server = setupServer(
  http.post(
    'https://api.notifications.service.gov.uk/v2/notifications/email',
    async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>
      appendFileSync(log, `${JSON.stringify(body)}\n`)
      return HttpResponse.json(
        {
          id: randomUUID(),
          reference: body.reference ?? null,
          content: {
            subject: 'stub',
            body: 'stub',
            from_email: 'stub@notifications.service.gov.uk',
          },
          uri: 'https://api.notifications.service.gov.uk/v2/notifications/stub',
          template: { id: body.template_id, version: 1, uri: 'stub' },
        },
        { status: 201 },
      )
    },
  ),
)
server.listen({
  onUnhandledRequest(request, print) {
    const { hostname } = new URL(request.url)
    if (hostname !== '127.0.0.1' && hostname !== 'localhost') print.error()
  },
})
