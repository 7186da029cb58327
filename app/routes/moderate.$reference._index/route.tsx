import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, NotificationBanner, Tag } from '~/components/govuk/content'
import { Button, ErrorSummary, Textarea } from '~/components/govuk/forms'
import { decide } from '~/moderation/decisions.server'
import { addNote, assignSubmission, saveDraftEdits, saveTagging } from '~/moderation/editing.server'
import { DismissFinding } from '~/privacy/dismiss.schema'
import { dismissFinding } from '~/privacy/dismissals.server'
import {
  publishedFields,
  readPublishedForm,
  type PublishedValues,
} from '~/privacy/published-fields'
import {
  decisions,
  statusLabels,
  type Decision,
  type SubmissionStatus,
} from '~/moderation/state-machine'
import { withoutNul } from '~/submissions/form-input'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { evidenceStrengthLevels } from '../../../seeds/data/taxonomy'
import {
  findDraftForSubmission,
  findSubmissionForReview,
  listModerators,
} from '../../../db/repositories/moderation'
import { TagCheckboxes } from '~/components/moderation/tag-checkboxes'
import { highlight } from '~/moderation/highlight'
import { markForDoubleCoding } from '~/moderation/double-coding.server'
import { readTagForm } from '~/moderation/tag-options.server'
import { CaseStudyForm } from './case-study-form'
import { PersonalDataPanel } from './personal-data-panel'
import { loadReview } from './review.server'

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  pageTitle(`${loaded ? `${loaded.submission.reference} - ` : ''}Moderation`, matches),
]

interface Conflict {
  current: PublishedValues
  version: number
  changed: string[]
}

