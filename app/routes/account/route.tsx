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

type Role = keyof typeof roleNames

/**
 * Where each role's work is, so that the page people land on after signing in leads to it.
 * Administrators can open every area, so they see every group.
 */
const work: {
  role: Role
  heading: string
  links: { to: string; text: string; about: string }[]
}[] = [
  {
    role: 'moderator',
    heading: 'Moderation',
    links: [
      {
        to: '/moderate',
        text: 'Moderation queue',
        about: 'review responses, tag them and publish them as case studies',
      },
      {
        to: '/moderate/follow-ups',
        text: 'Updates from schools',
        about: 'follow-ups at 6 and 12 months, to publish as new versions',
      },
      {
        to: '/moderate/agreement',
        text: 'Coding agreement',
        about: 'how often two moderators tagged the same response alike',
      },
      { to: '/moderate/audit', text: 'Audit log', about: 'every decision and change' },
    ],
  },
  {
    role: 'advisory',
    heading: 'Evidence',
    links: [
      {
        to: '/evidence',
        text: 'Evidence dashboard',
        about: 'figures and charts of the responses and case studies',
      },
      {
        to: '/evidence/gap-map',
        text: 'Evidence gap map',
        about: 'types of practice by need, and where evidence is thin',
      },
      {
        to: '/evidence/pack',
        text: 'Evidence pack',
        about: 'the evidence summarised for a reader, to download as PDF or Word',
      },
      {
        to: '/evidence/export',
        text: 'Export the evidence',
        about: 'download the case studies as CSV, Excel, JSON, PDF or Word',
      },
    ],
  },
  {
    role: 'admin',
    heading: 'Administration',
    links: [
      { to: '/admin', text: 'Service status', about: 'privacy alerts and the search index' },
      { to: '/admin/calls', text: 'Calls for evidence', about: 'open, change and close calls' },
      { to: '/admin/staff', text: 'Staff accounts', about: 'invite staff and change roles' },
      { to: '/admin/taxonomy', text: 'Taxonomy', about: 'needs, practices and search synonyms' },
    ],
  },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator', 'advisory', 'admin'])
  const twoFactor = await findTwoFactor(context.services.db, user.id)
  return { user, twoFactorOn: Boolean(twoFactor?.totp_enabled_at) }
}

export default function Account() {
  const { user, twoFactorOn } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const changed = searchParams.get('twoFactor')
  const yourWork = work.filter(
    (group) => user.roles.includes('admin') || user.roles.includes(group.role),
  )
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
        {yourWork.length > 0 ? (
          <>
            <h2 className="govuk-heading-m govuk-!-margin-top-8">Your work</h2>
            {yourWork.map((group) => (
              <section key={group.role} aria-labelledby={`work-${group.role}`}>
                <h3 className="govuk-heading-s" id={`work-${group.role}`}>
                  {group.heading}
                </h3>
                <ul className="govuk-list">
                  {group.links.map((link) => (
                    <li key={link.to}>
                      <Link className="govuk-link" to={link.to}>
                        {link.text}
                      </Link>
                      : {link.about}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
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
