import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { newTermSchema } from '~/admin/taxonomy.schema'
import { addTerm, moveTerm } from '~/admin/taxonomy.server'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, Tag } from '~/components/govuk/content'
import { Button, ErrorSummary, Textarea, TextInput } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { listSchemes, listSchemeTerms } from '~/db.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(data?.scheme.name ?? 'Taxonomy', matches),
]

async function findScheme(context: LoaderFunctionArgs['context'], code: string | undefined) {
  const scheme = (await listSchemes(context.services.db)).find((s) => s.code === code)
  if (!scheme) notFound()
  return scheme
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const scheme = await findScheme(context, params.scheme)
  const terms = await listSchemeTerms(context.services.db, scheme.code)
  return {
    scheme,
    terms: terms.map((t) => ({
      code: t.code,
      label: t.label,
      parent: t.parent_label,
      retired: t.retired_at !== null,
      uses: t.uses ?? 0,
    })),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const scheme = await findScheme(context, params.scheme)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const intent = String(formData.get('intent') ?? '')
  const { db } = context.services
  if (intent === 'up' || intent === 'down') {
    await moveTerm(db, scheme.code, String(formData.get('code') ?? ''), intent)
    throw redirect(`/admin/taxonomy/${scheme.code}`)
  }
  const values = formValues(formData, ['code', 'label', 'description'])
  const parsed = newTermSchema.safeParse(values)
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ values, errors }, { status: 400 })
  }
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const result = await addTerm(db, user.id, scheme.code, parsed.data)
  if (!result.ok) return fail({ [result.field]: result.message })
  throw redirect(`/admin/taxonomy/${scheme.code}`)
}

function MoveButton({ direction, label }: { direction: 'up' | 'down'; label: string }) {
  return (
    <button
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-right-1"
      name="intent"
      value={direction}
    >
      {direction === 'up' ? 'Up' : 'Down'}
      <span className="govuk-visually-hidden"> {label}</span>
    </button>
  )
}

export default function SchemeTerms() {
  const { scheme, terms } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  return (
    <>
      <BackLink to="/admin/taxonomy">Back to the taxonomy</BackLink>
      <ErrorSummary errors={errors} order={['code', 'label', 'description']} />
      <span className="govuk-caption-l">Taxonomy</span>
      <h1 className="govuk-heading-l">{scheme.name}</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Terms, in the order readers see them
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Term
            </th>
            <th scope="col" className="govuk-table__header">
              Code
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Case studies
            </th>
            <th scope="col" className="govuk-table__header">
              Order
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {terms.map((term, i) => (
            <tr className="govuk-table__row" key={term.code}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/admin/taxonomy/${scheme.code}/${term.code}`}>
                  {term.label}
                </Link>
                {term.parent ? <span className="govuk-body-s"> ({term.parent})</span> : null}{' '}
                {term.retired ? <Tag colour="grey">Retired</Tag> : null}
              </th>
              <td className="govuk-table__cell">{term.code}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{term.uses}</td>
              <td className="govuk-table__cell">
                <Form method="post" className="app-inline-form">
                  <CsrfInput />
                  <input type="hidden" name="code" value={term.code} />
                  {i > 0 ? <MoveButton direction="up" label={term.label} /> : null}
                  {i < terms.length - 1 ? <MoveButton direction="down" label={term.label} /> : null}
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Add a term</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInput
          name="label"
          label="Label"
          defaultValue={answer?.values.label ?? ''}
          error={errors.label}
        />
        <TextInput
          name="code"
          label="Code"
          hint="Letters, numbers and hyphens; it never changes once made, for example peer-mentoring"
          widthClass="govuk-input--width-20"
          defaultValue={answer?.values.code ?? ''}
          error={errors.code}
        />
        <Textarea
          name="description"
          label="Description"
          hint="A sentence in plain English, shown to readers and moderators"
          rows={3}
          defaultValue={answer?.values.description ?? ''}
          error={errors.description}
        />
        <Button name="intent" value="add">
          Add the term
        </Button>
      </Form>
    </>
  )
}
