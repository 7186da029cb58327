import { data, redirect, type ActionFunctionArgs, type AppLoadContext } from '@remix-run/node'
import { requireRole } from '~/accounts/session.server'
import { decide } from '~/moderation/decisions.server'
import { markForDoubleCoding } from '~/moderation/double-coding.server'
import { addNote, assignSubmission, saveDraftEdits, saveTagging } from '~/moderation/editing.server'
import type { Decision } from '~/moderation/state-machine'
import { readTagForm } from '~/moderation/tag-options.server'
import { dismissFinding } from '~/privacy/dismissals.server'
import {
  decideSuggestion,
  prepareSuggestions,
  recordTaggingDecisions,
} from '~/suggestions/suggestions.server'
import {
  publishedFields,
  readPublishedForm,
  type PublishedValues,
} from '~/privacy/published-fields'
import { withoutNul } from '~/submissions/form-input'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { notFound } from '~/utils/responses.server'
import { findDraftForSubmission, findSubmissionForReview, listModerators } from '~/db.server'
import { ReviewIntent, reviewFormValues, TakeDecision } from './review.schema'

/**
 * Suggested tags are made as a moderator claims a submission. They are a help, not part of the
 * claim: if they cannot be made now, the page offers to try again.
 */
async function suggestOnClaim(context: AppLoadContext, submissionId: string, actorId: string) {
  try {
    await prepareSuggestions(context.services, { submissionId, actorId })
  } catch (error) {
    context.services.log.warn({ error: String(error) }, 'tag suggestions not made on claim')
  }
}

interface Conflict {
  current: PublishedValues
  version: number
  changed: string[]
}

const labelOf = (key: string) => publishedFields.find((f) => f.key === key)?.label ?? key

/**
 * The review page's POST: the intent's schema parses the form, one capability function acts,
 * and the answer is a redirect back (Post/Redirect/Get) or the page again with the problem.
 */
