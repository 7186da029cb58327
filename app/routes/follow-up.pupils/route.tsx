import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FollowUpPage } from '~/components/follow-up/follow-up-page'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { TextInput } from '~/components/govuk/forms'
import { pupilsSchema } from '~/follow-ups/follow-up.schema'
import { handleFollowUpPage, requireFollowUp } from '~/follow-ups/journey.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('How many pupils does the practice reach now?', matches),
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  return { title: followUp.title, values: answers.pupils ?? {} }
}

export const action = (args: ActionFunctionArgs) => handleFollowUpPage(args, 'pupils')

export default function Pupils() {
  const { title, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(pupilsSchema, actionData?.errors)
  return (
    <FollowUpPage back="/follow-up/impact" title={title} errors={errors} onSubmit={onSubmit}>
      <TextInput
        {...register('pupilsNow')}
        label="How many pupils does the practice reach now?"
        isPageHeading
        hint="An estimate is fine. Enter 0 if it has stopped."
        inputMode="numeric"
        spellCheck={false}
        widthClass="govuk-input--width-5"
        defaultValue={values.pupilsNow}
        error={errors.pupilsNow}
      />
    </FollowUpPage>
  )
}
