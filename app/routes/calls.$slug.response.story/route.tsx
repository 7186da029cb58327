import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Textarea } from '~/components/govuk/forms'
import { QuestionPage } from '~/components/response/question-page'
import { requireDraft } from '~/submissions/response-access.server'
import { handleSectionPost, savedValues } from '~/submissions/section-action.server'
import { storyLimits, storySchema } from '~/submissions/story.schema'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Your story', matches)]

const fields = { text: ['challenge', 'dayToDay', 'keyFactors', 'advice'] } as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  return { slug: call.slug, values: savedValues(answers, 'story') as Record<string, string> }
}

export async function action(args: ActionFunctionArgs) {
  return handleSectionPost(args, { key: 'story', fields, schema: () => storySchema })
}

export default function Story() {
  const { slug, values: saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(storySchema, actionData?.errors)
  return (
    <QuestionPage slug={slug} errors={errors} order={[...fields.text]} onSubmit={onSubmit}>
      <h1 className="govuk-heading-l">Your story</h1>
      <p className="govuk-body">
        Published case studies follow this structure. Describe pupils by their year group or need,
        never by name.
      </p>
      <Textarea
        {...register('challenge')}
        label="What challenge did you face?"
        hint="Who were the pupils, and what was getting in the way of their inclusion?"
        maxWords={storyLimits.challenge}
        defaultValue={values.challenge}
        error={errors.challenge}
      />
      <Textarea
        {...register('dayToDay')}
        label="What does the practice look like day to day?"
        hint="What happens, who does it, and how it fits into the school day"
        maxWords={storyLimits.dayToDay}
        rows={10}
        defaultValue={values.dayToDay}
        error={errors.dayToDay}
      />
      <Textarea
        {...register('keyFactors')}
        label="What were the key factors that made it work?"
        maxWords={storyLimits.keyFactors}
        defaultValue={values.keyFactors}
        error={errors.keyFactors}
      />
      <Textarea
        {...register('advice')}
        label="What advice would you give to other leaders?"
        maxWords={storyLimits.advice}
        defaultValue={values.advice}
        error={errors.advice}
      />
    </QuestionPage>
  )
}
