import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Choices, TextInput } from '~/components/govuk/forms'
import { QuestionPage } from '~/components/response/question-page'
import { FollowUpConsent } from '~/components/follow-up/follow-up-consent'
import { followUpIntervals } from '~/follow-ups/schedule'
import { consentSchema, publicationOptions } from '~/submissions/consent.schema'
import { requireDraft } from '~/submissions/response-access.server'
import { handleSectionPost, savedValues } from '~/submissions/section-action.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Publication and consent', matches)]

const fields = {
  text: ['publication', 'agreeTerms', 'approverName', 'approverRole', 'followUp'],
} as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  return {
    slug: call.slug,
    values: savedValues(answers, 'consent') as Record<string, string>,
    followUpMonths: followUpIntervals(context.services.env),
  }
}

export async function action(args: ActionFunctionArgs) {
  return handleSectionPost(args, { key: 'consent', fields, schema: () => consentSchema })
}

export default function Consent() {
  const { slug, values: saved, followUpMonths } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = (actionData?.values ?? saved) as Record<string, string>
  const { register, errors, onSubmit } = useValidatedForm(consentSchema, actionData?.errors)
  return (
    <QuestionPage slug={slug} errors={errors} order={[...fields.text]} onSubmit={onSubmit}>
      <h1 className="govuk-heading-l">Publication and consent</h1>
      <Choices
        type="radio"
        name="publication"
        legend="How may we use your response?"
        hint="Moderators remove personal details before anything is published"
        options={publicationOptions}
        selected={values.publication}
        error={errors.publication}
        inputProps={register('publication')}
      />
      <p className="govuk-body">
        Read the{' '}
        <Link className="govuk-link" to="/privacy">
          privacy notice
        </Link>{' '}
        to find out how we use personal data.
      </p>
      <Choices
        type="checkbox"
        name="agreeTerms"
        legend="Terms"
        options={[
          {
            value: 'yes',
            label:
              'I agree that the response may be edited, published and used as this page describes, and that any family whose child could be recognised has agreed to it',
          },
        ]}
        selected={values.agreeTerms}
        error={errors.agreeTerms}
        small
        inputProps={register('agreeTerms')}
      />
      <FollowUpConsent
        months={followUpMonths}
        selected={values.followUp}
        error={errors.followUp}
        inputProps={register('followUp')}
      />
      <h2 className="govuk-heading-m">Who approved this response?</h2>
      <p className="govuk-body">
        The headteacher, principal or chief executive who agreed to it being sent.
      </p>
      <TextInput
        label="Their full name"
        defaultValue={values.approverName}
        error={errors.approverName}
        {...register('approverName')}
      />
      <TextInput
        label="Their job title"
        defaultValue={values.approverRole}
        error={errors.approverRole}
        {...register('approverRole')}
      />
    </QuestionPage>
  )
}
