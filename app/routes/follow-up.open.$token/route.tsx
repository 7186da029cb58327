import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button } from '~/components/govuk/forms'
import { findInvitation, linkProblemPage, openFollowUpLink } from '~/follow-ups/journey.server'
import { validateCsrf } from '~/utils/csrf.server'
import { formatLondonDate } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Tell us how your practice is going', matches),
]

/**
 * The emailed link. Opening it (GET) changes nothing, so a mail scanner that fetches links does
 * not use it up; the start button (POST) uses it, once, and opens the journey in this browser.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context, params.token ?? '')
  const now = context.services.clock.now()
  if (
    !invitation ||
    invitation.status !== 'invited' ||
    invitation.link_used_at ||
    new Date(invitation.expires_at) <= now
  )
    linkProblemPage(context, invitation)
  return {
    title: invitation.title,
    months: invitation.months,
    closes: formatLondonDate(new Date(invitation.expires_at)),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // A link that cannot be used says so first, as its page does, whatever was posted.
  const invitation = await findInvitation(context, params.token ?? '')
  if (!invitation) linkProblemPage(context, invitation)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const cookie = await openFollowUpLink(context, params.token ?? '')
  throw redirect('/follow-up/running', { headers: { 'Set-Cookie': cookie } })
}

export default function OpenFollowUp() {
  const { title, months, closes } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{months} months on</span>
        <h1 className="govuk-heading-xl">Tell us how your practice is going</h1>
        <p className="govuk-body-l">“{title}”</p>
        <p className="govuk-body">We will ask:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>whether the practice is still running, and if not why</li>
          <li>what has changed</li>
          <li>any new figures, before and now</li>
          <li>how many pupils it reaches now</li>
          <li>anything you would add to your advice to other leaders</li>
        </ul>
        <p className="govuk-body">
          It takes about 10 minutes. You can answer until {closes}. A moderator reads your answers
          and may publish them as a new version of your case study.
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This link works once. Starting opens your answers in this browser only.
          </strong>
        </div>
        <Form method="post">
          <CsrfInput />
          <Button isStartButton preventDoubleClick>
            Start now
          </Button>
        </Form>
      </div>
    </div>
  )
}
