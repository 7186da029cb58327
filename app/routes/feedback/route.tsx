import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ContentPage } from '~/components/content-page'

export const meta: MetaFunction = () => [{ title: 'Give feedback - Inclusion in Practice' }]

export function loader({ context }: LoaderFunctionArgs) {
  return { supportEmail: context.services.env.SUPPORT_EMAIL }
}

export default function Feedback() {
  const { supportEmail } = useLoaderData<typeof loader>()
  return (
    <ContentPage title="Give feedback on Inclusion in Practice">
      <p className="govuk-body">
        Tell us what worked, what did not and what you would change. Email{' '}
        <a className="govuk-link" href={`mailto:${supportEmail}`}>
          {supportEmail}
        </a>{' '}
        and we will reply within 5 working days.
      </p>
      <p className="govuk-body">Do not include any personal information about pupils.</p>
    </ContentPage>
  )
}
