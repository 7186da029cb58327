import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { destroyStaffSession, getStaffUser } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction = () => [{ title: 'Sign out - Inclusion in Practice' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await getStaffUser(request, context))) throw redirect('/')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await validateCsrf(request, context, await request.formData())
  const cookie = await destroyStaffSession(request, context)
  throw redirect('/signed-out', { headers: { 'Set-Cookie': cookie } })
}

// Signing out changes state, so it is a POST: this page holds the button for people without
// JavaScript and for the header link.
export default function SignOut() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign out</h1>
        <p className="govuk-body">You will need to sign in again to use staff pages.</p>
        <Form method="post">
          <CsrfInput />
          <Button>Sign out</Button>
        </Form>
      </div>
    </div>
  )
}
