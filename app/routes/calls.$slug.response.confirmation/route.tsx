import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireResponse } from '~/submissions/response-access.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Response sent', matches)]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission } = await requireResponse(request, context, params.slug)
  if (submission.status === 'draft') throw redirect(`/calls/${call.slug}/response`)
  return {
    slug: call.slug,
    title: call.title,
    reference: submission.reference,
    email: submission.respondent_email,
  }
}

export default function Confirmation() {
  const { slug, title, reference, email } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Response sent</h1>
          <div className="govuk-panel__body">
            Your reference number
            <br />
            <strong>{reference}</strong>
          </div>
        </div>
        <p className="govuk-body">
          Thank you for your response to {title}. We have sent a copy of your answers to{' '}
          <strong>{email}</strong>.
        </p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          A moderator will read your response and remove any personal details. If you agreed to
          publication, it may become a case study in the{' '}
          <Link className="govuk-link" to="/library">
            practice library
          </Link>
          . We will email you when it is published, or tell you why it was not.
        </p>
        <p className="govuk-body">
          You can{' '}
          <Link className="govuk-link" to={`/calls/${slug}/response/status`}>
            see your response’s status
          </Link>{' '}
          at any time through the link in your email.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/feedback">
            What did you think of this service?
          </Link>{' '}
          (takes 30 seconds)
        </p>
      </div>
    </div>
  )
}
