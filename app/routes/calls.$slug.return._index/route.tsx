import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { BackLink } from '~/components/govuk/content'
import { ErrorSummary } from '~/components/govuk/forms'
import { ReturnLinkForm } from '~/components/response/return-link-form'
import { Honeypot } from '~/components/response/honeypot'
import { formStamp } from '~/submissions/abuse.server'
import { requireCall } from '~/submissions/response-access.server'
import { returnLinkSchema } from '~/submissions/return-link.schema'
import { requestReturnLink } from '~/submissions/return-link.server'
import { validateCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Get a link to your response', matches),
]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const call = await requireCall(context, params.slug)
  return { slug: call.slug, title: call.title, stamp: formStamp(context) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const call = await requireCall(context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  return requestReturnLink(context, call, formData, `/calls/${call.slug}/return`)
}

export default function RequestLink() {
  const { slug, title, stamp } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const sentTo = searchParams.get('to')
  const { register, errors, onSubmit } = useValidatedForm(returnLinkSchema, actionData?.errors)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/calls/${slug}`}>Back</BackLink>
        <ErrorSummary errors={errors} order={['email']} />
        <span className="govuk-caption-l">{title}</span>
        {sentTo ? (
          <>
            <h1 className="govuk-heading-l">Check your email</h1>
            <p className="govuk-body">
              If there is a response from {sentTo}, we have sent a link to it. The link opens your
              answers, or your response’s status if you have sent it.
            </p>
            <p className="govuk-body">
              If nothing arrives within a few minutes, check your spam folder.
            </p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Get a link to your response</h1>
            <p className="govuk-body">
              Enter the email address you gave in your response and we will send you a link back to
              it.
            </p>
            <ReturnLinkForm
              register={register}
              errors={errors}
              onSubmit={onSubmit}
              defaultEmail={actionData?.values.email}
            >
              <Honeypot />
              <input type="hidden" name="formStamp" value={stamp} />
            </ReturnLinkForm>
          </>
        )}
      </div>
    </div>
  )
}
