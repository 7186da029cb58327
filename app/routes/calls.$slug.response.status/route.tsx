import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { callState } from '~/calls/call-state'
import { CsrfInput } from '~/components/forms/csrf-input'
import { SummaryList, Tag } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { requireResponse } from '~/submissions/response-access.server'
import { withdrawResponse } from '~/submissions/response.server'
import { validateCsrf } from '~/utils/csrf.server'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Your response', matches)]

const statusText: Record<string, { label: string; colour: string; explain: string }> = {
  draft: { label: 'Not sent', colour: 'grey', explain: 'You have not sent this response yet.' },
  submitted: {
    label: 'Received',
    colour: 'blue',
    explain: 'We have your response. A moderator will read it soon.',
  },
  in_review: {
    label: 'Being reviewed',
    colour: 'light-blue',
    explain: 'A moderator is reading your response.',
  },
  changes_requested: {
    label: 'Changes requested',
    colour: 'yellow',
    explain: 'A moderator has asked you to change something. Check your email for what they asked.',
  },
  approved: {
    label: 'Approved',
    colour: 'turquoise',
    explain: 'Your response has been approved for publication.',
  },
  published: {
    label: 'Published',
    colour: 'green',
    explain: 'Your case study is in the practice library.',
  },
  rejected: {
    label: 'Not published',
    colour: 'red',
    explain: 'We emailed you the reason it was not published.',
  },
  withdrawn: { label: 'Withdrawn', colour: 'grey', explain: 'You withdrew this response.' },
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission } = await requireResponse(request, context, params.slug)
  if (submission.status === 'draft' && callState(call, context.services.clock.now()) === 'open')
    throw redirect(`/calls/${call.slug}/response`)
  return {
    slug: call.slug,
    title: call.title,
    reference: submission.reference,
    status: submission.status,
    submitted: submission.submitted_at
      ? formatLondonDateTime(new Date(submission.submitted_at))
      : null,
    canChange:
      submission.status === 'changes_requested' &&
      callState(call, context.services.clock.now()) === 'open',
    canWithdraw:
      submission.status === 'submitted' &&
      !submission.assigned_to &&
      callState(call, context.services.clock.now()) === 'open',
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { call, submission } = await requireResponse(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  if (formData.get('intent') === 'withdraw' && formData.get('confirm') === 'yes')
    await withdrawResponse(context.services.db, submission.id, call, context.services.clock.now())
  throw redirect(`/calls/${call.slug}/response/status`)
}

export default function ResponseStatus() {
  const { slug, title, reference, status, submitted, canChange, canWithdraw } =
    useLoaderData<typeof loader>()
  const shown = statusText[status] ?? statusText.submitted!
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Your response {reference}</h1>
        <SummaryList
          rows={[
            { key: 'Status', value: <Tag colour={shown.colour}>{shown.label}</Tag> },
            { key: 'Sent', value: submitted ?? 'Not sent' },
          ]}
        />
        <p className="govuk-body">{shown.explain}</p>
        {canChange ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/calls/${slug}/response`}>
              Change your response and send it again
            </Link>
          </p>
        ) : null}
        {canWithdraw ? (
          <>
            <h2 className="govuk-heading-m">Withdraw your response</h2>
            <p className="govuk-body">
              You can withdraw your response until a moderator starts reviewing it. We will not
              publish or use a withdrawn response.
            </p>
            <Form method="post">
              <CsrfInput />
              <div className="govuk-form-group">
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  <div className="govuk-checkboxes__item">
                    <input
                      className="govuk-checkboxes__input"
                      id="confirm"
                      name="confirm"
                      type="checkbox"
                      value="yes"
                      required
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor="confirm">
                      I want to withdraw this response
                    </label>
                  </div>
                </div>
              </div>
              <Button warning name="intent" value="withdraw">
                Withdraw response
              </Button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  )
}
