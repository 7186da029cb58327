import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FollowUpPage } from '~/components/follow-up/follow-up-page'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Textarea } from '~/components/govuk/forms'
import { changesSchema } from '~/follow-ups/follow-up.schema'
import { handleFollowUpPage, requireFollowUp } from '~/follow-ups/journey.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('What has changed?', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  return { title: followUp.title, values: answers.changes ?? {} }
}

export const action = (args: ActionFunctionArgs) => handleFollowUpPage(args, 'changes')

export default function Changes() {
  const { title, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(changesSchema, actionData?.errors)
  return (
    <FollowUpPage back="/follow-up/running" title={title} errors={errors} onSubmit={onSubmit}>
      <h1 className="govuk-heading-l">What has changed since your case study was published?</h1>
      <Textarea
        {...register('whatChanged')}
        label="Describe what you do now and what it has achieved"
        hint="If nothing has changed, say so. Describe pupils by their year group, never by name."
        maxWords={500}
        defaultValue={values.whatChanged}
        error={errors.whatChanged}
      />
    </FollowUpPage>
  )
}
