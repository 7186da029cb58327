import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Choices, TextInput } from '~/components/govuk/forms'
import { QuestionPage } from '~/components/response/question-page'
import { practiceSchema, runningForOptions } from '~/submissions/practice.schema'
import { loadPracticeOptions, practiceCodes } from '~/submissions/practice-options.server'
import { requireDraft } from '~/submissions/response-access.server'
import { handleSectionPost, savedValues } from '~/submissions/section-action.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('The practice', matches)]

const fields = {
  text: ['title', 'practiceOther', 'runningFor', 'pupilsReached'],
  lists: ['practiceTypes', 'needs', 'phases'],
} as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  const options = await loadPracticeOptions(context.services.db)
  return {
    slug: call.slug,
    options,
    codes: practiceCodes(options),
    values: savedValues(answers, 'practice'),
  }
}

export async function action(args: ActionFunctionArgs) {
  return handleSectionPost(args, {
    key: 'practice',
    fields,
    schema: async () =>
      practiceSchema(practiceCodes(await loadPracticeOptions(args.context.services.db))),
  })
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : [])

export default function Practice() {
  const { slug, options, codes, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = actionData?.values ?? saved
  const schema = useMemo(() => practiceSchema(codes), [codes])
  const { register, errors, onSubmit } = useValidatedForm(schema, actionData?.errors)
  return (
    <QuestionPage
      slug={slug}
      errors={errors}
      order={[
        'title',
        'practiceTypes',
        'practiceOther',
        'needs',
        'phases',
        'runningFor',
        'pupilsReached',
      ]}
      onSubmit={onSubmit}
    >
      <h1 className="govuk-heading-l">The practice</h1>
      <TextInput
        label="Give your practice a short title"
        hint="For example, “A resource base for autistic pupils in a mainstream primary”. 120 characters or fewer."
        defaultValue={text(values.title)}
        error={errors.title}
        {...register('title')}
      />
      <Choices
        type="checkbox"
        name="practiceTypes"
        legend="What type of practice is it?"
        hint="Select all that apply"
        options={[
          ...options.practice.map((o) => ({ value: o.code, label: o.label })),
          {
            value: 'other',
            label: 'Other',
            conditional: (
              <TextInput
                label="If other, describe the type of practice"
                defaultValue={text(values.practiceOther)}
                error={errors.practiceOther}
                {...register('practiceOther')}
              />
            ),
          },
        ]}
        selected={list(values.practiceTypes)}
        error={errors.practiceTypes}
        small
        inputProps={register('practiceTypes')}
      />
      <div className={`govuk-form-group${errors.needs ? ' govuk-form-group--error' : ''}`}>
        <fieldset
          className="govuk-fieldset"
          aria-describedby={`needs-hint${errors.needs ? ' needs-error' : ''}`}
        >
          {/* A heading, so that the areas of need below it are subheadings, one level down. */}
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Which needs does it serve?</h2>
          </legend>
          <div className="govuk-hint" id="needs-hint">
            Select all that apply. Needs are grouped under the four broad areas of need.
          </div>
          {errors.needs ? (
            <p id="needs-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.needs}
            </p>
          ) : null}
          {options.needGroups.map((group, groupIndex) => (
            <div key={group.code}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{group.label}</h3>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {group.needs.map((need, index) => {
                  const id = groupIndex === 0 && index === 0 ? 'needs' : `needs-${need.code}`
                  return (
                    <div className="govuk-checkboxes__item" key={need.code}>
                      <input
                        className="govuk-checkboxes__input"
                        id={id}
                        type="checkbox"
                        value={need.code}
                        defaultChecked={list(values.needs).includes(need.code)}
                        {...register('needs')}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                        {need.label}
                      </label>
                    </div>
                  )
                })}
              </div>
            </div>
          ))}
        </fieldset>
      </div>
      <Choices
        type="checkbox"
        name="phases"
        legend="Which phases of education?"
        options={options.phase.map((o) => ({ value: o.code, label: o.label }))}
        selected={list(values.phases)}
        error={errors.phases}
        small
        inputProps={register('phases')}
      />
      <Choices
        type="radio"
        name="runningFor"
        legend="How long has the practice been running?"
        options={runningForOptions}
        selected={text(values.runningFor)}
        error={errors.runningFor}
        small
        inputProps={register('runningFor')}
      />
      <TextInput
        label="How many pupils does it reach each year?"
        hint="An estimate is fine"
        inputMode="numeric"
        widthClass="govuk-input--width-5"
        defaultValue={text(values.pupilsReached)}
        error={errors.pupilsReached}
        {...register('pupilsReached')}
      />
    </QuestionPage>
  )
}
