import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, Textarea } from '~/components/govuk/forms'
import type { Decision } from '~/moderation/state-machine'

const decisionButtons: Record<Decision, string> = {
  claim: 'Claim this submission',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  reject: 'Reject',
  unpublish: 'Unpublish',
}
import type { loader } from './route'

/** The decisions a moderator can take from here, with the reason or message they need. */
export function DecisionForm() {
  const review = useLoaderData<typeof loader>()
  return (
    <>
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
    </>
  )
}
