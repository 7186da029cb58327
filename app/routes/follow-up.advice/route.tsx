import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FollowUpPage } from '~/components/follow-up/follow-up-page'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Textarea } from '~/components/govuk/forms'
import { adviceSchema } from '~/follow-ups/follow-up.schema'
import { handleFollowUpPage, requireFollowUp } from '~/follow-ups/journey.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Is there anything you would add to your advice?', matches),
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  return { title: followUp.title, values: answers.advice ?? {} }
}

export const action = (args: ActionFunctionArgs) => handleFollowUpPage(args, 'advice')

export default function Advice() {
  const { title, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(adviceSchema, actionData?.errors)
  return (
    <FollowUpPage back="/follow-up/pupils" title={title} errors={errors} onSubmit={onSubmit}>
      <h1 className="govuk-heading-l">Is there anything you would add to your advice?</h1>
      <Textarea
        {...register('adviceToAdd')}
        label="Advice to other leaders (optional)"
        hint="What you know now that you wish you had known at the start."
        maxWords={300}
        defaultValue={values.adviceToAdd}
        error={errors.adviceToAdd}
      />
    </FollowUpPage>
  )
}
