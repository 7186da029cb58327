import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, Textarea } from '~/components/govuk/forms'
import type { loader } from './route'
import { SuggestionHistory } from './suggested-tags'

/** Staff notes, a form to add one, and the decisions taken so far. */
export function NotesAndHistory() {
  const review = useLoaderData<typeof loader>()
  return (
    <>
      <h2 className="govuk-heading-m">Notes for staff</h2>
      {review.notes.map((note, i) => (
        <div className="govuk-inset-text" key={i}>
          <p className="govuk-body app-preserve-lines">{note.body}</p>
          <p className="govuk-hint govuk-!-margin-0">
            {note.name}, {note.at}
          </p>
        </div>
      ))}
      <Form method="post">
        <CsrfInput />
        <Textarea name="note" label="Add a note" hint="Only staff see notes" rows={3} />
        <Button secondary name="intent" value="add-note">
          Add note
        </Button>
      </Form>

      <h2 className="govuk-heading-m">History</h2>
      {review.reviews.length === 0 ? <p className="govuk-body">No decisions yet.</p> : null}
      <ul className="govuk-list">
        {review.reviews.map((r, i) => (
          <li key={i}>
            {r.at}: {r.name} — {r.decision.replace('_', ' ')} ({r.from_status.replace('_', ' ')} →{' '}
            {r.to_status.replace('_', ' ')}){r.reason ? `: ${r.reason}` : ''}
          </li>
        ))}
      </ul>
      <SuggestionHistory />
    </>
  )
}
