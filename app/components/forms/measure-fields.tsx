import type { FieldValues, UseFormRegister } from 'react-hook-form'
import { TextInput } from '~/components/govuk/forms'
import { MEASURE_ROWS, measureKinds } from '~/submissions/impact.schema'

const rows = Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1)

/**
 * The impact measures, one fieldset each (what was measured, before, after or now, over which
 * period): the same fields in a response and in a follow-up, which differ only in their words.
 */
export function MeasureFields({
  register,
  errors,
  values,
  afterLabel,
  periodHint,
}: {
  register: UseFormRegister<FieldValues>
  errors: Partial<Record<string, string>>
  values: Partial<Record<string, string>>
  /** "After" in a response; "Now" in a follow-up. */
  afterLabel: string
  periodHint: string
}) {
  return rows.map((n) => (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={n}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Measure {n}</legend>
      <div
        className={`govuk-form-group${errors[`measure${n}Kind`] ? ' govuk-form-group--error' : ''}`}
      >
        <label className="govuk-label" htmlFor={`measure${n}Kind`}>
          What was measured
        </label>
        {errors[`measure${n}Kind`] ? (
          <p id={`measure${n}Kind-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errors[`measure${n}Kind`]}
          </p>
        ) : null}
        <select
          className="govuk-select"
          id={`measure${n}Kind`}
          {...register(`measure${n}Kind`)}
          defaultValue={values[`measure${n}Kind`] ?? ''}
          aria-describedby={errors[`measure${n}Kind`] ? `measure${n}Kind-error` : undefined}
        >
          <option value="">Choose a measure</option>
          {measureKinds.map((m) => (
            <option value={m.value} key={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <TextInput
        {...register(`measure${n}Before`)}
        label="Before"
        hint="For example, 89% or 12 a term"
        widthClass="govuk-input--width-10"
        defaultValue={values[`measure${n}Before`]}
        error={errors[`measure${n}Before`]}
      />
      <TextInput
        {...register(`measure${n}After`)}
        label={afterLabel}
        widthClass="govuk-input--width-10"
        defaultValue={values[`measure${n}After`]}
        error={errors[`measure${n}After`]}
      />
      <TextInput
        {...register(`measure${n}Period`)}
        label="Period"
        hint={periodHint}
        widthClass="govuk-input--width-20"
        defaultValue={values[`measure${n}Period`]}
        error={errors[`measure${n}Period`]}
      />
    </fieldset>
  ))
}
