import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { findEstablishmentsByUrn, searchOpenSchools, searchTrustsByName } from '~/db.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, Table } from '~/components/govuk/content'
import { Button, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { SectionButtons } from '~/components/response/question-page'
import { parseUrnList } from '~/submissions/organisation.schema'
import {
  addSchools,
  addTrustSchools,
  MAX_SCHOOLS,
  removeAllSchools,
  removeSchool,
} from '~/submissions/organisation.server'
import { requireDraft } from '~/submissions/response-access.server'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Schools your response covers', matches),
]

const SHOWN = 100
/** Schools a search shows at once; the page says how many match in all. */
const FOUND_SHOWN = 10

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, answers } = await requireDraft(request, context, params.slug)
  const db = context.services.db
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  const urns = answers.organisation?.urns ?? []
  const [chosen, found, trusts] = await Promise.all([
    findEstablishmentsByUrn(db, urns.slice(0, SHOWN)),
    query.length >= 2
      ? searchOpenSchools(db, query, { limit: FOUND_SHOWN })
      : { total: 0, schools: [] },
    query.length >= 2 ? searchTrustsByName(db, query, 5) : [],
  ])
  return {
    slug: call.slug,
    name: answers.organisation?.name ?? '',
    query,
    count: urns.length,
    chosen,
    found: found.total,
    schools: found.schools.filter((s) => !urns.includes(s.urn)),
    trusts,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const draft = await requireDraft(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const db = context.services.db
  const slug = draft.call.slug
  const intent = formData.get('intent')
  const value = (field: string) => {
    const v = formData.get(field)
    return typeof v === 'string' ? v : ''
  }
  const back = () =>
    redirect(
      `/calls/${slug}/response/schools${value('q') ? `?q=${encodeURIComponent(value('q'))}` : ''}`,
    )
  const fail = (field: string, message: string, typed = '') => {
    markFormErrors(context)
    return data({ errors: { [field]: message }, urnsTyped: typed }, { status: 400 })
  }

  // Each button names what it does, so one form can hold many of them.
  if (/^\d{6,7}$/.test(value('add'))) {
    await addSchools(db, draft, [Number(value('add'))])
    throw back()
  }
  if (/^[A-Za-z0-9-]{1,20}$/.test(value('addTrust'))) {
    await addTrustSchools(db, draft, value('addTrust'))
    throw back()
  }
  if (intent === 'add-urns') {
    const typed = value('urns').slice(0, 100_000)
    const { urns, invalid } = parseUrnList(typed)
    if (urns.length === 0 && invalid.length === 0)
      return fail('urns', 'Enter one or more URNs, like 990001', typed)
    if (urns.length > MAX_SCHOOLS)
      return fail('urns', `Enter ${MAX_SCHOOLS.toLocaleString('en-GB')} URNs or fewer`, typed)
    const unknown = [...invalid, ...(await addSchools(db, draft, urns)).map(String)]
    if (unknown.length > 0)
      return fail(
        'urns',
        `These are not URNs of schools in the register: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. The others were added.`,
        unknown.join('\n'),
      )
    throw back()
  }
  if (/^\d{6,7}$/.test(value('remove'))) {
    await removeSchool(db, draft, Number(value('remove')))
    throw back()
  }
  if (intent === 'remove-all') {
    await removeAllSchools(db, draft)
    throw back()
  }
  if (intent === 'later') throw redirect(`/calls/${slug}/response/save`)
  if ((draft.answers.organisation?.urns ?? []).length === 0)
    return fail('q', 'Add at least one school that your response covers')
  throw redirect(`/calls/${slug}/response/${value('returnTo') === 'check' ? 'check' : 'practice'}`)
}

export default function ChooseSchools() {
  const { slug, name, query, count, chosen, found, schools, trusts } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? {}
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/calls/${slug}/response/organisation`}>Back</BackLink>
        <ErrorSummary errors={errors} order={['q', 'urns']} />
        <span className="govuk-caption-l">{name || 'Your organisation'}</span>
        <h1 className="govuk-heading-l">Schools your response covers</h1>
        <p className="govuk-body">
          Add every school whose practice your response describes. Their local authority, region,
          phase and type come from the schools register.
        </p>

        <h2 className="govuk-heading-m" aria-live="polite">
          {count === 0
            ? 'No schools added yet'
            : `${count.toLocaleString('en-GB')} ${count === 1 ? 'school' : 'schools'} added`}
        </h2>
        {chosen.length > 0 ? (
          <Form method="post">
            <CsrfInput />
            <Table
              caption="Schools added"
              captionSize="hidden"
              head={[
                'School',
                'Local authority',
                <span className="govuk-visually-hidden" key="action">
                  Action
                </span>,
              ]}
              rows={chosen.map((school) => [
                <>
                  {school.name}{' '}
                  <span className="govuk-hint govuk-!-margin-0">
                    URN {school.urn} · {school.phase_name}
                  </span>
                </>,
                school.la_name,
                <button
                  className="govuk-button govuk-button--secondary govuk-!-margin-0"
                  name="remove"
                  value={school.urn}
                  type="submit"
                  key="remove"
                >
                  Remove<span className="govuk-visually-hidden"> {school.name}</span>
                </button>,
              ])}
            />
            {count > chosen.length ? (
              <p className="govuk-body">
                and {(count - chosen.length).toLocaleString('en-GB')} more.
              </p>
            ) : null}
            <Button secondary name="intent" value="remove-all">
              Remove all schools
            </Button>
          </Form>
        ) : null}

        <h2 className="govuk-heading-m">Find schools or a trust</h2>
        <Form method="get" role="search">
          <TextInput
            name="q"
            label="School or trust name"
            defaultValue={query}
            error={errors.q}
            autoComplete="off"
          />
          <Button secondary>Search</Button>
        </Form>
        {query && found === 0 && trusts.length === 0 ? (
          <p className="govuk-body">Nothing in the register matches “{query}”.</p>
        ) : null}
        {found > FOUND_SHOWN ? (
          <p className="govuk-body">
            {found.toLocaleString('en-GB')} schools match “{query}”; these are the first{' '}
            {FOUND_SHOWN}. Add the town to the search to narrow it, or add schools by URN below.
          </p>
        ) : null}
        {trusts.length > 0 || schools.length > 0 ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="q" value={query} />
            <ul className="govuk-list">
              {trusts.map((trust) => (
                <li key={trust.trust_uid}>
                  <button
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    name="addTrust"
                    value={trust.trust_uid ?? ''}
                    type="submit"
                  >
                    Add all {trust.schools} schools in {trust.trust_name}
                  </button>
                </li>
              ))}
              {schools.map((school) => (
                <li key={school.urn}>
                  <button
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    name="add"
                    value={school.urn}
                    type="submit"
                  >
                    Add {school.name}
                    <span className="govuk-visually-hidden">, URN {school.urn}</span>
                  </button>{' '}
                  <span className="govuk-hint govuk-!-display-inline">
                    URN {school.urn} ·{' '}
                    {school.town && school.town !== school.la_name
                      ? `${school.town}, ${school.la_name}`
                      : school.la_name}
                  </span>
                </li>
              ))}
            </ul>
          </Form>
        ) : null}

        <h2 className="govuk-heading-m">Add schools by URN</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <div className={`govuk-form-group${errors.urns ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="urns">
              URNs
            </label>
            <div className="govuk-hint" id="urns-hint">
              Paste a list from a spreadsheet: one URN per line, or separated by commas
            </div>
            {errors.urns ? (
              <p id="urns-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.urns}
              </p>
            ) : null}
            <textarea
              className={`govuk-textarea${errors.urns ? ' govuk-textarea--error' : ''}`}
              id="urns"
              name="urns"
              rows={4}
              defaultValue={actionData?.urnsTyped}
              aria-describedby={`urns-hint${errors.urns ? ' urns-error' : ''}`}
            />
          </div>
          <Button secondary name="intent" value="add-urns">
            Add these schools
          </Button>
        </Form>

        <Form method="post" noValidate>
          <CsrfInput />
          <SectionButtons />
        </Form>
      </div>
    </div>
  )
}
