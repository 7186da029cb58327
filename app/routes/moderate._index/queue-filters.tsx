import { Form } from '@remix-run/react'
import { Button } from '~/components/govuk/forms'
import type { QueueOptions } from './queue-options'

/** The queue's filters: a GET form, so a filtered queue is a link that can be shared. */
export function QueueFilters({
  status,
  mine,
  flagged,
  options,
  chosen,
}: {
  status: string
  mine: boolean
  flagged: boolean
  options: QueueOptions
  chosen: Record<keyof QueueOptions, string>
}) {
  return (
    <Form method="get" className="govuk-!-margin-bottom-6">
      <input type="hidden" name="status" value={status} />
      <div className="app-queue-filters">
        {(
          [
            ['call', 'Call'],
            ['practice', 'Type of practice'],
            ['need', 'Need'],
            ['phase', 'Phase'],
            ['region', 'Region'],
          ] as const
        ).map(([key, label]) => (
          <div className="govuk-form-group" key={key}>
            <label className="govuk-label" htmlFor={`filter-${key}`}>
              {label}
            </label>
            <select
              className="govuk-select"
              id={`filter-${key}`}
              name={key}
              defaultValue={chosen[key]}
            >
              <option value="">Any</option>
              {options[key].map((o) => (
                <option value={o.value} key={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="mine"
            name="mine"
            type="checkbox"
            value="yes"
            defaultChecked={mine}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="mine">
            Assigned to me
          </label>
        </div>
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="flagged"
            name="flagged"
            type="checkbox"
            value="yes"
            defaultChecked={flagged}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="flagged">
            Personal data flagged
          </label>
        </div>
      </div>
      <Button secondary>Apply filters</Button>
    </Form>
  )
}
