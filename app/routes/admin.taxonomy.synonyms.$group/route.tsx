import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { MAX_TERMS, synonymGroupSchema } from '~/admin/synonyms.schema'
import { removeSynonymGroup, saveSynonymGroup } from '~/admin/synonyms.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button, ErrorSummary, Textarea } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { findSynonymGroup } from '~/db.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(data?.group ? 'Change a synonym group' : 'Add a synonym group', matches),
]

/** "new", or the id of an existing group (anything else is a 404). */
function groupId(param: string | undefined): number | null | undefined {
  if (param === 'new') return null
  return param && /^\d{1,9}$/.test(param) ? Number(param) : undefined
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const id = groupId(params.group)
  if (id === undefined) notFound()
  if (id === null) return { group: null }
  const group = await findSynonymGroup(context.services.db, id)
  if (!group) notFound()
  return { group }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const id = groupId(params.group)
  if (id === undefined) notFound()
  const { db } = context.services
  if (formData.get('intent') === 'remove' && id !== null) {
    await removeSynonymGroup(db, user.id, id)
    throw redirect('/admin/taxonomy/synonyms?done=removed')
  }
  const values = formValues(formData, ['terms', 'oneWay'])
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ errors, values }, { status: 400 })
  }
  const parsed = synonymGroupSchema.safeParse(values)
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const result = await saveSynonymGroup(db, user.id, id, parsed.data.terms, parsed.data.oneWay)
  if (!result.ok) return fail({ [result.field]: result.message })
  throw redirect(`/admin/taxonomy/synonyms?done=${id === null ? 'added' : 'changed'}`)
}

export default function SynonymGroup() {
  const { group } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  const typed = answer?.values.terms ?? group?.terms.join('\n') ?? ''
  const typedOneWay =
    answer?.values.oneWay ?? group?.oneWay.map((term) => term.toUpperCase()).join('\n') ?? ''
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/taxonomy/synonyms">Back to search synonyms</BackLink>
        <ErrorSummary errors={errors} order={['terms', 'oneWay']} />
        <span className="govuk-caption-l">Search synonyms</span>
        <h1 className="govuk-heading-l">
          {group ? 'Change a synonym group' : 'Add a synonym group'}
        </h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <Textarea
            name="terms"
            label="Words and phrases that should find each other"
            hint={`One on each line, from 2 to ${MAX_TERMS}. For example: autism, autistic, ASD. Capital letters make no difference.`}
            rows={8}
            spellCheck={false}
            defaultValue={typed}
            error={errors.terms}
          />
          <Textarea
            name="oneWay"
            label="Abbreviations that find this group but are not found by it (optional)"
            hint="For abbreviations that are also everyday words or are very short, like TA, PE or SEND. Someone searching for one finds the words above; someone searching for the words above does not find the abbreviation. One on each line."
            rows={3}
            spellCheck={false}
            defaultValue={typedOneWay}
            error={errors.oneWay}
          />
          <Button name="intent" value="save">
            {group ? 'Save changes' : 'Add the group'}
          </Button>
        </Form>
        {group ? (
          <>
            <h2 className="govuk-heading-m">Remove this group</h2>
            <p className="govuk-body">
              Searches for these words will no longer find each other. Case studies are not changed.
            </p>
            <Form method="post">
              <CsrfInput />
              <Button name="intent" value="remove" warning>
                Remove this group
              </Button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  )
}
