import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { closeCallNow } from '~/admin/calls.server'
import { requireRole } from '~/accounts/session.server'
import { callState } from '~/calls/call-state'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { findCallForAdmin } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Close a call now', matches)]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const call = await findCallForAdmin(context.services.db, params.slug ?? '')
  if (!call) notFound()
  if (callState(call, context.services.clock.now()) !== 'open')
    throw redirect(`/admin/calls/${call.slug}`)
  return { slug: call.slug, title: call.title, closes: formatLondonDateTime(call.closes_at) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  await closeCallNow(context.services.db, user.id, params.slug ?? '', context.services.clock.now())
  throw redirect('/admin/calls')
}

export default function CloseCall() {
  const { slug, title, closes } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/calls/${slug}`}>Back to the call</BackLink>
        <h1 className="govuk-heading-l">Close “{title}” now?</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            It is due to close at {closes}. Closing it now stops anyone sending a response, even one
            they are part way through. Responses already sent are kept.
          </strong>
        </div>
        <Form method="post">
          <CsrfInput />
          <Button warning>Close the call now</Button>
        </Form>
      </div>
    </div>
  )
}
