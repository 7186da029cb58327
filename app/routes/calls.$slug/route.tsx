import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { findCallBySlug } from '../../../db/repositories/calls'
import { describeCall } from '~/calls/call-state'
import { NotificationBanner } from '~/components/govuk/content'
import { notFound } from '~/utils/responses.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.title} - Inclusion in Practice`
      : 'Page not found - Inclusion in Practice',
  },
]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const call = await findCallBySlug(context.services.db, params.slug ?? '')
  if (!call) notFound()
  return {
    title: call.title,
    summary: call.summary,
    description: call.description,
    ...describeCall(call),
  }
}

export default function CallPage() {
  const call = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Call for evidence</span>
        <h1 className="govuk-heading-xl">{call.title}</h1>
        {call.state !== 'open' ? (
          <NotificationBanner>
            <p className="govuk-notification-banner__heading">
              {call.state === 'closed'
                ? `This call for evidence closed at ${call.closes}.`
                : `This call for evidence opens at ${call.opens}.`}
            </p>
          </NotificationBanner>
        ) : null}
        <p className="govuk-body-l">{call.summary}</p>
        <p className="govuk-body">{call.description}</p>
        <h2 className="govuk-heading-m">Who can respond</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>schools and colleges</li>
          <li>multi-academy trusts, for one school or several</li>
          <li>local authorities and local-area SEND partnerships</li>
          <li>other organisations that support inclusion in mainstream schools</li>
        </ul>
        <h2 className="govuk-heading-m">When</h2>
        <p className="govuk-body">
          The call opens at {call.opens} and closes at {call.closes} (UK time).
        </p>
        <h2 className="govuk-heading-m">What happens to your response</h2>
        <p className="govuk-body">
          Moderators read every response, remove personal details and publish the strongest as case
          studies in the{' '}
          <Link className="govuk-link" to="/library">
            practice library
          </Link>
          . Read the{' '}
          <Link className="govuk-link" to="/privacy">
            privacy notice
          </Link>{' '}
          to find out how we use personal data.
        </p>
      </div>
    </div>
  )
}
