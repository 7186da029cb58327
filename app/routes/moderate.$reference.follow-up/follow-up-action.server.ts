import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/accounts/session.server'
import type { NextVersionDraft } from '~/follow-ups/next-version'
import { decideFollowUp, saveNextVersion } from '~/follow-ups/review.server'
import type { FollowUpDecision, PracticeStatus } from '~/follow-ups/review-state'
import { readPublishedForm, type PublishedValues } from '~/privacy/published-fields'
import { withoutNul } from '~/submissions/form-input'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { notFound } from '~/utils/responses.server'
import { DecideFollowUp, FollowUpIntent, followUpFormValues } from './follow-up-review.schema'
import { locateFollowUp } from './follow-up-review.server'

/**
 * The update's review page POST: the intent's schema parses the form, one capability function
 * acts, and the answer is a redirect back (Post/Redirect/Get) or the page again with the problem.
 */
export async function followUpAction({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const reference = params.reference ?? ''
  const { chosen } = await locateFollowUp(
    context,
    reference,
    new URL(request.url).searchParams.get('round'),
  )
  if (!chosen) notFound()
  const id = chosen.id
  const db = context.services.db
  const back = redirect(`/moderate/${reference}/follow-up?round=${chosen.round}`)
  const fail = (
    status: number,
    problem: string | Record<string, string>,
    extra: { yours?: PublishedValues; current?: NextVersionDraft } = {},
  ) => {
    markFormErrors(context)
    return data(
      {
        errors: typeof problem === 'string' ? { problem } : problem,
        yours: extra.yours ?? null,
        current: extra.current ?? null,
      },
      { status },
    )
  }

  const values = followUpFormValues(formData)
  const parsed = FollowUpIntent.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    if (values.intent === 'save-review' && typeof issue.path[0] === 'string')
      return fail(400, { [issue.path[0]]: issue.message })
    return fail(400, 'Choose an action from the page')
  }
  const form = parsed.data
  const decision = DecideFollowUp.safeParse(form)
  if (decision.success) {
    const result = await decideFollowUp(db, {
      followUpId: id,
      actorId: user.id,
      decision: decision.data.intent.slice('decision:'.length) as FollowUpDecision,
      editVersion: decision.data.editVersion,
      reason: decision.data.reason,
      now: context.services.clock.now(),
    })
    if (!result.ok) return fail(result.status, result.message)
    throw back
  }
  if (form.intent === 'save-draft') {
    const fields = readPublishedForm((name) => {
      const value = formData.get(name)
      return typeof value === 'string' ? withoutNul(value).trim() : ''
    })
    if (!fields.title)
      return fail(400, { title: 'Enter a title for the case study' }, { yours: fields })
    const result = await saveNextVersion(db, {
      followUpId: id,
      actorId: user.id,
      editVersion: form.version,
      change: (draft) => ({ ...draft, values: fields }),
    })
    if (result.ok) throw back
    return fail(result.status, result.message, { yours: fields, current: result.conflict?.current })
  }
  if (form.intent === 'save-review') {
    const result = await saveNextVersion(db, {
      followUpId: id,
      actorId: user.id,
      editVersion: form.version,
      change: (draft) => ({
        ...draft,
        evidenceStrength: form.evidenceStrength,
        practiceStatus: form.practiceStatus as PracticeStatus,
        changeSummary: form.changeSummary,
      }),
    })
    if (result.ok) throw back
    return fail(result.status, result.message, { current: result.conflict?.current })
  }
  return fail(400, 'Choose an action from the page')
}
