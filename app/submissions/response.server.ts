import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { insertRespondentToken } from '../../db/repositories/respondent-tokens'
import {
  findDraftsByEmail,
  findSubmissionById,
  findSubmissionByStartToken,
  insertDraft,
  markSubmitted,
  markWithdrawn,
  markResubmitted,
  replaceSubmissionEstablishments,
} from '../../db/repositories/submissions'
import type { DB, Json } from '../../db/types'
import { callState } from '../calls/call-state'
import { queueEmail } from '../notifications/email.server'
import { readAnswers } from './answers'
import { receiptEmail, returnLinkEmail } from './emails'
import { generateReference } from './reference'
import { hashToken, newToken } from './respondent-session.server'
import { validateResponse } from './validate-response.server'

export interface Call {
  id: string
  slug: string
  title: string
  opens_at: Date
  closes_at: Date
}

/** How long after a call closes a respondent can still see their response's status. */
const STATUS_LINK_DAYS = 365

/**
 * Starts a draft for a call. The start page's one-off token makes this idempotent: a double click
 * or a resent form returns the draft the first request made.
 */
export async function startResponse(db: Kysely<DB>, call: Call, startToken: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await findSubmissionByStartToken(db, startToken)
    if (existing) return existing.call_id === call.id ? { id: existing.id } : null
    try {
      const created = await insertDraft(db, {
        callId: call.id,
        reference: generateReference(),
        startToken,
      })
      if (created) return { id: created.id }
    } catch (error) {
      // A reference that clashes with another is drawn again; anything else is a real fault.
      if (!String(error).includes('submissions_reference_key')) throw error
    }
  }
  throw new Error('Could not start a response after 5 attempts')
}

async function issueLink(
  db: Kysely<DB>,
  submissionId: string,
  purpose: 'return' | 'status',
  expiresAt: Date,
) {
  const token = newToken()
  await insertRespondentToken(db, { hash: hashToken(token), submissionId, purpose, expiresAt })
  return token
}

/**
 * Emails a link back to each draft (and a status link for each sent response) given this
 * address. Says nothing to the caller about whether there were any.
 */
export async function sendReturnLinks(db: Kysely<DB>, call: Call, email: string, baseUrl: string) {
  const responses = await findDraftsByEmail(db, call.id, email)
  for (const response of responses) {
    await db.transaction().execute(async (trx) => {
      const isDraft = response.status === 'draft'
      const expires = isDraft
        ? call.closes_at
        : new Date(call.closes_at.getTime() + STATUS_LINK_DAYS * 86_400_000)
      const token = await issueLink(trx, response.id, isDraft ? 'return' : 'status', expires)
      await queueEmail(
        trx,
        returnLinkEmail({
          to: email,
          call,
          reference: response.reference,
          link: `${baseUrl}/calls/${call.slug}/return/${token}`,
          isDraft,
        }),
      )
    })
  }
  return responses.length
}

export type SubmitResult =
  | { ok: true; reference: string; alreadySubmitted: boolean }
  | { ok: false; problem: 'closed' }
  | { ok: false; problem: 'not-found' }
  | { ok: false; problem: 'incomplete'; sections: string[] }

/**
 * Sends a draft (or sends again a response a moderator asked to change). One transaction writes
 * the submission, its schools, an audit event, a status link and the receipt email; a repeat
 * finds the response already sent and changes nothing.
 * The server's clock decides the deadline, whatever the page showed when it was opened.
 */
export async function submitResponse(
  db: Kysely<DB>,
  submissionId: string,
  options: { call: Call; baseUrl: string; now?: Date },
): Promise<SubmitResult> {
  const now = options.now ?? new Date()
  const { call } = options
  const submission = await findSubmissionById(db, submissionId)
  if (!submission || submission.call_id !== call.id) return { ok: false, problem: 'not-found' }
  const resubmission = submission.status === 'changes_requested'
  if (submission.status !== 'draft' && !resubmission)
    return { ok: true, reference: submission.reference, alreadySubmitted: true }
  if (callState(call, now) !== 'open') return { ok: false, problem: 'closed' }

  const checked = await validateResponse(db, submission)
  if (!checked.ok) return { ok: false, problem: 'incomplete', sections: checked.incomplete }

  const answers = readAnswers(submission.answers)
  const fields = {
    organisationKind: checked.organisation.kind,
    organisationName: checked.organisation.name,
    establishmentUrn: checked.organisation.kind === 'school' ? checked.organisation.urns[0]! : null,
    findings: checked.findings as unknown as Json,
    flagged: checked.findings.length > 0,
    now,
    followUpConsent: answers.consent?.followUp === 'yes',
  }
  return db.transaction().execute(async (trx) => {
    // A first sending freezes the original answers; sending again after a moderator asked for
    // changes keeps them as first sent and carries the changes in the working answers.
    const sent = resubmission
      ? await markResubmitted(trx, submission.id, fields)
      : await markSubmitted(trx, submission.id, { ...fields, originalAnswers: answers as Json })
    if (!sent) return { ok: true, reference: submission.reference, alreadySubmitted: true }
    await replaceSubmissionEstablishments(trx, submission.id, checked.organisation.urns)
    await recordAuditEvent(trx, {
      actorId: null,
      action: resubmission ? 'submission.resubmitted' : 'submission.submitted',
      subjectType: 'submission',
      subjectId: submission.id,
      before: { status: submission.status },
      after: {
        status: 'submitted',
        reference: submission.reference,
        personalDataFindings: checked.findings.length,
      },
    })
    const statusToken = await issueLink(
      trx,
      submission.id,
      'status',
      new Date(call.closes_at.getTime() + STATUS_LINK_DAYS * 86_400_000),
    )
    await queueEmail(
      trx,
      receiptEmail({
        to: submission.respondent_email!,
        call,
        reference: submission.reference,
        summary: checked.summary,
        link: `${options.baseUrl}/calls/${call.slug}/return/${statusToken}`,
        resubmitted: resubmission,
        findings: checked.findings.map((f) => f.match),
      }),
    )
    return { ok: true as const, reference: submission.reference, alreadySubmitted: false }
  })
}

/** Withdraws a sent response while the call is open and before any moderator has taken it. */
export async function withdrawResponse(
  db: Kysely<DB>,
  submissionId: string,
  call: Call,
  now = new Date(),
) {
  if (callState(call, now) !== 'open') return false
  return db.transaction().execute(async (trx) => {
    const withdrawn = await markWithdrawn(trx, submissionId, now)
    if (withdrawn) {
      await recordAuditEvent(trx, {
        actorId: null,
        action: 'submission.withdrawn',
        subjectType: 'submission',
        subjectId: submissionId,
        before: { status: 'submitted' },
        after: { status: 'withdrawn' },
      })
    }
    return withdrawn
  })
}
