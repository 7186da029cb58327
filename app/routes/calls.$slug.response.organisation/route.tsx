import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Choices, TextInput } from '~/components/govuk/forms'
import { QuestionPage } from '~/components/response/question-page'
import { organisationKinds, organisationSchema } from '~/submissions/organisation.schema'
import { readSectionForm } from '~/submissions/form-input'
import { requireDraft } from '~/submissions/response-access.server'
import { saveOrganisation } from '~/submissions/organisation.server'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Your organisation', matches)]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  return {
    slug: call.slug,
    values: { kind: answers.organisation?.kind ?? '', name: answers.organisation?.name ?? '' },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const draft = await requireDraft(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const values = readSectionForm(formData, { text: ['kind', 'name'] }) as Record<string, string>
  const parsed = organisationSchema.safeParse(values)
  const slug = draft.call.slug
  if (!parsed.success) {
    if (formData.get('intent') === 'later') throw redirect(`/calls/${slug}/response/save`)
    markFormErrors(context)
    return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 })
  }
  await saveOrganisation(context.services.db, draft, parsed.data)
  if (formData.get('intent') === 'later') throw redirect(`/calls/${slug}/response/save`)
  // A school finds itself in the register; a group chooses the schools it speaks for.
  const next =
    parsed.data.kind === 'school'
      ? 'school'
      : parsed.data.kind === 'other'
        ? formData.get('returnTo') === 'check'
          ? 'check'
          : 'practice'
        : 'schools'
  throw redirect(`/calls/${slug}/response/${next}`)
}

export default function Organisation() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = actionData?.values ?? loaded.values
  const { register, errors, onSubmit } = useValidatedForm(organisationSchema, actionData?.errors)
  return (
    <QuestionPage slug={loaded.slug} errors={errors} order={['kind', 'name']} onSubmit={onSubmit}>
      <Choices
        type="radio"
        name="kind"
        legend="Who is this response from?"
        isPageHeading
        options={organisationKinds}
        selected={values.kind}
        error={errors.kind}
        inputProps={register('kind')}
      />
      <TextInput
        label="Name of your trust, local authority, partnership or organisation"
        hint="Leave this empty if you are responding for one school: you will find it in the register next"
        autoComplete="organization"
        defaultValue={values.name}
        error={errors.name}
        {...register('name')}
      />
    </QuestionPage>
  )
}