export async function reviewAction({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const db = context.services.db
  const submission = await findSubmissionForReview(db, params.reference ?? '')
  if (!submission) notFound()
  const back = redirect(`/moderate/${submission.reference}`)
  const fail = (
    status: number,
    problem: string | Record<string, string>,
    extra?: {
      conflict?: Conflict
      yours?: PublishedValues
      typed?: { fingerprint: string; reason: string }
    },
  ) => {
    markFormErrors(context)
    return data(
      {
        errors: typeof problem === 'string' ? { problem } : problem,
        conflict: extra?.conflict ?? null,
        yours: extra?.yours ?? null,
        typed: extra?.typed ?? null,
      },
      { status },
    )
  }

  const values = reviewFormValues(formData)
  const parsed = ReviewIntent.safeParse(values)
  if (!parsed.success) {
    const intent = String(values.intent ?? '')
    if (intent.startsWith('decision:')) return fail(400, 'Choose a decision from the page')
    if (intent === 'dismiss-finding') {
      const fingerprint = String(values.fingerprint ?? '')
      const issue = parsed.error.issues[0]!
      const reasonId = `reason-${fingerprint}`
      return fail(400, issue.path[0] === 'reason' ? { [reasonId]: issue.message } : issue.message, {
        typed: { fingerprint, reason: String(values.reason ?? '').slice(0, 500) },
      })
    }
    if (intent === 'add-note') return fail(400, 'Enter a note')
    return fail(400, 'Choose an action from the page')
  }
  const form = parsed.data

  const decision = TakeDecision.safeParse(form)
  if (decision.success) {
    const result = await decide(db, {
      submissionId: submission.id,
      actorId: user.id,
      decision: decision.data.intent.slice('decision:'.length) as Decision,
      reason: decision.data.reason,
      baseUrl: context.services.publicBaseUrl,
    })
    if (!result.ok) return fail(result.status, result.message)
    if (decision.data.intent === 'decision:claim')
      await suggestOnClaim(context, submission.id, user.id)
    throw back
  }
  const draft = await findDraftForSubmission(db, submission.id)
  switch (form.intent) {
    case 'save-draft': {
      if (!draft) return fail(409, 'Claim this submission before editing its case study')
      const fields = readPublishedForm((id) => {
        const value = formData.get(id)
        return typeof value === 'string' ? withoutNul(value).trim() : ''
      })
      if (!fields.title)
        return fail(400, { title: 'Enter a title for the case study' }, { yours: fields })
      const result = await saveDraftEdits(db, {
        caseStudyId: draft.id,
        actorId: user.id,
        version: form.version,
        fields,
        reason: form.changeReason,
      })
      if (result.ok) throw back
      if ('personalData' in result) {
        // A published case study: the library would show this text at once, so none is saved.
        const errors: Record<string, string> = {}
        for (const f of result.personalData)
          errors[f.id] =
            `${errors[f.id] ? `${errors[f.id]}; ` : `Remove from ${f.label}: `}${f.kindLabel} “${f.match}”`
        return fail(409, errors, { yours: fields })
      }
      return fail(
        409,
        `Another moderator saved this case study while you were editing it. Your changes have not been saved. Changed since you opened it: ${result.conflict.changed.map(labelOf).join(', ') || 'nothing you edited'}.`,
        { conflict: result.conflict, yours: fields },
      )
    }
    case 'dismiss-finding': {
      if (!draft) return fail(409, 'Claim this submission before reviewing its case study')
      const result = await dismissFinding(db, {
        caseStudyId: draft.id,
        actorId: user.id,
        fingerprint: form.fingerprint,
        reason: form.reason,
      })
      if (!result.ok) return fail(result.status, result.message)
      throw back
    }
    case 'save-tags': {
      if (!draft) return fail(409, 'Claim this submission before tagging it')
      try {
        await saveTagging(db, {
          caseStudyId: draft.id,
          actorId: user.id,
          tags: readTagForm(formData),
          evidenceStrength: form.evidenceStrength,
        })
      } catch {
        return fail(
          400,
          'Choose terms from the lists: one of them has been retired or does not exist',
        )
      }
      await recordTaggingDecisions(db, {
        submissionId: submission.id,
        actorId: user.id,
        tags: readTagForm(formData),
      })
      throw back
    }
    case 'suggestion:accept':
    case 'suggestion:dismiss': {
      const result = await decideSuggestion(db, {
        submissionId: submission.id,
        suggestionId: form.suggestion,
        actorId: user.id,
        decision: form.intent === 'suggestion:accept' ? 'accepted' : 'dismissed',
      })
      if (!result.ok) return fail(result.status, result.message)
      throw back
    }
    case 'suggest-tags': {
      if (!draft) return fail(409, 'Claim this submission before asking for suggested tags')
      await prepareSuggestions(context.services, { submissionId: submission.id, actorId: user.id })
      throw back
    }
    case 'assign': {
      if (!user.roles.includes('admin'))
        return fail(403, 'Only an administrator can assign submissions')
      const moderators = await listModerators(db)
      const chosen = moderators.find((m) => m.id === form.assignee)
      if (form.assignee !== '' && !chosen) return fail(400, 'Choose a moderator from the list')
      await assignSubmission(db, {
        submissionId: submission.id,
        actorId: user.id,
        assigneeId: chosen?.id ?? null,
      })
      throw back
    }
    case 'sample': {
      if (!user.roles.includes('admin'))
        return fail(403, 'Only an administrator can choose submissions for double coding')
      const result = await markForDoubleCoding(db, {
        submissionId: submission.id,
        actorId: user.id,
      })
      if (!result.ok) return fail(409, result.message)
      throw back
    }
    case 'add-note':
      await addNote(db, { submissionId: submission.id, actorId: user.id, body: form.note })
      throw back
  }
  return fail(400, 'Choose an action from the page')
}
