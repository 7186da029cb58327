import { Form, Link, useSearchParams } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'
import { CsrfInput } from '../forms/csrf-input'
import { BackLink } from '../govuk/content'
import { Button, ErrorSummary, type FieldErrors } from '../govuk/forms'

/**
 * The frame of every question page: a back link to the task list, the error summary, a plain
 * POST form (enhanced by the page's own validation where it has one), and the two buttons.
 */
export function QuestionPage({
  slug,
  caption = 'Your response',
  errors,
  order,
  onSubmit,
  children,
  encType,
}: {
  slug: string
  caption?: string
  errors: FieldErrors
  order?: string[]
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  children: ReactNode
  encType?: 'multipart/form-data'
}) {
  const [searchParams] = useSearchParams()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/calls/${slug}/response`}>Back to your response</BackLink>
        <ErrorSummary errors={errors} order={order} />
        <span className="govuk-caption-l">{caption}</span>
        <Form method="post" noValidate onSubmit={onSubmit} encType={encType}>
          <CsrfInput />
          <input type="hidden" name="returnTo" value={searchParams.get('returnTo') ?? ''} />
          {children}
          <SectionButtons />
        </Form>
      </div>
    </div>
  )
}

export function SectionButtons() {
  return (
    <div className="govuk-button-group">
      <Button name="intent" value="continue">
        Save and continue
      </Button>
      <Button name="intent" value="later" secondary>
        Save and come back later
      </Button>
    </div>
  )
}

export function TaskListLink({ slug }: { slug: string }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={`/calls/${slug}/response`}>
        Return to your response
      </Link>
    </p>
  )
}
