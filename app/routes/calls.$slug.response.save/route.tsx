import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { BackLink } from '~/components/govuk/content'
import { ErrorSummary } from '~/components/govuk/forms'
import { ReturnLinkForm } from '~/components/response/return-link-form'
import { requireDraft } from '~/submissions/response-access.server'
import { returnLinkSchema } from '~/submissions/return-link.schema'
import { requestReturnLink } from '~/submissions/return-link.server'
import { validateCsrf } from '~/utils/csrf.server'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Your answers have been saved', matches),
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission } = await requireDraft(request, context, params.slug)
  return {
    slug: call.slug,
    email: submission.respondent_email ?? '',
    closes: formatLondonDateTime(call.closes_at),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { call } = await requireDraft(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  return requestReturnLink(context, call, formData, `/calls/${call.slug}/response/save`)
}

export default function Saved() {
  const { slug, email, closes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const sentTo = searchParams.get('to')
  const { register, errors, onSubmit } = useValidatedForm(returnLinkSchema, actionData?.errors)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/calls/${slug}/response`}>Back to your response</BackLink>
        <ErrorSummary errors={errors} order={['email']} />
        {sentTo ? (
          <>
            <h1 className="govuk-heading-l">Check your email</h1>
            <p className="govuk-body">
              If {sentTo} is the address in your response, we have sent it a link to come back to
              your answers. It works until the call closes at {closes} (UK time).
            </p>
            <p className="govuk-body">You can close this page. Your answers are saved.</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Your answers have been saved</h1>
            <p className="govuk-body">
              To come back to them later, we will email you a link. Use the email address you gave
              in the About you section.
            </p>
            <ReturnLinkForm
              register={register}
              errors={errors}
              onSubmit={onSubmit}
              defaultEmail={actionData?.values.email ?? email}
            />
          </>
        )}
      </div>
    </div>
  )
}
