/** The library's "still running" filter: practice that no follow-up has said has stopped. */
export function StillRunningFilter({ checked }: { checked: boolean }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="running"
            name="running"
            type="checkbox"
            value="yes"
            // Keyed by the URL's state, so back and forward show it (the box is uncontrolled).
            key={String(checked)}
            defaultChecked={checked}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="running">
            Only practice that is still running
          </label>
        </div>
      </div>
    </div>
  )
}
