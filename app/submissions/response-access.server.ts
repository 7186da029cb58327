import { redirect, type AppLoadContext } from '@remix-run/node'
import { findCallBySlug } from '../../db/repositories/calls'
import { editableStatuses, findSubmissionById } from '../../db/repositories/submissions'
import { callState } from '../calls/call-state'
import { formatLondonDateTime } from '../utils/london-time'
import { notFound } from '../utils/responses.server'
import { readAnswers } from './answers'
import { findSessionSubmissionId } from './respondent-session.server'

/** A page the ErrorBoundary renders with this title and these paragraphs. */
export function problemPage(
  status: number,
  title: string,
  paragraphs: string[],
  headers: Record<string, string> = {},
): never {
  throw new Response(JSON.stringify({ title, paragraphs }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

export function callClosedPage(call: { slug: string; closes_at: Date }): never {
  problemPage(410, 'This call for evidence has closed', [
    `It closed at ${formatLondonDateTime(call.closes_at)} (UK time). Responses can no longer be started, changed or sent.`,
    'If you sent your response before it closed, it is safe: you can see its status through the link in your receipt email.',
  ])
}

export async function requireCall(context: AppLoadContext, slug: string | undefined) {
  const call = await findCallBySlug(context.services.db, slug ?? '')
  if (!call) notFound()
  return call
}

/** The call and the response this browser's session opens on it, or a redirect to its start page. */
async function sessionResponse(request: Request, context: AppLoadContext, slug?: string) {
  const call = await requireCall(context, slug)
  const submissionId = await findSessionSubmissionId(request, context)
  const submission = submissionId
    ? await findSubmissionById(context.services.db, submissionId)
    : undefined
  if (!submission || submission.call_id !== call.id) throw redirect(`/calls/${call.slug}`)
  return { call, submission, answers: readAnswers(submission.answers) }
}

/**
 * The response this browser is working on, for a question page: a draft, or a sent response a
 * moderator has asked to change. No session sends the person to the start page; a response
 * that cannot be changed goes to its status page; a closed call refuses the page.
 */
export async function requireDraft(request: Request, context: AppLoadContext, slug?: string) {
  const found = await sessionResponse(request, context, slug)
  if (!editableStatuses.includes(found.submission.status))
    throw redirect(`/calls/${found.call.slug}/response/status`)
  if (callState(found.call, context.services.clock.now()) !== 'open') callClosedPage(found.call)
  return found
}

/** The response this browser's session opens, whatever its status (for the status page). */
export const requireResponse = sessionResponse
