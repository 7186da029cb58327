import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { readCallForm, refused } from '~/admin/call-form.server'
import { createCall } from '~/admin/calls.server'
import { requireRole } from '~/accounts/session.server'
import { CallForm } from '~/components/admin/call-form'
import { BackLink } from '~/components/govuk/content'
import { validateCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Create a call', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const form = readCallForm(context, formData)
  if (!form.ok) return form.response
  const result = await createCall(context.services.db, user.id, form.call)
  if (!result.ok) return refused(context, formData, result)
  throw redirect('/admin/calls')
}

export default function NewCall() {
  const answer = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/calls">Back to calls</BackLink>
        <span className="govuk-caption-l">Administration</span>
        <h1 className="govuk-heading-l">Create a call</h1>
        <CallForm
          values={answer?.values ?? {}}
          sections={answer?.sections ?? ['impact', 'files']}
          errors={answer?.errors ?? {}}
          submitLabel="Create the call"
        />
      </div>
    </div>
  )
}
