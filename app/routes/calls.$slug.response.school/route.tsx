import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useRef } from 'react'
import { findEstablishmentsByUrn, searchEstablishmentsByName } from '~/db.server'
import { Button, Choices, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { SectionButtons } from '~/components/response/question-page'
import { schoolChoiceSchema } from '~/submissions/organisation.schema'
import { chooseSchool } from '~/submissions/organisation.server'
import { requireDraft } from '~/submissions/response-access.server'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Find your school', matches)]

/** A URN finds that school; any other text searches open schools' names. */
async function findSchools(context: LoaderFunctionArgs['context'], query: string) {
  const text = query.trim().slice(0, 100)
  if (text.length < 2) return []
  if (/^\d{6,7}$/.test(text)) return findEstablishmentsByUrn(context.services.db, [Number(text)])
  const found = await searchEstablishmentsByName(context.services.db, text, 20)
  return findEstablishmentsByUrn(
    context.services.db,
    found.map((s) => s.urn),
  )
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  const query = new URL(request.url).searchParams.get('q') ?? ''
  const chosenUrn =
    answers.organisation?.kind === 'school' ? answers.organisation.urns?.[0] : undefined
  const [results, chosen] = await Promise.all([
    findSchools(context, query),
    chosenUrn ? findEstablishmentsByUrn(context.services.db, [chosenUrn]) : [],
  ])
  return { slug: call.slug, query, results, chosen: chosen[0] ?? null }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const draft = await requireDraft(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const slug = draft.call.slug
  const parsed = schoolChoiceSchema.safeParse(formValues(formData, ['urn']))
  const later = formData.get('intent') === 'later'
  if (parsed.success && (await chooseSchool(context.services.db, draft, Number(parsed.data.urn)))) {
    if (later) throw redirect(`/calls/${slug}/response/save`)
    throw redirect(
      `/calls/${slug}/response/${formData.get('returnTo') === 'check' ? 'check' : 'practice'}`,
    )
  }
  const alreadyChosen = draft.answers.organisation?.urns?.length === 1
  if (later) throw redirect(`/calls/${slug}/response/save`)
  if (alreadyChosen && !formData.get('urn')) throw redirect(`/calls/${slug}/response/practice`)
  markFormErrors(context)
  return data(
    { errors: parsed.success ? { urn: 'Select your school' } : fieldErrorsOf(parsed.error) },
    { status: 400 },
  )
}

export default function FindSchool() {
  const { slug, query, results, chosen } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? {}
  const submit = useSubmit()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/calls/${slug}/response/organisation`}>Back</BackLink>
        <ErrorSummary errors={errors} order={['urn']} />
        <span className="govuk-caption-l">Your organisation</span>
        <h1 className="govuk-heading-l">Find your school</h1>
        {chosen ? (
          <p className="govuk-body">
            You chose <strong>{chosen.name}</strong> (URN {chosen.urn}), {chosen.la_name}. Search
            again to change it.
          </p>
        ) : null}
        <Form method="get" role="search" onSubmit={() => clearTimeout(timer.current)}>
          <TextInput
            name="q"
            label="School name or URN"
            hint="The URN is the 6-digit number that identifies your school, for example 100000"
            defaultValue={query}
            autoComplete="off"
            spellCheck={false}
            // With JavaScript, results follow what is typed (the same search, without a reload).
            onChange={(event) => {
              const form = event.currentTarget.form
              clearTimeout(timer.current)
              timer.current = setTimeout(() => {
                if (form) submit(form, { replace: true, preventScrollReset: true })
              }, 300)
            }}
          />
          <Button secondary>Search</Button>
        </Form>
        {query && results.length === 0 ? (
          <p className="govuk-body" role="status">
            No open schools match “{query}”. Check the spelling, or search by URN.
          </p>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          {results.length > 0 ? (
            <Choices
              type="radio"
              name="urn"
              legend={`${results.length} ${results.length === 1 ? 'school matches' : 'schools match'} “${query}”`}
              error={errors.urn}
              options={results.map((school) => ({
                value: String(school.urn),
                label: school.name,
                hint: `URN ${school.urn} · ${school.phase_name} · ${school.la_name}`,
              }))}
              selected={results.length === 1 ? String(results[0]!.urn) : undefined}
            />
          ) : errors.urn ? (
            <p className="govuk-error-message" id="urn">
              <span className="govuk-visually-hidden">Error:</span> {errors.urn}
            </p>
          ) : null}
          <SectionButtons />
        </Form>
      </div>
    </div>
  )
}
