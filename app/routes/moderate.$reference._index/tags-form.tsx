import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button } from '~/components/govuk/forms'
import { TagCheckboxes } from '~/components/moderation/tag-checkboxes'
import { evidenceStrengthLevels } from '../../reference/taxonomy'
import type { loader } from './route'

/** Tags against the live taxonomy and the evidence-strength rating with its guidance. */
export function TagsForm() {
  const review = useLoaderData<typeof loader>()
  const { draft, tags, options } = review
  return (
    <>
      {draft ? (
        // Keyed by what is stored, so that a tag accepted from the suggestions shows ticked
        // when the page is revalidated (the boxes are uncontrolled).
        <Form method="post" key={`${tags.join(' ')}|${draft.evidence_strength ?? ''}`}>
          <CsrfInput />
          <h2 className="govuk-heading-m" id="tags">
            Tags
          </h2>
          <TagCheckboxes options={options} chosen={tags} />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Strength of evidence
              </legend>
              <div className="govuk-radios govuk-radios--small">
                {evidenceStrengthLevels.map((level) => (
                  <div className="govuk-radios__item" key={level.value}>
                    <input
                      className="govuk-radios__input"
                      id={`evidenceStrength-${level.value}`}
                      name="evidenceStrength"
                      type="radio"
                      value={level.value}
                      defaultChecked={draft.evidence_strength === level.value}
                      aria-describedby={`evidenceStrength-${level.value}-hint`}
                    />
                    <label
                      className="govuk-label govuk-radios__label"
                      htmlFor={`evidenceStrength-${level.value}`}
                    >
                      {level.value}: {level.label}
                    </label>
                    <div
                      id={`evidenceStrength-${level.value}-hint`}
                      className="govuk-hint govuk-radios__hint"
                    >
                      {level.description}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <Button secondary name="intent" value="save-tags">
            Save tags
          </Button>
        </Form>
      ) : null}
    </>
  )
}
