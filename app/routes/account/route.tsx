import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { SummaryList } from '~/components/govuk/content'

export const meta: MetaFunction = () => [{ title: 'Your account - Inclusion in Practice' }]

const roleNames = {
  moderator: 'Moderator',
  advisory: 'Advisory group member',
  admin: 'Administrator',
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator', 'advisory', 'admin'])
  return { user }
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: 'Name', value: user.name },
            { key: 'Email address', value: user.email },
            { key: 'Roles', value: user.roles.map((role) => roleNames[role]).join(', ') },
          ]}
        />
        {user.roles.some((role) => role === 'moderator' || role === 'admin') ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/moderate">
              Moderation queue
            </Link>
          </p>
        ) : null}
        {user.roles.includes('admin') ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/admin">
              Service status
            </Link>
          </p>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-out">
            Sign out
          </Link>
        </p>
      </div>
    </div>
  )
}
