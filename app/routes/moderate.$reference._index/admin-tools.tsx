import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button } from '~/components/govuk/forms'
import type { loader } from './route'

/** An administrator adds the submission to the double-coding sample, or assigns it. */
export function AdminTools() {
  const review = useLoaderData<typeof loader>()
  const { draft } = review
  return (
    <>
      {review.isAdmin && draft && !review.sampled ? (
        <Form method="post" className="govuk-!-margin-bottom-6">
          <CsrfInput />
          <Button secondary name="intent" value="sample">
            Add to the double-coding sample
          </Button>
        </Form>
      ) : null}
      {review.isAdmin ? (
        <Form method="post" className="govuk-!-margin-bottom-6">
          <CsrfInput />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="assignee">
              Assign to
            </label>
            <select
              className="govuk-select"
              id="assignee"
              name="assignee"
              defaultValue={review.assignedTo ?? ''}
            >
              <option value="">Nobody</option>
              {review.moderators.map((m) => (
                <option value={m.id} key={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <Button secondary name="intent" value="assign">
            Assign
          </Button>
        </Form>
      ) : null}
    </>
  )
}
