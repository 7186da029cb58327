import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { readCallForm, refused } from '~/admin/call-form.server'
import { toFormDateTime } from '~/admin/call.schema'
import { updateCall } from '~/admin/calls.server'
import { requireRole } from '~/accounts/session.server'
import { callState } from '~/calls/call-state'
import { CallForm } from '~/components/admin/call-form'
import { BackLink } from '~/components/govuk/content'
import { validateCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { findCallForAdmin } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Change a call', matches)]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const call = await findCallForAdmin(context.services.db, params.slug ?? '')
  if (!call) notFound()
  return {
    state: callState(call, context.services.clock.now()),
    slug: call.slug,
    values: {
      title: call.title,
      slug: call.slug,
      summary: call.summary,
      description: call.description,
      ...toFormDateTime(new Date(call.opens_at), 'opens'),
      ...toFormDateTime(new Date(call.closes_at), 'closes'),
    },
    sections: call.question_sections,
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const form = readCallForm(context, formData)
  if (!form.ok) return form.response
  const result = await updateCall(
    context.services.db,
    user.id,
    params.slug ?? '',
    form.call,
    context.services.clock.now(),
  )
  if (!result.ok) return refused(context, formData, result)
  throw redirect('/admin/calls')
}

export default function EditCall() {
  const { state, slug, values, sections } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/calls">Back to calls</BackLink>
        <span className="govuk-caption-l">Administration</span>
        <h1 className="govuk-heading-l">Change a call</h1>
        {state === 'open' ? (
          <div className="govuk-inset-text">
            This call is open. Changing its dates is recorded in the audit log.{' '}
            <Link className="govuk-link" to={`/admin/calls/${slug}/close`}>
              Close this call now
            </Link>
          </div>
        ) : null}
        <CallForm
          values={answer?.values ?? values}
          sections={answer?.sections ?? sections}
          errors={answer?.errors ?? {}}
          submitLabel="Save changes"
          slugLocked={state !== 'scheduled'}
        />
      </div>
    </div>
  )
}
