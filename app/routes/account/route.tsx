import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { NotificationBanner, SummaryList } from '~/components/govuk/content'
import { findTwoFactor } from '~/db.server'

export const meta: MetaFunction = () => [{ title: 'Your account - Inclusion in Practice' }]

const roleNames = {
  moderator: 'Moderator',
  advisory: 'Advisory group member',
  admin: 'Administrator',
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator', 'advisory', 'admin'])
  const twoFactor = await findTwoFactor(context.services.db, user.id)
  return { user, twoFactorOn: Boolean(twoFactor?.totp_enabled_at) }
}

export default function Account() {
  const { user, twoFactorOn } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const changed = searchParams.get('twoFactor')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {(changed === 'on' && twoFactorOn) || (changed === 'off' && !twoFactorOn) ? (
          <NotificationBanner success title="Success">
            <p className="govuk-notification-banner__heading">
              Two-factor sign-in is {changed === 'on' ? 'on' : 'off'} for your account.
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: 'Name', value: user.name },
            { key: 'Email address', value: user.email },
            { key: 'Roles', value: user.roles.map((role) => roleNames[role]).join(', ') },
            {
              key: 'Two-factor sign-in',
              value: (
                <>
                  {twoFactorOn ? 'On' : 'Off'}{' '}
                  <Link className="govuk-link govuk-!-margin-left-2" to="/account/two-factor">
                    {twoFactorOn ? 'Manage' : 'Turn on'}
                    <span className="govuk-visually-hidden"> two-factor sign-in</span>
                  </Link>
                </>
              ),
            },
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
