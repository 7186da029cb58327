import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { callState } from '~/calls/call-state'
import { redeemLinkToken, startRespondentSession } from '~/submissions/respondent-session.server'
import { problemPage, requireCall } from '~/submissions/response-access.server'

/** An emailed link: opens a session on its response and sends the person on. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const call = await requireCall(context, params.slug)
  const link = await redeemLinkToken(context, params.token ?? '')
  if (!link) {
    problemPage(410, 'This link has expired or is not valid', [
      'Links to a response work until the call for evidence closes, and only if they are copied in full.',
      `You can ask for a new link from the call’s start page while the call is open.`,
    ])
  }
  const open = callState(call, context.services.clock.now()) === 'open'
  // A session lasts as long as the link that opened it, and never past the call's close for drafts.
  const cookie = await startRespondentSession(context, link.submission_id, link.expires_at)
  const to = link.purpose === 'return' && open ? 'response' : 'response/status'
  throw redirect(`/calls/${call.slug}/${to}`, { headers: { 'Set-Cookie': cookie } })
}

// A page route (not a resource route), so that a bad link gets the GOV.UK error page.
export default function ReturnLink() {
  return null
}
