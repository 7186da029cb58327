import { Form, useSearchParams } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'
import { CsrfInput } from '../forms/csrf-input'
import { BackLink } from '../govuk/content'
import { Button, ErrorSummary, type FieldErrors } from '../govuk/forms'

/**
 * The frame of a follow-up question page: a back link, the error summary, a plain POST form
 * (enhanced by the page's validation) and one button. Without JavaScript it is an ordinary form.
 */
export function FollowUpPage({
  back,
  title,
  errors,
  order,
  onSubmit,
  children,
}: {
  /** The previous page; the first page has none. */
  back?: string
  title: string
  errors: FieldErrors
  order?: readonly string[]
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  children: ReactNode
}) {
  const [searchParams] = useSearchParams()
  const fromCheck = searchParams.get('returnTo') === 'check'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {fromCheck || back ? (
          <BackLink to={fromCheck ? '/follow-up/check' : back!}>Back</BackLink>
        ) : null}
        <ErrorSummary errors={errors} order={order ? [...order] : undefined} />
        <span className="govuk-caption-l">{title}</span>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <CsrfInput />
          <input type="hidden" name="returnTo" value={fromCheck ? 'check' : ''} />
          {children}
          <Button>Continue</Button>
        </Form>
      </div>
    </div>
  )
}
