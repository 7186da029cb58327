import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { termSchema } from '~/admin/taxonomy.schema'
import { editTerm, mergeTerms, setTermRetired } from '~/admin/taxonomy.server'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button, ErrorSummary, Textarea, TextInput } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { findTermForAdmin, listSchemeTerms } from '~/db.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(data?.term.label ?? 'Term', matches),
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const { db } = context.services
  const term = await findTermForAdmin(db, params.scheme ?? '', params.code ?? '')
  if (!term) notFound()
  const others = (await listSchemeTerms(db, params.scheme!)).filter(
    (t) => t.code !== term.code && !t.retired_at,
  )
  return {
    scheme: params.scheme!,
    term: {
      code: term.code,
      label: term.label,
      description: term.description,
      retired: term.retired_at !== null,
    },
    others: others.map((t) => ({ value: t.code, label: t.label })),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const { db } = context.services
  const scheme = params.scheme ?? ''
  const code = params.code ?? ''
  const intent = String(formData.get('intent') ?? '')
  const back = redirect(`/admin/taxonomy/${scheme}`)
  const fail = (
    errors: Record<string, string>,
    values: Record<string, string | undefined> = {},
  ) => {
    markFormErrors(context)
    return data({ values, errors }, { status: 400 })
  }
  if (intent === 'retire' || intent === 'restore') {
    await setTermRetired(db, user.id, scheme, code, intent === 'retire')
    throw back
  }
  if (intent === 'merge') {
    const into = String(formData.get('into') ?? '')
    if (!into) return fail({ into: 'Select the term to merge into' })
    const result = await mergeTerms(db, user.id, scheme, code, into)
    if (!result.ok) return fail({ [result.field]: result.message })
    throw back
  }
  const values = formValues(formData, ['label', 'description'])
  const parsed = termSchema.safeParse(values)
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error), values)
  const result = await editTerm(db, user.id, scheme, code, parsed.data)
  if (!result.ok) return fail({ [result.field]: result.message }, values)
  throw back
}

export default function Term() {
  const { scheme, term, others } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/taxonomy/${scheme}`}>Back to the scheme</BackLink>
        <ErrorSummary errors={errors} order={['label', 'description', 'into']} />
        <span className="govuk-caption-l">Term {term.code}</span>
        <h1 className="govuk-heading-l">{term.label}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="label"
            label="Label"
            defaultValue={answer?.values.label ?? term.label}
            error={errors.label}
          />
          <Textarea
            name="description"
            label="Description"
            rows={3}
            defaultValue={answer?.values.description ?? term.description}
            error={errors.description}
          />
          <Button name="intent" value="edit">
            Save changes
          </Button>
        </Form>
        <h2 className="govuk-heading-m">Merge into another term</h2>
        <p className="govuk-body">
          Every case study tagged with this term is tagged with the other instead, and this term is
          retired. The library shows the change within seconds.
        </p>
        <Form method="post">
          <CsrfInput />
          <div className={`govuk-form-group${errors.into ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="into">
              Merge into
            </label>
            {errors.into ? (
              <p className="govuk-error-message" id="into-error">
                <span className="govuk-visually-hidden">Error:</span> {errors.into}
              </p>
            ) : null}
            <select
              className="govuk-select"
              id="into"
              name="into"
              defaultValue=""
              aria-describedby={errors.into ? 'into-error' : undefined}
            >
              <option value="">Choose a term</option>
              {others.map((o) => (
                <option value={o.value} key={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <Button name="intent" value="merge" warning>
            Merge
          </Button>
        </Form>
        <h2 className="govuk-heading-m">{term.retired ? 'Restore' : 'Retire'}</h2>
        <p className="govuk-body">
          {term.retired
            ? 'This term is retired: it stays on the case studies that have it, but cannot be chosen for new tagging.'
            : 'A retired term stays on the case studies that have it, but cannot be chosen for new tagging.'}
        </p>
        <Form method="post">
          <CsrfInput />
          <Button name="intent" value={term.retired ? 'restore' : 'retire'} secondary>
            {term.retired ? 'Restore this term' : 'Retire this term'}
          </Button>
        </Form>
      </div>
    </div>
  )
}
