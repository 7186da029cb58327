import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { callState, type CallState } from '~/calls/call-state'
import { Table, Tag } from '~/components/govuk/content'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'
import { listCallsForAdmin } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Calls for evidence', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const now = context.services.clock.now()
  const calls = await listCallsForAdmin(context.services.db)
  return {
    calls: calls.map((call) => ({
      slug: call.slug,
      title: call.title,
      state: callState(call, now),
      opens: formatLondonDateTime(new Date(call.opens_at)),
      closes: formatLondonDateTime(new Date(call.closes_at)),
      responses: call.responses ?? 0,
    })),
  }
}

const stateTags: Record<CallState, { label: string; colour: string }> = {
  scheduled: { label: 'Scheduled', colour: 'blue' },
  open: { label: 'Open', colour: 'green' },
  closed: { label: 'Closed', colour: 'grey' },
}

export default function AdminCalls() {
  const { calls } = useLoaderData<typeof loader>()
  return (
    <>
      <span className="govuk-caption-l">Administration</span>
      <h1 className="govuk-heading-l">Calls for evidence</h1>
      <Link to="/admin/calls/new" className="govuk-button" data-module="govuk-button">
        Create a call
      </Link>
      <Table
        caption="Calls, newest first"
        captionSize="hidden"
        head={['Call', 'State', 'Opens', 'Closes', 'Responses']}
        numeric={[4]}
        rows={calls.map((call) => [
          <Link className="govuk-link" to={`/admin/calls/${call.slug}`} key="title">
            {call.title}
          </Link>,
          <Tag colour={stateTags[call.state].colour} key="state">
            {stateTags[call.state].label}
          </Tag>,
          call.opens,
          call.closes,
          call.responses.toLocaleString('en-GB'),
        ])}
      />
    </>
  )
}
