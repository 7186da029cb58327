import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { MIN_PASSWORD_LENGTH, setPasswordSchema } from '~/accounts/staff.schema'
import { findPasswordLink, setPasswordWithLink } from '~/accounts/staff.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Set your password', matches)]

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

async function linkFor(context: LoaderFunctionArgs['context'], token: string | undefined) {
  return token && TOKEN.test(token) ? findPasswordLink(context.services.db, token) : undefined
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const link = await linkFor(context, params.token)
  // A used, expired or made-up link is gone: 410, with the page that says what to do.
  if (!link || !link.active) return data({ valid: false as const }, { status: 410 })
  return data({ valid: true as const, name: link.name, email: link.email })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ errors }, { status: 400 })
  }
  const parsed = setPasswordSchema.safeParse({
    password: String(formData.get('password') ?? ''),
    confirm: String(formData.get('confirm') ?? ''),
  })
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const token = params.token ?? ''
  if (
    !TOKEN.test(token) ||
    !(await setPasswordWithLink(context.services.db, token, parsed.data.password))
  )
    return fail({
      password: 'This link has been used or has expired. Ask an administrator for a new one.',
    })
  throw redirect('/sign-in?passwordSet=1')
}

export default function SetPassword() {
  const link = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  if (!link.valid)
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link cannot be used</h1>
          <p className="govuk-body">
            It has been used already or has expired. Ask an administrator of the service to invite
            you again.
          </p>
        </div>
      </div>
    )
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['password', 'confirm']} />
        <h1 className="govuk-heading-l">Set your password</h1>
        <p className="govuk-body">
          For {link.name} ({link.email}). Use at least {MIN_PASSWORD_LENGTH} characters; a few
          unrelated words make a good one.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="username" value={link.email} autoComplete="username" />
          <TextInput
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            error={errors.password}
          />
          <TextInput
            name="confirm"
            label="Type the password again"
            type="password"
            autoComplete="new-password"
            error={errors.confirm}
          />
          <Button>Set password</Button>
        </Form>
      </div>
    </div>
  )
}
