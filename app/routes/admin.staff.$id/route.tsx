import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { ROLE_OPTIONS, rolesSchema } from '~/accounts/staff.schema'
import { changeStaff } from '~/accounts/staff.server'
import { resetTwoFactor } from '~/accounts/two-factor-setup.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, SummaryList } from '~/components/govuk/content'
import { Button, Choices, ErrorSummary } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, markFormErrors } from '~/utils/form-errors'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { findStaffById, type Role } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('A staff account', matches)]

const UUID = /^[0-9a-f-]{36}$/

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const person = UUID.test(params.id ?? '')
    ? await findStaffById(context.services.db, params.id!)
    : undefined
  if (!person) notFound()
  return {
    person: {
      ...person,
      lastSignedIn: person.last_signed_in_at
        ? formatLondonDateTime(new Date(person.last_signed_in_at))
        : 'Never',
    },
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  if (!UUID.test(params.id ?? '')) notFound()
  const intent = formData.get('intent')
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ errors }, { status: 400 })
  }
  if (intent === 'reset-two-factor') {
    await resetTwoFactor(context, user.id, params.id!)
    throw redirect(`/admin/staff/${params.id}`)
  }
  let change: { roles?: Role[]; active?: boolean }
  if (intent === 'deactivate') change = { active: false }
  else if (intent === 'reactivate') change = { active: true }
  else {
    const roles = formData.getAll('roles').filter((r): r is string => typeof r === 'string')
    const parsed = rolesSchema.safeParse({ roles })
    if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
    change = { roles: parsed.data.roles }
  }
  const result = await changeStaff(context.services.db, user.id, params.id!, change)
  if (!result.ok) return fail({ [result.field]: result.message })
  throw redirect('/admin/staff')
}

export default function StaffAccount() {
  const { person } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/staff">Back to staff accounts</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">Staff account</span>
        <h1 className="govuk-heading-l">{person.name}</h1>
        <SummaryList
          rows={[
            { key: 'Email', value: person.email },
            { key: 'Status', value: person.active ? 'Active' : 'Deactivated' },
            { key: 'Last signed in', value: person.lastSignedIn },
            { key: 'Two-factor sign-in', value: person.totp_enabled_at ? 'On' : 'Off' },
          ]}
        />
        <Form method="post" noValidate>
          <CsrfInput />
          <Choices
            type="checkbox"
            name="roles"
            legend="Roles"
            selected={person.roles}
            error={errors.roles}
            options={ROLE_OPTIONS.map((r) => ({ value: r.value, label: r.label, hint: r.hint }))}
          />
          <Button name="intent" value="roles">
            Save roles
          </Button>
        </Form>
        {person.totp_enabled_at ? (
          <>
            <h2 className="govuk-heading-m">Turn off two-factor sign-in</h2>
            <p className="govuk-body">
              If {person.name} has lost the phone with their authenticator app, turn off two-factor
              sign-in so they can sign in with their password and set it up again. Check it is them
              first, by a way other than email.
            </p>
            <Form method="post">
              <CsrfInput />
              <Button name="intent" value="reset-two-factor" warning>
                Turn off two-factor sign-in
              </Button>
            </Form>
          </>
        ) : null}
        <h2 className="govuk-heading-m" id="active">
          {person.active ? 'Deactivate' : 'Reactivate'}
        </h2>
        {errors.active ? <p className="govuk-error-message">{errors.active}</p> : null}
        <p className="govuk-body">
          {person.active
            ? 'A deactivated account cannot sign in, and any session it has ends at once.'
            : 'Reactivating lets this person sign in again with their password.'}
        </p>
        <Form method="post">
          <CsrfInput />
          <Button
            name="intent"
            value={person.active ? 'deactivate' : 'reactivate'}
            warning={person.active}
            secondary={!person.active}
          >
            {person.active ? 'Deactivate this account' : 'Reactivate this account'}
          </Button>
        </Form>
      </div>
    </div>
  )
}
