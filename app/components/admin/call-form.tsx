import { Form } from '@remix-run/react'
import { OPTIONAL_SECTIONS } from '~/admin/call.schema'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, Choices, ErrorSummary, Textarea, TextInput } from '~/components/govuk/forms'

type Values = Record<string, string | undefined>

/** GOV.UK date input (day, month, year) and a time box, in London time. */
function DateTime({
  prefix,
  legend,
  values,
  errors,
}: {
  prefix: 'opens' | 'closes'
  legend: string
  values: Values
  errors: Record<string, string>
}) {
  const dateError = errors[`${prefix}Day`]
  const timeError = errors[`${prefix}Time`]
  const part = (name: string, label: string, width: number) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${prefix}${name}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${dateError ? ' govuk-input--error' : ''}`}
          id={`${prefix}${name}`}
          name={`${prefix}${name}`}
          type="text"
          inputMode="numeric"
          defaultValue={values[`${prefix}${name}`] ?? ''}
        />
      </div>
    </div>
  )
  return (
    <>
      <div className={`govuk-form-group${dateError ? ' govuk-form-group--error' : ''}`}>
        <fieldset
          className="govuk-fieldset"
          role="group"
          aria-describedby={`${prefix}Day-hint${dateError ? ` ${prefix}Day-error` : ''}`}
        >
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
          <div className="govuk-hint" id={`${prefix}Day-hint`}>
            For example, 27 3 2027
          </div>
          {dateError ? (
            <p className="govuk-error-message" id={`${prefix}Day-error`}>
              <span className="govuk-visually-hidden">Error:</span> {dateError}
            </p>
          ) : null}
          <div className="govuk-date-input">
            {part('Day', 'Day', 2)}
            {part('Month', 'Month', 2)}
            {part('Year', 'Year', 4)}
          </div>
        </fieldset>
      </div>
      <TextInput
        name={`${prefix}Time`}
        label={`Time (UK time) the call ${prefix === 'opens' ? 'opens' : 'closes'}`}
        hint="24-hour clock, for example 10:30 or 23:59"
        widthClass="govuk-input--width-5"
        defaultValue={values[`${prefix}Time`] ?? ''}
        error={timeError}
      />
    </>
  )
}

/** Creating or editing a call: the same form, as a plain POST. */
export function CallForm({
  values,
  sections,
  errors,
  submitLabel,
  slugLocked,
}: {
  values: Values
  sections: string[]
  errors: Record<string, string>
  submitLabel: string
  slugLocked?: boolean
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInput
          name="title"
          label="Title"
          defaultValue={values.title ?? ''}
          error={errors.title}
        />
        <TextInput
          name="slug"
          label="Short address"
          hint={
            slugLocked
              ? 'The call has opened, so its address cannot change.'
              : 'Used in the call’s web address, for example inclusion-2027'
          }
          widthClass="govuk-input--width-20"
          defaultValue={values.slug ?? ''}
          readOnly={slugLocked}
          error={errors.slug}
        />
        <TextInput
          name="summary"
          label="One-line summary"
          hint="Shown on the home page"
          defaultValue={values.summary ?? ''}
          error={errors.summary}
        />
        <Textarea
          name="description"
          label="What the call asks for, and who may respond"
          rows={6}
          defaultValue={values.description ?? ''}
          error={errors.description}
        />
        <DateTime prefix="opens" legend="When the call opens" values={values} errors={errors} />
        <DateTime prefix="closes" legend="When the call closes" values={values} errors={errors} />
        <Choices
          type="checkbox"
          name="sections"
          legend="Optional sections"
          hint="Every response has about you, organisation, practice, story and consent."
          selected={sections}
          options={OPTIONAL_SECTIONS.map((s) => ({ value: s.value, label: s.label }))}
        />
        <Button>{submitLabel}</Button>
      </Form>
    </>
  )
}