const text = (formData: FormData, name: string, max: number) => {
  const value = formData.get(name)
  return typeof value === 'string' ? withoutNul(value).trim().slice(0, max) : ''
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const review = await loadReview(context, params.reference ?? '')
  return {
    ...review,
    isAdmin: user.roles.includes('admin'),
    // The second coder works blind: a link here, never the first coder's tags on their page.
    canSecondCode: review.sampled && review.assignedTo !== user.id,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const db = context.services.db
  const submission = await findSubmissionForReview(db, params.reference ?? '')
  if (!submission) notFound()
  const back = redirect(`/moderate/${submission.reference}`)
  const intent = formData.get('intent')
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

  if (typeof intent === 'string' && intent.startsWith('decision:')) {
    const decision = intent.slice('decision:'.length) as Decision
    if (!decisions.includes(decision)) return fail(400, 'Choose a decision from the page')
    const result = await decide(db, {
      submissionId: submission.id,
      actorId: user.id,
      decision,
      reason: text(formData, 'reason', 5000),
      baseUrl: context.services.publicBaseUrl,
    })
    if (!result.ok) return fail(result.status, result.message)
    throw back
  }
  const draft = await findDraftForSubmission(db, submission.id)
  if (intent === 'save-draft') {
    if (!draft) return fail(409, 'Claim this submission before editing its case study')
    const fields = readPublishedForm((id) => text(formData, id, 20_000))
    if (!fields.title)
      return fail(400, { title: 'Enter a title for the case study' }, { yours: fields })
    const version = Number(formData.get('version'))
    const result = await saveDraftEdits(db, {
      caseStudyId: draft.id,
      actorId: user.id,
      version: Number.isInteger(version) ? version : -1,
      fields,
      reason: text(formData, 'changeReason', 500),
    })
    if (result.ok) throw back
    if ('personalData' in result) {
      // A published case study: the library would show this text at once, so none of it is saved.
      const errors: Record<string, string> = {}
      for (const f of result.personalData)
        errors[f.id] =
          `${errors[f.id] ? `${errors[f.id]}; ` : `Remove from ${f.label}: `}${f.kindLabel} “${f.match}”`
      return fail(409, errors, { yours: fields })
    }
    return fail(
      409,
      `Another moderator saved this case study while you were editing it. Your changes have not been saved. Changed since you opened it: ${result.conflict.changed.map((key) => publishedFields.find((f) => f.key === key)?.label ?? key).join(', ') || 'nothing you edited'}.`,
      { conflict: result.conflict, yours: fields },
    )
  }
  if (intent === 'dismiss-finding') {
    if (!draft) return fail(409, 'Claim this submission before reviewing its case study')
    const fingerprint = String(formData.get('fingerprint') ?? '')
    const reasonId = `reason-${fingerprint}`
    const parsed = DismissFinding.safeParse({
      intent,
      fingerprint,
      reason: withoutNul(String(formData.get(reasonId) ?? '')),
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(400, issue.path[0] === 'reason' ? { [reasonId]: issue.message } : issue.message, {
        typed: { fingerprint, reason: String(formData.get(reasonId) ?? '').slice(0, 500) },
      })
    }
    const result = await dismissFinding(db, {
      caseStudyId: draft.id,
      actorId: user.id,
      fingerprint: parsed.data.fingerprint,
      reason: parsed.data.reason,
    })
    if (!result.ok) return fail(result.status, result.message)
    throw back
  }
  if (intent === 'save-tags') {
    if (!draft) return fail(409, 'Claim this submission before tagging it')
    const tags = readTagForm(formData)
    const strength = formData.get('evidenceStrength')
    try {
      await saveTagging(db, {
        caseStudyId: draft.id,
        actorId: user.id,
        tags,
        evidenceStrength:
          typeof strength === 'string' && /^[0-4]$/.test(strength) ? Number(strength) : null,
      })
    } catch {
      return fail(
        400,
        'Choose terms from the lists: one of them has been retired or does not exist',
      )
    }
    throw back
  }
  if (intent === 'assign') {
    if (!user.roles.includes('admin'))
      return fail(403, 'Only an administrator can assign submissions')
    const assignee = formData.get('assignee')
    const moderators = await listModerators(db)
    const chosen = moderators.find((m) => m.id === assignee)
    if (assignee !== '' && !chosen) return fail(400, 'Choose a moderator from the list')
    await assignSubmission(db, {
      submissionId: submission.id,
      actorId: user.id,
      assigneeId: chosen?.id ?? null,
    })
    throw back
  }
  if (intent === 'sample') {
    if (!user.roles.includes('admin'))
      return fail(403, 'Only an administrator can choose submissions for double coding')
    const result = await markForDoubleCoding(db, { submissionId: submission.id, actorId: user.id })
    if (!result.ok) return fail(409, result.message)
    throw back
  }
  if (intent === 'add-note') {
    const body = text(formData, 'note', 5000)
    if (!body) return fail(400, 'Enter a note')
    await addNote(db, { submissionId: submission.id, actorId: user.id, body })
    throw back
  }
  return fail(400, 'Choose an action from the page')
}

const decisionButtons: Record<Decision, string> = {
  claim: 'Claim this submission',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  reject: 'Reject',
  unpublish: 'Unpublish',
}

export default function Review() {
  const review = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { submission, original, findings, draft, tags, options } = review
  const conflict =
    actionData?.conflict && actionData.yours
      ? { conflict: actionData.conflict, yours: actionData.yours }
      : null
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <>
      <BackLink to="/moderate">Back to the queue</BackLink>
      <ErrorSummary errors={errors} />
      {review.alerts.length > 0 ? (
        <NotificationBanner title="Taken out of the library">
          <h2 className="govuk-notification-banner__heading">
            A check at the public boundary found a pupil identifier in this case study
          </h2>
          <ul className="govuk-list">
            {review.alerts.map((alert, i) => (
              <li key={i}>
                {alert.at} ({alert.surface}): {alert.findings.join(', ')}
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            It is no longer published. Remove the identifier, then publish it again.
          </p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{submission.reference}</span>
      <h1 className="govuk-heading-l" id="problem">
        {draft?.title || original.title || 'Untitled submission'}
      </h1>
      <p className="govuk-body">
        <Tag colour="blue">{statusLabels[submission.status]}</Tag> {submission.organisation} · sent{' '}
        {submission.submitted} · held by {submission.assignee ?? 'nobody'} · consent:{' '}
        {submission.publication || 'not given'}
      </p>

      <Form method="post" className="govuk-!-margin-bottom-6">
        <CsrfInput />
        {review.decisions.some((d) => d === 'reject' || d === 'request_changes') ? (
          <Textarea
            name="reason"
            label="Reason or message to the respondent"
            hint="Needed to reject (for example, “Duplicate of IIP-…”) or to request changes"
            rows={3}
          />
        ) : null}
        <div className="govuk-button-group">
          {review.decisions.map((decision) => (
            <Button
              key={decision}
              name="intent"
              value={`decision:${decision}`}
              secondary={decision !== 'claim' && decision !== 'publish'}
              warning={decision === 'reject' || decision === 'unpublish'}
            >
              {decisionButtons[decision]}
            </Button>
          ))}
        </div>
      </Form>

      {findings.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <h2 className="govuk-heading-s">Possible personal data in the response</h2>
            <ul className="govuk-list">
              {findings.map((f, i) => (
                <li key={i}>
                  {f.kind} “<mark>{f.match}</mark>” in {f.where}
                </li>
              ))}
            </ul>
            <p className="govuk-body">
              The respondent’s answers are never changed. The case study below is scanned each time
              it is saved, and cannot be published while personal data is left in it.
            </p>
          </div>
        </div>
      ) : null}

      {review.sampled ? (
        <p className="govuk-body">
          This submission is in the double-coding sample.{' '}
          {review.canSecondCode ? (
            <Link className="govuk-link" to={`/moderate/${submission.reference}/second-coding`}>
              Code it a second time
            </Link>
          ) : null}
        </p>
      ) : null}
      {review.duplicates.length > 0 ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">Possible duplicates</h2>
          <ul className="govuk-list">
            {review.duplicates.map((d) => (
              <li key={d.reference}>
                <Link className="govuk-link" to={`/moderate/${d.reference}`}>
                  {d.reference}
                </Link>{' '}
                {d.title} ({d.organisation_name}
                {d.sameOrganisation ? ', same organisation' : ''}; similarity{' '}
                {Math.round(d.similarity * 100)}%; {statusLabels[d.status as SubmissionStatus]})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {review.isAdmin && draft && !review.sampled ? (
        <Form method="post" className="govuk-!-margin-bottom-6">
          <CsrfInput />
          <Button secondary name="intent" value="sample">
            Add to the double-coding sample
          </Button>
        </Form>
      ) : null}
      {review.isAdmin ? (
        <Form method="post" className="govuk-!-margin-bottom-6">
          <CsrfInput />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="assignee">
              Assign to
            </label>
            <select
              className="govuk-select"
              id="assignee"
              name="assignee"
              defaultValue={review.assignedTo ?? ''}
            >
              <option value="">Nobody</option>
              {review.moderators.map((m) => (
                <option value={m.id} key={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <Button secondary name="intent" value="assign">
            Assign
          </Button>
        </Form>
      ) : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          {review.revised.length > 0 ? (
            <div className="govuk-inset-text">
              <h2 className="govuk-heading-m">Changed when sent again</h2>
              {review.revised.map((section) => (
                <div key={section.label}>
                  <h3 className="govuk-heading-s">{section.label}</h3>
                  <p className="govuk-body app-preserve-lines">{section.value}</p>
                </div>
              ))}
            </div>
          ) : null}
          <h2 className="govuk-heading-m">What the respondent sent</h2>
          {review.files.length > 0 ? (
            <>
              <h3 className="govuk-heading-s">Supporting files</h3>
              <ul className="govuk-list">
                {review.files.map((file) => (
                  <li key={file.id}>
                    <a
                      className="govuk-link"
                      href={`/moderate/${submission.reference}/files/${file.id}`}
                      download
                    >
                      {file.name}
                    </a>{' '}
                    ({file.size})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="govuk-hint">Read only: the original answers are never changed.</p>
          {original.sections.map((section) => (
            <div key={section.label}>
              <h3 className="govuk-heading-s">{section.label}</h3>
              <p className="govuk-body app-preserve-lines">
                {highlight(
                  section.value,
                  findings.map((f) => f.match),
                ).map((part, i) =>
                  part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </p>
            </div>
          ))}
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Case study to publish</h2>
          {draft ? (
            <>
              <PersonalDataPanel
                findings={review.draftFindings}
                dismissals={review.dismissals}
                errors={errors}
                typed={actionData?.typed ?? null}
              />
              <CaseStudyForm
                values={actionData?.yours ?? draft}
                version={conflict?.conflict.version ?? draft.version}
                stored={conflict?.conflict.current ?? null}
                changed={conflict?.conflict.changed ?? []}
                findings={review.draftFindings}
                errors={errors}
                organisationNamed={draft.organisation_named}
              />
            </>
          ) : (
            <p className="govuk-body">Claim this submission to start its case study.</p>
          )}
        </div>
      </div>

      {draft ? (
        <Form method="post">
          <CsrfInput />
          <h2 className="govuk-heading-m">Tags</h2>
          <TagCheckboxes options={options} chosen={tags} />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Strength of evidence
              </legend>
              <div className="govuk-radios govuk-radios--small">
                {evidenceStrengthLevels.map((level) => (
                  <div className="govuk-radios__item" key={level.value}>
                    <input
                      className="govuk-radios__input"
                      id={`evidenceStrength-${level.value}`}
                      name="evidenceStrength"
                      type="radio"
                      value={level.value}
                      defaultChecked={draft.evidence_strength === level.value}
                      aria-describedby={`evidenceStrength-${level.value}-hint`}
                    />
                    <label
                      className="govuk-label govuk-radios__label"
                      htmlFor={`evidenceStrength-${level.value}`}
                    >
                      {level.value}: {level.label}
                    </label>
                    <div
                      id={`evidenceStrength-${level.value}-hint`}
                      className="govuk-hint govuk-radios__hint"
                    >
                      {level.description}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <Button secondary name="intent" value="save-tags">
            Save tags
          </Button>
        </Form>
      ) : null}

      <h2 className="govuk-heading-m">Notes for staff</h2>
      {review.notes.map((note, i) => (
        <div className="govuk-inset-text" key={i}>
          <p className="govuk-body app-preserve-lines">{note.body}</p>
          <p className="govuk-hint govuk-!-margin-0">
            {note.name}, {note.at}
          </p>
        </div>
      ))}
      <Form method="post">
        <CsrfInput />
        <Textarea name="note" label="Add a note" hint="Only staff see notes" rows={3} />
        <Button secondary name="intent" value="add-note">
          Add note
        </Button>
      </Form>

      <h2 className="govuk-heading-m">History</h2>
      {review.reviews.length === 0 ? <p className="govuk-body">No decisions yet.</p> : null}
      <ul className="govuk-list">
        {review.reviews.map((r, i) => (
          <li key={i}>
            {r.at}: {r.name} — {r.decision.replace('_', ' ')} ({r.from_status.replace('_', ' ')} →{' '}
            {r.to_status.replace('_', ' ')}){r.reason ? `: ${r.reason}` : ''}
          </li>
        ))}
      </ul>
    </>
  )
}
