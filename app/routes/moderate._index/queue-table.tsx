import { Form, Link } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Table, Tag } from '~/components/govuk/content'
import { Button, TextInput } from '~/components/govuk/forms'
import type { QueueOptions } from './queue-options'

export interface QueueRow {
  reference: string
  title: string | null
  organisation_name: string | null
  submitted: string
  personal_data_flagged: boolean
  personal_data_resolved_at: unknown
  assignee: string | null
}

/** The submissions on this page of the queue, with the bulk actions for those ticked. */
export function QueueTable({
  rows,
  isAdmin,
  moderators,
  options,
}: {
  rows: QueueRow[]
  isAdmin: boolean
  moderators: { id: string; name: string }[]
  options: QueueOptions
}) {
  return rows.length > 0 ? (
    <Form method="post">
      <CsrfInput />
      <fieldset className="govuk-fieldset app-bulk">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          With the selected submissions
        </legend>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="bulkAction">
            Action
          </label>
          <select className="govuk-select" id="bulkAction" name="bulkAction" defaultValue="">
            <option value="">Choose an action</option>
            {isAdmin ? <option value="assign">Assign to a moderator</option> : null}
            <option value="tag">Add a tag</option>
            <option value="reject-duplicate">Reject as a duplicate</option>
          </select>
        </div>
        {isAdmin ? (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="assignee">
              Moderator (to assign)
            </label>
            <select className="govuk-select" id="assignee" name="assignee" defaultValue="">
              <option value="">Nobody</option>
              {moderators.map((m) => (
                <option value={m.id} key={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="tag">
            Tag (to add)
          </label>
          <select className="govuk-select" id="tag" name="tag" defaultValue="">
            <option value="">Choose a tag</option>
            {(['practice', 'need', 'phase'] as const).map((scheme) => (
              <optgroup label={scheme} key={scheme}>
                {options[scheme].map((o) => (
                  <option value={`${scheme}:${o.value}`} key={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <TextInput
          name="duplicateOf"
          label="Duplicate of (to reject)"
          hint="The reference of the submission to keep"
          widthClass="govuk-input--width-10"
        />
        <Button secondary>Apply to selected</Button>
      </fieldset>
      <Table
        caption="Submissions"
        captionSize="hidden"
        head={[
          <span className="govuk-visually-hidden" key="select">
            Select
          </span>,
          'Reference',
          'Practice',
          'Organisation',
          'Sent',
          'Flags',
          'Held by',
        ]}
        rows={rows.map((row) => [
          <div className="govuk-checkboxes govuk-checkboxes--small" key="select">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={`select-${row.reference}`}
                name="selected"
                type="checkbox"
                value={row.reference}
              />
              <label
                className="govuk-label govuk-checkboxes__label"
                htmlFor={`select-${row.reference}`}
              >
                <span className="govuk-visually-hidden">Select {row.reference}</span>
              </label>
            </div>
          </div>,
          <Link className="govuk-link" to={`/moderate/${row.reference}`} key="link">
            {row.reference}
          </Link>,
          row.title,
          row.organisation_name,
          row.submitted,
          row.personal_data_flagged && !row.personal_data_resolved_at ? (
            <Tag colour="red">Personal data</Tag>
          ) : null,
          row.assignee ?? 'Nobody',
        ])}
      />
    </Form>
  ) : (
    <p className="govuk-body">Nothing here.</p>
  )
}
