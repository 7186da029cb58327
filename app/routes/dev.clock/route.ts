import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requestFollowUpRun } from '~/follow-ups/invitations.server'
import { notFound } from '~/utils/responses.server'

/**
 * Test runs only (NODE_ENV=test): the app's time, which a browser test may move forward with
 * `POST { "offsetSeconds": n }` to watch a call open or close. Elsewhere the page does not exist.
 */
const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.services.clock.adjustable) notFound()
  return answer({ now: context.services.clock.now().toISOString() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { clock } = context.services
  if (!clock.adjustable) notFound()
  const body = (await request.json().catch(() => null)) as { offsetSeconds?: unknown } | null
  const offset = Number(body?.offsetSeconds)
  if (!Number.isFinite(offset) || Math.abs(offset) > 10 * 365 * 86_400) {
    return answer({ errors: ['offsetSeconds must be a number of seconds'] }, 400)
  }
  clock.setOffset(offset * 1000)
  // Work that waits for a date (follow-up invitations and reminders) looks again at the new time.
  await requestFollowUpRun(context.services.db)
  return answer({ now: clock.now().toISOString() })
}
