import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { createStaffSession, getStaffUser } from '~/accounts/session.server'
import { signIn, signInProblemInit, signInProblemMessage } from '~/accounts/sign-in.server'
import { startPendingSignIn } from '~/accounts/two-factor.server'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { CsrfInput } from '~/components/forms/csrf-input'
import { NotificationBanner } from '~/components/govuk/content'
import { Button, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { enforceLimits } from '~/submissions/abuse.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resetRateLimit } from '~/utils/rate-limit.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { safeRedirectPath } from '~/utils/responses.server'
import { signInSchema } from './sign-in.schema'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Sign in', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getStaffUser(request, context)
  if (user)
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('returnTo'), '/account'))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const values = formValues(formData, ['email', 'password', 'returnTo'])
  const kept = { email: (values.email ?? '').slice(0, 254) }
  const parsed = signInSchema.safeParse(values)
  if (!parsed.success) {
    markFormErrors(context)
    return data({ errors: fieldErrorsOf(parsed.error), values: kept }, { status: 400 })
  }

  // Guessing is slowed per address and account together (one that does not exist is limited just
  // like one that does), counting the attempts since the last success; and, more generously, per
  // network address.
  const accountLimit = {
    name: 'sign-in-account',
    key: `${context.clientAddress} ${parsed.data.email.toLowerCase()}`,
    points: 10,
    durationSeconds: 900,
  }
  await enforceLimits(
    context,
    [
      accountLimit,
      {
        name: 'sign-in-address',
        key: context.clientAddress,
        points: context.services.env.RATE_LIMIT_SIGN_INS_PER_HOUR,
        durationSeconds: 3600,
      },
    ],
    'sign in',
  )
  const result = await signIn(context, parsed.data.email, parsed.data.password)
  if (!result.ok) {
    markFormErrors(context)
    const message =
      result.problem === 'demo-password'
        ? 'Demo passwords cannot be used on this service. Ask an administrator to reset your password.'
        : signInProblemMessage(result)
    return data({ errors: { email: message }, values: kept }, signInProblemInit(result))
  }
  await resetRateLimit(context, accountLimit)
  const returnTo = safeRedirectPath(values.returnTo, '/account')
  if (result.secondFactor) {
    throw redirect('/sign-in/two-factor', {
      headers: { 'Set-Cookie': await startPendingSignIn(context, result.userId, returnTo) },
    })
  }
  const cookie = await createStaffSession(context, result.userId, request)
  throw redirect(returnTo, { headers: { 'Set-Cookie': cookie } })
}

export default function SignIn() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { register, errors, onSubmit } = useValidatedForm(signInSchema, actionData?.errors)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['email', 'password']} />
        {searchParams.get('passwordSet') === '1' && !actionData ? (
          <NotificationBanner success title="Success">
            <p className="govuk-notification-banner__heading">
              Your password is set. Sign in with it below.
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          Sign in with your staff account to moderate submissions, see the evidence or administer
          the service. Schools and trusts responding to a call do not need an account.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <CsrfInput />
          <input type="hidden" name="returnTo" value={searchParams.get('returnTo') ?? ''} />
          <TextInput
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={actionData?.values.email}
            error={errors.email}
            {...register('email')}
          />
          <TextInput
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password}
            widthClass="govuk-!-width-two-thirds"
            {...register('password')}
          />
          <Button>Sign in</Button>
        </Form>
      </div>
    </div>
  )
}
