import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { inviteSchema, ROLE_OPTIONS } from '~/accounts/staff.schema'
import { inviteStaff } from '~/accounts/staff.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button, Choices, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Invite someone', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const values = formValues(formData, ['name', 'email'])
  const roles = formData.getAll('roles').filter((r): r is string => typeof r === 'string')
  const parsed = inviteSchema.safeParse({ ...values, roles })
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ values, roles, errors }, { status: 400 })
  }
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const result = await inviteStaff(context, user.id, parsed.data)
  if (!result.ok) return fail({ [result.field]: result.message })
  throw redirect('/admin/staff')
}

export default function Invite() {
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/staff">Back to staff accounts</BackLink>
        <ErrorSummary errors={errors} order={['name', 'email', 'roles']} />
        <h1 className="govuk-heading-l">Invite someone</h1>
        <p className="govuk-body">
          They will get an email with a link to set their password. The link works once, for 7 days.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="name"
            label="Full name"
            autoComplete="off"
            defaultValue={answer?.values.name ?? ''}
            error={errors.name}
          />
          <TextInput
            name="email"
            label="Work email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={answer?.values.email ?? ''}
            error={errors.email}
          />
          <Choices
            type="checkbox"
            name="roles"
            legend="Roles"
            selected={answer?.roles ?? []}
            error={errors.roles}
            options={ROLE_OPTIONS.map((r) => ({ value: r.value, label: r.label, hint: r.hint }))}
          />
          <Button>Send the invitation</Button>
        </Form>
      </div>
    </div>
  )
}
