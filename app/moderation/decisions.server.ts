import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { findCallDeadlineById } from '../../db/repositories/calls'
import {
  findDraftForSubmission,
  insertReview,
  listCaseStudyTagCodes,
  lockSubmission,
  updateSubmissionStatus,
} from '../../db/repositories/moderation'
import type { DB } from '../../db/types'
import { lockCaseStudyText, markScanned, resolvePrivacyAlerts } from '../../db/repositories/privacy'
import { describeFindings } from '../privacy/case-study-scan.server'
import { checkCaseStudyText } from '../privacy/checks.server'
import { readPublishedValues } from '../privacy/published-fields'
import { scannerVersion } from '../submissions/personal-data'
import { insertRespondentToken } from '../../db/repositories/respondent-tokens'
import { hashToken, newToken } from '../submissions/respondent-session.server'
import { queueEmail } from '../notifications/email.server'
import type { StoredAnswers } from '../submissions/answers'
import { identifiersIn } from '../privacy/identifiers'
import { caseStudySlug, createDraftFromSubmission } from './case-study-draft.server'
import { decisionEmail } from './emails'
import { setCaseStudyPublished } from './publication.server'
import { publishProblems, transition, type Decision, type SubmissionStatus } from './state-machine'

export type DecisionResult =
  { ok: true; status: SubmissionStatus } | { ok: false; status: 404 | 409 | 400; message: string }

const needsReason: Partial<Record<Decision, string>> = {
  reject: 'Enter the reason for rejecting this submission',
  request_changes: 'Enter the changes you are asking the respondent to make',
}

/**
 * Takes one moderation decision. The submission row is locked for the transaction, the state
 * machine is consulted, and the status, the review, the audit event, the case study, its outbox
 * row and any email to the respondent are written together — or, if anything refuses, nothing is.
 */
export async function decide(
  db: Kysely<DB>,
  input: {
    submissionId: string
    actorId: string
    decision: Decision
    reason?: string
    baseUrl: string
  },
): Promise<DecisionResult> {
  const reason = input.reason?.trim().slice(0, 5000) ?? ''
  const missing = needsReason[input.decision]
  if (missing && !reason) return { ok: false, status: 400, message: missing }

  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const submission = await lockSubmission(trx, input.submissionId)
    if (!submission) return { ok: false, status: 404, message: 'There is no such submission' }
    const from = submission.status as SubmissionStatus
    const step = transition(from, input.decision)
    if (!step.ok) return { ok: false, status: 409, message: step.message }

    let draft = await findDraftForSubmission(trx, submission.id)
    if (input.decision === 'claim' && !draft) {
      await createDraftFromSubmission(trx, submission)
      draft = await findDraftForSubmission(trx, submission.id)
    }
    if (input.decision === 'publish') {
      // The full text as it will be published, locked and scanned inside this transaction: what
      // the scan passes is exactly what the library gets.
      const text = draft ? await lockCaseStudyText(trx, draft.id) : undefined
      const tags = draft ? await listCaseStudyTagCodes(trx, draft.id) : []
      const answers = (submission.original_answers ?? {}) as StoredAnswers
      const check = text
        ? await checkCaseStudyText(trx, text.id, readPublishedValues(text), text.organisation_named)
        : { open: [] }
      const problems = publishProblems({
        summary: text?.summary ?? '',
        practiceTags: tags.filter((t) => t.scheme === 'practice').length,
        needTags: tags.filter((t) => t.scheme === 'need').length,
        personalData: describeFindings(check.open),
        publication: answers.consent?.publication,
      })
      if (problems.length > 0) return { ok: false, status: 409, message: problems.join('. ') }
    }

    await updateSubmissionStatus(trx, submission.id, {
      status: step.to,
      ...(input.decision === 'claim' ? { assignedTo: input.actorId } : {}),
    })
    if (draft && (input.decision === 'publish' || input.decision === 'unpublish')) {
      const published = input.decision === 'publish'
      // The address was made from the respondent's title when the draft was claimed, before any
      // personal data was taken out of it: a first publication makes it again from the title as
      // it is now, and so does any publication while it holds an identifier.
      const text = published ? await lockCaseStudyText(trx, draft.id) : undefined
      if (text && (text.published_at === null || identifiersIn(text.slug).length > 0))
        draft = { ...draft, slug: caseStudySlug(text.title) }
      await setCaseStudyPublished(trx, {
        caseStudyId: draft.id,
        actorId: input.actorId,
        published,
        slug: draft.slug,
        auditedByDecision: true,
      })
      if (published) {
        await markScanned(trx, [draft.id], scannerVersion)
        await resolvePrivacyAlerts(trx, draft.id, input.actorId)
      }
    }
    await insertReview(trx, {
      submissionId: submission.id,
      moderatorId: input.actorId,
      decision: input.decision,
      from,
      to: step.to,
      reason: reason || null,
    })
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: `submission.${input.decision}`,
      subjectType: 'submission',
      subjectId: submission.id,
      before: { status: from, assignedTo: submission.assigned_to },
      after: {
        status: step.to,
        ...(input.decision === 'claim' ? { assignedTo: input.actorId } : {}),
        ...(reason ? { reason } : {}),
      },
    })
    let link = draft ? `${input.baseUrl}/library/${draft.slug}` : input.baseUrl
    if (input.decision === 'request_changes') {
      // A link back into the response, to change it and send it again while the call is open.
      const call = await findCallDeadlineById(trx, submission.call_id)
      const token = newToken()
      await insertRespondentToken(trx, {
        hash: hashToken(token),
        submissionId: submission.id,
        purpose: 'return',
        expiresAt: call.closes_at,
      })
      link = `${input.baseUrl}/calls/${call.slug}/return/${token}`
    }
    const email = decisionEmail({
      decision: input.decision,
      to: submission.respondent_email,
      reference: submission.reference,
      reason,
      link,
    })
    if (email) await queueEmail(trx, email)
    return { ok: true, status: step.to }
  })
}
