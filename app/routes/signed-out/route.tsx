import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'

export const meta: MetaFunction = () => [{ title: 'You have signed out - Inclusion in Practice' }]

export default function SignedOut() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have signed out</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in again
          </Link>{' '}
          or go to the{' '}
          <Link className="govuk-link" to="/library">
            practice library
          </Link>
          .
        </p>
      </div>
    </div>
  )
}
