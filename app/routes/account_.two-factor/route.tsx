import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { twoFactorCodeSchema } from '~/accounts/two-factor.schema'
import {
  turnOffOwnTwoFactor,
  turnOnTwoFactor,
  twoFactorState,
} from '~/accounts/two-factor-setup.server'
import { CodeInput } from '~/components/forms/code-input'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button, ErrorSummary } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Two-factor sign-in', matches)]

const STAFF = ['moderator', 'advisory', 'admin'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, STAFF)
  const state = await twoFactorState(context, user)
  return state.enabled
    ? { enabled: true as const, since: formatLondonDateTime(state.since) }
    : { enabled: false as const, setup: state.setup }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, STAFF)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const intent = formData.get('intent') === 'off' ? 'off' : 'on'
  const parsed = twoFactorCodeSchema.safeParse(formValues(formData, ['code']))
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ errors }, { status: 400 })
  }
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const done =
    intent === 'on'
      ? await turnOnTwoFactor(context, user.id, parsed.data.code)
      : await turnOffOwnTwoFactor(context, user.id, parsed.data.code)
  if (!done)
    return fail({
      code: 'The code is not right. Enter the 6-digit code your authenticator app shows now',
    })
  throw redirect(`/account?twoFactor=${intent}`)
}

export default function TwoFactorSetup() {
  const state = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">Back to your account</BackLink>
        <ErrorSummary errors={errors} order={['code']} />
        <h1 className="govuk-heading-l">Two-factor sign-in</h1>
        {state.enabled ? (
          <>
            <p className="govuk-body">
              Two-factor sign-in is on for your account (since {state.since}). When you sign in, you
              give your password and then the 6-digit code from your authenticator app.
            </p>
            <h2 className="govuk-heading-m">Turn off two-factor sign-in</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <CodeInput
                name="code"
                label="Code from your authenticator app"
                hint="To turn it off, enter the code your app shows now."
                error={errors.code}
              />
              <Button name="intent" value="off" warning>
                Turn off two-factor sign-in
              </Button>
            </Form>
          </>
        ) : (
          <>
            <p className="govuk-body">
              Two-factor sign-in is off. Turn it on so that someone who learns your password still
              cannot sign in without your phone.
            </p>
            <h2 className="govuk-heading-m">1. Add this account to your authenticator app</h2>
            <p className="govuk-body">
              Use an authenticator app, such as Microsoft Authenticator or Google Authenticator, to
              scan this QR code.
            </p>
            <div
              className="app-qr-code"
              role="img"
              aria-label="QR code for adding Inclusion in Practice to an authenticator app"
              // The SVG is drawn on the server from our own secret; it holds no user input.
              dangerouslySetInnerHTML={{ __html: state.setup.svg }}
            />
            <p className="govuk-body">If you cannot scan it, type this key into the app instead:</p>
            <p className="govuk-body govuk-!-font-weight-bold">
              <code className="app-secret-key">{state.setup.key}</code>
            </p>
            <h2 className="govuk-heading-m">2. Enter the code the app shows</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <CodeInput
                name="code"
                label="Code from your authenticator app"
                hint="6 digits, for example 123 456"
                error={errors.code}
              />
              <Button name="intent" value="on">
                Turn on two-factor sign-in
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
