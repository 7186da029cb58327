import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'

// The requests the app made to GOV.UK Notify (stubbed by msw inside the app process), one JSON
// line each, for browser tests to read the emails a journey sent.

/** What Notify was asked to send to an address, waiting a little for the job runner. */
export async function notifyRequestsTo(email: string) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const text = await readFile(inject('notifyLog'), 'utf8').catch(() => '')
    const found = text
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as {
            email_address: string
            reference: string
            personalisation: { subject: string; body: string }
          },
      )
      .filter((request) => request.email_address === email)
    if (found.length > 0 || Date.now() > deadline) return found
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
