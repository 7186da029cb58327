import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { ROLE_OPTIONS } from '~/accounts/staff.schema'
import { Table, Tag } from '~/components/govuk/content'
import { pageTitle } from '~/utils/page-title'
import { listStaff } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Staff accounts', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const staff = await listStaff(context.services.db)
  return {
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      email: s.email,
      roles: s.roles.map((r) => ROLE_OPTIONS.find((o) => o.value === r)?.label ?? r).join(', '),
      status: !s.active ? 'Deactivated' : s.password_hash ? 'Active' : 'Invited',
    })),
  }
}

const colours: Record<string, string> = { Active: 'green', Invited: 'blue', Deactivated: 'grey' }

export default function StaffAccounts() {
  const { staff } = useLoaderData<typeof loader>()
  return (
    <>
      <span className="govuk-caption-l">Administration</span>
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Link to="/admin/staff/invite" className="govuk-button" data-module="govuk-button">
        Invite someone
      </Link>
      <Table
        caption="Staff accounts"
        captionSize="hidden"
        head={['Name', 'Email', 'Roles', 'Status']}
        rows={staff.map((s) => [
          <Link className="govuk-link" to={`/admin/staff/${s.id}`} key="name">
            {s.name}
          </Link>,
          s.email,
          s.roles,
          <Tag colour={colours[s.status]} key="status">
            {s.status}
          </Tag>,
        ])}
      />
    </>
  )
}
