import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FollowUpPage } from '~/components/follow-up/follow-up-page'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { TextInput } from '~/components/govuk/forms'
import { measuresFormSchema } from '~/follow-ups/follow-up.schema'
import { handleFollowUpPage, requireFollowUp } from '~/follow-ups/journey.server'
import { pageOf } from '~/follow-ups/pages'
import { MEASURE_ROWS, measureKinds } from '~/submissions/impact.schema'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('New impact data', matches)]

const rows = Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1)
const order = pageOf('impact')!.fields

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  return { title: followUp.title, values: answers.impact ?? {} }
}

export const action = (args: ActionFunctionArgs) => handleFollowUpPage(args, 'impact')

export default function Impact() {
  const { title, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(measuresFormSchema, actionData?.errors)
  return (
    <FollowUpPage
      back="/follow-up/changes"
      title={title}
      errors={errors}
      order={order}
      onSubmit={onSubmit}
    >
      <h1 className="govuk-heading-l">New impact data (optional)</h1>
      <p className="govuk-body">
        If you have new figures, give up to {MEASURE_ROWS} measures with their value before the
        practice started and now. Use whole-school or cohort figures, never one child’s. Leave this
        page empty if you have none.
      </p>
      {rows.map((n) => (
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
            label="Now"
            widthClass="govuk-input--width-10"
            defaultValue={values[`measure${n}After`]}
            error={errors[`measure${n}After`]}
          />
          <TextInput
            {...register(`measure${n}Period`)}
            label="Period"
            hint="For example, 2024 to 2026"
            widthClass="govuk-input--width-20"
            defaultValue={values[`measure${n}Period`]}
            error={errors[`measure${n}Period`]}
          />
        </fieldset>
      ))}
    </FollowUpPage>
  )
}
