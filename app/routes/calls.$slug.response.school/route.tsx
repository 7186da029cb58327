import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useRef } from 'react'
import { findEstablishmentsByUrn, searchOpenSchools } from '~/db.server'
import { Button, Choices, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, Pagination } from '~/components/govuk/content'
import { SectionButtons } from '~/components/response/question-page'
import { schoolChoiceSchema } from '~/submissions/organisation.schema'
import { chooseSchool } from '~/submissions/organisation.server'
import { requireDraft } from '~/submissions/response-access.server'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Find your school', matches)]

/** How many schools a page of results shows. */
const PAGE_SIZE = 20

/**
 * A URN finds that school; any other text searches open schools' names, towns and local
 * authorities, a page at a time, with how many match in all.
 */
async function findSchools(context: LoaderFunctionArgs['context'], query: string, page: number) {
  const text = query.trim().slice(0, 100)
  if (text.length < 2) return { total: 0, schools: [] }
  if (/^\d{6,7}$/.test(text)) {
    const schools = await findEstablishmentsByUrn(context.services.db, [Number(text)])
    return { total: schools.length, schools }
  }
  return searchOpenSchools(context.services.db, text, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  })
}

/** A school's place as a respondent would recognise it: its town, and its local authority. */
const placeOf = (school: { town: string | null; la_name: string }) =>
  school.town && school.town !== school.la_name
    ? `${school.town}, ${school.la_name}`
    : school.la_name

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  const searchParams = new URL(request.url).searchParams
  const query = searchParams.get('q') ?? ''
  const asked = Number(searchParams.get('page') ?? '1')
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1
  const chosenUrn =
    answers.organisation?.kind === 'school' ? answers.organisation.urns?.[0] : undefined
  const [found, chosen] = await Promise.all([
    findSchools(context, query, page),
    chosenUrn ? findEstablishmentsByUrn(context.services.db, [chosenUrn]) : [],
  ])
  return {
    slug: call.slug,
    query,
    page,
    pageCount: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    total: found.total,
    results: found.schools,
    chosen: chosen[0] ?? null,
  }
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
  const { slug, query, page, pageCount, total, results, chosen } = useLoaderData<typeof loader>()
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
            hint="The URN is the 6-digit number that identifies your school, for example 990001. You can add your town to a name, for example “primary Brookford”."
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
        {query ? (
          <p className="govuk-body" role="status">
            {total === 0
              ? `No open schools match “${query}”. Check the spelling, or search by URN.`
              : `${total.toLocaleString('en-GB')} ${total === 1 ? 'school matches' : 'schools match'} “${query}”.`}
            {pageCount > 1
              ? ` Showing ${((page - 1) * PAGE_SIZE + 1).toLocaleString('en-GB')} to ${((page - 1) * PAGE_SIZE + results.length).toLocaleString('en-GB')}. To find yours sooner, add your town to the search or search by your school’s URN.`
              : null}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          {results.length > 0 ? (
            <Choices
              type="radio"
              name="urn"
              legend={
                pageCount > 1
                  ? `Select your school (page ${page} of ${pageCount})`
                  : 'Select your school'
              }
              error={errors.urn}
              options={results.map((school) => ({
                value: String(school.urn),
                label: school.name,
                hint: `URN ${school.urn} · ${school.phase_name} · ${placeOf(school)}`,
              }))}
              selected={total === 1 ? String(results[0]!.urn) : undefined}
            />
          ) : errors.urn ? (
            <p className="govuk-error-message" id="urn">
              <span className="govuk-visually-hidden">Error:</span> {errors.urn}
            </p>
          ) : null}
          <Pagination
            page={page}
            pageCount={pageCount}
            hrefFor={(p) =>
              `/calls/${slug}/response/school?${new URLSearchParams({ q: query, page: String(p) })}`
            }
          />
          <SectionButtons />
        </Form>
      </div>
    </div>
  )
}
