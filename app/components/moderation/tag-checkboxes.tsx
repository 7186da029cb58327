import type { TagOptions } from '~/moderation/tagging'

const schemeNames: Record<keyof TagOptions, string> = {
  practice: 'Type of practice',
  need: 'Needs',
  phase: 'Phase',
  setting: 'Setting',
  outcome: 'Outcomes',
}

/** One group of checkboxes per tagging scheme, in details that the first two open. */
export function TagCheckboxes({ options, chosen }: { options: TagOptions; chosen: string[] }) {
  return (
    <>
      {(Object.keys(schemeNames) as (keyof TagOptions)[]).map((scheme) => (
        <details
          className="govuk-details"
          key={scheme}
          open={scheme === 'practice' || scheme === 'need'}
        >
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{schemeNames[scheme]}</span>
          </summary>
          <div className="govuk-details__text">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-visually-hidden">{schemeNames[scheme]}</legend>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {options[scheme].map((term) => (
                  <div className="govuk-checkboxes__item" key={term.code}>
                    <input
                      className="govuk-checkboxes__input"
                      id={`${scheme}-${term.code}`}
                      name={scheme}
                      type="checkbox"
                      value={term.code}
                      defaultChecked={chosen.includes(`${scheme}:${term.code}`)}
                    />
                    <label
                      className="govuk-label govuk-checkboxes__label"
                      htmlFor={`${scheme}-${term.code}`}
                    >
                      {term.label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        </details>
      ))}
    </>
  )
}
