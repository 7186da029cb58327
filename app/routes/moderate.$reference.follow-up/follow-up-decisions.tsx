import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, Textarea } from '~/components/govuk/forms'
import type { FollowUpDecision } from '~/follow-ups/review-state'
import type { loader } from './route'

const buttons: Record<FollowUpDecision, string> = {
  claim: 'Claim this update',
  publish: 'Publish as a new version',
  record: 'Record without publishing',
}

/** Claim, publish the next version, or record the update without publishing it. */
export function FollowUpDecisions() {
  const { decisions, followUp, draftFindings, summaryFindings } =
    useLoaderData<typeof loader>().review!
  if (decisions.length === 0) return null
  const open = draftFindings.filter((f) => f.open).length + summaryFindings.length
  return (
    <Form method="post" className="govuk-!-margin-bottom-6">
      <CsrfInput />
      <input type="hidden" name="editVersion" value={followUp.editVersion} />
      {open > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The next version holds {open} possible {open === 1 ? 'piece' : 'pieces'} of personal
            data. Remove {open === 1 ? 'it' : 'them'} before publishing.
          </strong>
        </div>
      ) : null}
      {decisions.includes('record') ? (
        <Textarea
          name="reason"
          label="Note for the record (optional)"
          hint="For example, why the update is recorded without publishing. Kept in the audit log."
          rows={2}
        />
      ) : null}
      <div className="govuk-button-group">
        {decisions.map((decision) => (
          <Button
            key={decision}
            name="intent"
            value={`decision:${decision}`}
            secondary={decision === 'record'}
            preventDoubleClick
          >
            {buttons[decision]}
          </Button>
        ))}
      </div>
    </Form>
  )
}
