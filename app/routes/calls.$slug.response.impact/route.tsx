import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import type { FieldValues, UseFormRegister } from 'react-hook-form'
import { MeasureFields } from '~/components/forms/measure-fields'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Textarea } from '~/components/govuk/forms'
import { QuestionPage } from '~/components/response/question-page'
import {
  impactFormSchema,
  impactLimits,
  impactSchema,
  MEASURE_ROWS,
} from '~/submissions/impact.schema'
import { requireDraft } from '~/submissions/response-access.server'
import { handleSectionPost, savedValues } from '~/submissions/section-action.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Impact and evidence', matches)]

const rows = Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1)
const fields = {
  text: [
    'whatChanged',
    'howYouKnow',
    ...rows.flatMap((n) => [
      `measure${n}Kind`,
      `measure${n}Before`,
      `measure${n}After`,
      `measure${n}Period`,
    ]),
    'costStaff',
    'costTraining',
    'costEquipment',
    'costFunding',
  ],
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  return { slug: call.slug, values: savedValues(answers, 'impact') as Record<string, string> }
}

export async function action(args: ActionFunctionArgs) {
  return handleSectionPost(args, { key: 'impact', fields, schema: () => impactSchema })
}

export default function Impact() {
  const { slug, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(impactFormSchema, actionData?.errors)
  return (
    <QuestionPage slug={slug} errors={errors} order={fields.text} onSubmit={onSubmit}>
      <h1 className="govuk-heading-l">Impact and evidence</h1>
      <Textarea
        {...register('whatChanged')}
        label="What changed for children and young people?"
        maxWords={impactLimits.whatChanged}
        defaultValue={values.whatChanged}
        error={errors.whatChanged}
      />
      <Textarea
        {...register('howYouKnow')}
        label="How do you know it made a difference?"
        hint="For example, attendance records, assessments, surveys of pupils and families, or an external review"
        maxWords={impactLimits.howYouKnow}
        defaultValue={values.howYouKnow}
        error={errors.howYouKnow}
      />
      <h2 className="govuk-heading-m">Measures (optional)</h2>
      <p className="govuk-body">
        If you have figures, give up to {MEASURE_ROWS} measures with their value before and after
        the practice started. Use whole-school or cohort figures, never one child’s.
      </p>
      <MeasureFields
        register={register as UseFormRegister<FieldValues>}
        errors={errors}
        values={values}
        afterLabel="After"
        periodHint="For example, 2021 to 2024"
      />
      <h2 className="govuk-heading-m">Cost and resources (optional)</h2>
      <Textarea
        {...register('costStaff')}
        label="Staff"
        rows={3}
        maxWords={impactLimits.cost}
        defaultValue={values.costStaff}
        error={errors.costStaff}
      />
      <Textarea
        {...register('costTraining')}
        label="Training"
        rows={3}
        maxWords={impactLimits.cost}
        defaultValue={values.costTraining}
        error={errors.costTraining}
      />
      <Textarea
        {...register('costEquipment')}
        label="Equipment"
        rows={3}
        maxWords={impactLimits.cost}
        defaultValue={values.costEquipment}
        error={errors.costEquipment}
      />
      <Textarea
        {...register('costFunding')}
        label="Funding source"
        rows={3}
        maxWords={impactLimits.cost}
        defaultValue={values.costFunding}
        error={errors.costFunding}
      />
    </QuestionPage>
  )
}
