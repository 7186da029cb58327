import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { createStaffSession } from '~/accounts/session.server'
import {
  checkTwoFactorCode,
  signInProblemInit,
  signInProblemMessage,
} from '~/accounts/sign-in.server'
import { twoFactorCodeSchema } from '~/accounts/two-factor.schema'
import { endPendingSignIn, readPendingSignIn } from '~/accounts/two-factor.server'
import { CodeInput } from '~/components/forms/code-input'
import { CsrfInput } from '~/components/forms/csrf-input'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Button, ErrorSummary } from '~/components/govuk/forms'
import { enforceLimits } from '~/submissions/abuse.server'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Enter the code from your authenticator app', matches),
]

// Only someone who has just given the right password for an account with two-factor sign-in
// reaches this page; anyone else is sent back to sign in.

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await readPendingSignIn(request, context))) throw redirect('/sign-in')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const pending = await readPendingSignIn(request, context)
  if (!pending) throw redirect('/sign-in')
  const parsed = twoFactorCodeSchema.safeParse(formValues(formData, ['code']))
  if (!parsed.success) {
    markFormErrors(context)
    return data({ errors: fieldErrorsOf(parsed.error) }, { status: 400 })
  }
  await enforceLimits(
    context,
    [{ name: 'two-factor', key: pending.userId, points: 10, durationSeconds: 900 }],
    'sign in',
  )
  const result = await checkTwoFactorCode(context, pending.userId, parsed.data.code)
  if (!result.ok) {
    markFormErrors(context)
    const message =
      result.problem === 'locked'
        ? signInProblemMessage(result)
        : 'The code is not right. Enter the 6-digit code your authenticator app shows now'
    return data({ errors: { code: message } }, signInProblemInit(result))
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await endPendingSignIn(context))
  headers.append('Set-Cookie', await createStaffSession(context, result.userId, request))
  throw redirect(pending.returnTo, { headers })
}

export default function TwoFactorSignIn() {
  const actionData = useActionData<typeof action>()
  const { register, errors, onSubmit } = useValidatedForm(twoFactorCodeSchema, actionData?.errors)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['code']} />
        <Form method="post" noValidate onSubmit={onSubmit}>
          <CsrfInput />
          <CodeInput
            label="Enter the code from your authenticator app"
            isPageHeading
            hint="Open the authenticator app on your phone and enter the 6-digit code it shows for Inclusion in Practice."
            error={errors.code}
            {...register('code')}
          />
          <Button>Continue</Button>
        </Form>
        <p className="govuk-body">
          If you have lost your phone, ask an administrator to turn off two-factor sign-in for your
          account; then{' '}
          <Link className="govuk-link" to="/sign-in">
            sign in again
          </Link>{' '}
          with your password.
        </p>
      </div>
    </div>
  )
}
