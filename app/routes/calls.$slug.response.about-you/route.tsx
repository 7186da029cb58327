import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useValidatedForm } from '~/components/forms/use-validated-form'
import { Choices, TextInput } from '~/components/govuk/forms'
import { Honeypot } from '~/components/response/honeypot'
import { QuestionPage } from '~/components/response/question-page'
import { updateDraftContact } from '~/db.server'
import { aboutYouSchema } from '~/submissions/about-you.schema'
import { checkForBots, formStamp } from '~/submissions/abuse.server'
import { withCompleted } from '~/submissions/answers'
import { readSectionForm } from '~/submissions/form-input'
import { requireDraft } from '~/submissions/response-access.server'
import { afterSection } from '~/submissions/section-action.server'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('About you', matches)]

const fields = ['name', 'role', 'email', 'mayContact'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission } = await requireDraft(request, context, params.slug)
  return {
    slug: call.slug,
    stamp: formStamp(context),
    values: {
      name: submission.respondent_name ?? '',
      role: submission.respondent_role ?? '',
      email: submission.respondent_email ?? '',
      mayContact: submission.respondent_email ? (submission.may_contact ? 'yes' : 'no') : '',
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const draft = await requireDraft(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const values = readSectionForm(formData, { text: fields }) as Record<string, string>
  const later = formData.get('intent') === 'later'
  const bots = checkForBots(context, formData)
  if (bots === 'honeypot' || bots === 'bad-stamp' || (bots === 'too-fast' && !later)) {
    markFormErrors(context)
    return data(
      { errors: { name: 'Check your answers, then select Save and continue' }, values },
      { status: 400 },
    )
  }
  const parsed = aboutYouSchema.safeParse(values)
  // Contact details are saved as typed (within their limits) even when something is missing.
  await updateDraftContact(
    context.services.db,
    draft.submission.id,
    {
      name: values.name!.trim().slice(0, 100),
      role: values.role!.trim().slice(0, 100),
      email: values.email!.trim().slice(0, 254),
      mayContact: values.mayContact === 'yes',
    },
    withCompleted(draft.answers, 'about-you', parsed.success),
  )
  const slug = draft.call.slug
  if (later) throw redirect(`/calls/${slug}/response/save`)
  if (parsed.success)
    throw redirect(
      formData.get('returnTo') === 'check'
        ? `/calls/${slug}/response/check`
        : afterSection(slug, 'about-you'),
    )
  markFormErrors(context)
  return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 })
}

export default function AboutYou() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = actionData?.values ?? loaded.values
  const { register, errors, onSubmit } = useValidatedForm(aboutYouSchema, actionData?.errors)
  return (
    <QuestionPage slug={loaded.slug} errors={errors} order={[...fields]} onSubmit={onSubmit}>
      <h1 className="govuk-heading-l">About you</h1>
      <input type="hidden" name="formStamp" value={loaded.stamp} />
      <Honeypot />
      <TextInput
        label="Full name"
        autoComplete="name"
        spellCheck={false}
        defaultValue={values.name}
        error={errors.name}
        {...register('name')}
      />
      <TextInput
        label="Job title or role"
        hint="For example, SENCO, headteacher or director of inclusion"
        autoComplete="organization-title"
        defaultValue={values.role}
        error={errors.role}
        {...register('role')}
      />
      <TextInput
        label="Work email address"
        hint="We will send your receipt and any link to come back to your response here"
        type="email"
        autoComplete="email"
        spellCheck={false}
        defaultValue={values.email}
        error={errors.email}
        {...register('email')}
      />
      <Choices
        type="radio"
        name="mayContact"
        legend="May we contact you about your response?"
        hint="For example, to ask a question about your practice or to tell you it has been published"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        selected={values.mayContact}
        error={errors.mayContact}
        small
        inputProps={register('mayContact')}
      />
    </QuestionPage>
  )
}
