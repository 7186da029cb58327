import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FollowUpPage } from '~/components/follow-up/follow-up-page'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Choices, Textarea } from '~/components/govuk/forms'
import { runningOptions, runningSchema } from '~/follow-ups/follow-up.schema'
import { handleFollowUpPage, requireFollowUp } from '~/follow-ups/journey.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Is the practice still running?', matches),
]

const order = ['running', 'runningWhy'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  return { title: followUp.title, values: answers.running ?? {} }
}

export const action = (args: ActionFunctionArgs) => handleFollowUpPage(args, 'running')

export default function Running() {
  const { title, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(runningSchema, actionData?.errors)
  return (
    <FollowUpPage title={title} errors={errors} order={order} onSubmit={onSubmit}>
      <Choices
        type="radio"
        name="running"
        legend="Is the practice still running?"
        isPageHeading
        options={runningOptions}
        selected={values.running}
        error={errors.running}
        inputProps={register('running')}
      />
      <Textarea
        {...register('runningWhy')}
        label="If it has changed or stopped, why?"
        hint="For example, a change of staff or funding, or what you learned. Do not name pupils."
        maxWords={300}
        defaultValue={values.runningWhy}
        error={errors.runningWhy}
      />
    </FollowUpPage>
  )
}
