import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireFollowUp } from '~/follow-ups/journey.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Answers sent', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp } = await requireFollowUp(request, context, { sent: true })
  return { title: followUp.title, slug: followUp.slug }
}

export default function FollowUpSent() {
  const { title, slug } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Answers sent</h1>
          <div className="govuk-panel__body">Thank you for telling us how it is going</div>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          A moderator will read your answers and remove any personal details. They may publish a new
          version of{' '}
          <Link className="govuk-link" to={`/library/${slug}`}>
            {title}
          </Link>{' '}
          with what you told us; earlier versions stay in the library with their own links.
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
