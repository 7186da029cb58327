import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import type { FieldValues, UseFormRegister } from 'react-hook-form'
import { MeasureFields } from '~/components/forms/measure-fields'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FollowUpPage } from '~/components/follow-up/follow-up-page'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { measuresFormSchema } from '~/follow-ups/follow-up.schema'
import { handleFollowUpPage, requireFollowUp } from '~/follow-ups/journey.server'
import { pageOf } from '~/follow-ups/pages'
import { MEASURE_ROWS } from '~/submissions/impact.schema'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('New impact data', matches)]

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
      <MeasureFields
        register={register as UseFormRegister<FieldValues>}
        errors={errors}
        values={values}
        afterLabel="Now"
        periodHint="For example, 2024 to 2026"
      />
    </FollowUpPage>
  )
}
