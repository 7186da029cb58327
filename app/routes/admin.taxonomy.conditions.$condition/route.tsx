import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import {
  conditionSchema,
  MAX_ABBREVIATIONS,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_OTHER_NAMES,
} from '~/admin/conditions.schema'
import { removeCondition, saveCondition } from '~/admin/conditions.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button, Choices, ErrorSummary, Textarea, TextInput } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { fieldErrorsOf, formValues, markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { notFound } from '~/utils/responses.server'
import { findCondition, listNeedTerms } from '~/db.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    data?.entry ? `Change ${data.entry.name}` : 'Add a condition or everyday phrase',
    matches,
  ),
]

/** "new", or the id of an existing entry (anything else is a 404). */
function entryId(param: string | undefined): number | null | undefined {
  if (param === 'new') return null
  return param && /^\d{1,9}$/.test(param) ? Number(param) : undefined
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const id = entryId(params.condition)
  if (id === undefined) notFound()
  const { db } = context.services
  const needs = (await listNeedTerms(db))
    .filter((need) => !need.retiredAt)
    .map((need) => ({ value: need.code, label: need.label }))
  if (id === null) return { entry: null, needs }
  const entry = await findCondition(db, id)
  if (!entry) notFound()
  return { entry, needs }
}

const FIELDS = ['name', 'kind', 'otherNames', 'abbreviations', 'note'] as const

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const id = entryId(params.condition)
  if (id === undefined) notFound()
  const { db } = context.services
  if (formData.get('intent') === 'remove' && id !== null) {
    await removeCondition(db, user.id, id)
    throw redirect('/admin/taxonomy/conditions?done=removed')
  }
  const typed = formValues(formData, FIELDS)
  const values = {
    name: typed.name ?? '',
    kind: typed.kind ?? '',
    otherNames: typed.otherNames ?? '',
    abbreviations: typed.abbreviations ?? '',
    note: typed.note ?? '',
    needs: formData.getAll('needs').filter((value): value is string => typeof value === 'string'),
  }
  const fail = (errors: Record<string, string>) => {
    markFormErrors(context)
    return data({ errors, values }, { status: 400 })
  }
  const parsed = conditionSchema.safeParse(values)
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const result = await saveCondition(db, user.id, id, parsed.data)
  if (!result.ok) return fail({ [result.field]: result.message })
  throw redirect(`/admin/taxonomy/conditions?done=${id === null ? 'added' : 'changed'}`)
}

export default function Condition() {
  const { entry, needs } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const errors = answer?.errors ?? {}
  const typed = answer?.values
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/taxonomy/conditions">Back to conditions and everyday phrases</BackLink>
        <ErrorSummary
          errors={errors}
          order={['name', 'kind', 'otherNames', 'abbreviations', 'needs', 'note']}
        />
        <span className="govuk-caption-l">Conditions and everyday phrases</span>
        <h1 className="govuk-heading-l">
          {entry
            ? `Change ${entry.kind === 'phrase' ? `‘${entry.name}’` : entry.name}`
            : 'Add a condition or everyday phrase'}
        </h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="name"
            label="Name"
            hint={`As you would write it in the middle of a sentence, for example muscular dystrophy, Tourette’s syndrome or won’t go to school. ${MAX_NAME_LENGTH} characters or fewer.`}
            defaultValue={typed?.name ?? entry?.name ?? ''}
            error={errors.name}
            spellCheck={false}
          />
          <Choices
            type="radio"
            name="kind"
            legend="What is it?"
            error={errors.kind}
            selected={typed?.kind ?? entry?.kind ?? ''}
            options={[
              {
                value: 'condition',
                label: 'A condition or diagnosis',
                hint: 'Case studies that mention it are shown first, then practice for its types of need.',
              },
              {
                value: 'phrase',
                label: 'An everyday phrase',
                hint: 'How a parent or teacher might describe what a child finds hard. Practice for its types of need is shown first.',
              },
            ]}
          />
          <Textarea
            name="otherNames"
            label="Other names and spellings (optional)"
            hint={`One on each line, up to ${MAX_OTHER_NAMES}. Found whatever the capital letters, so abbreviations that are not everyday words (DCD, PDA) go here too.`}
            rows={5}
            spellCheck={false}
            defaultValue={typed?.otherNames ?? entry?.otherNames.join('\n') ?? ''}
            error={errors.otherNames}
          />
          <Textarea
            name="abbreviations"
            label="Abbreviations that are also everyday words (optional)"
            hint={`One on each line, up to ${MAX_ABBREVIATIONS}. Found only when typed in capitals, for example ADD (not “add”) or ME (not “me”).`}
            rows={2}
            spellCheck={false}
            defaultValue={typed?.abbreviations ?? entry?.abbreviations.join('\n') ?? ''}
            error={errors.abbreviations}
          />
          <Choices
            type="checkbox"
            name="needs"
            legend="Types of need"
            hint="Where the school census guidance places it. Where the guidance is unclear, select every type of need that could apply."
            error={errors.needs}
            selected={typed?.needs ?? entry?.needs ?? []}
            options={needs}
            small
          />
          <Textarea
            name="note"
            label="Note (optional)"
            hint={`Why it points where it does. Needed when you select more than one type of need. ${MAX_NOTE_LENGTH} characters or fewer.`}
            rows={3}
            defaultValue={typed?.note ?? entry?.note ?? ''}
            error={errors.note}
          />
          <Button name="intent" value="save">
            {entry ? 'Save changes' : 'Add the entry'}
          </Button>
        </Form>
        {entry ? (
          <>
            <h2 className="govuk-heading-m">Remove this entry</h2>
            <p className="govuk-body">
              Searches for it will no longer show practice for its types of need. Case studies are
              not changed.
            </p>
            <Form method="post">
              <CsrfInput />
              <Button name="intent" value="remove" warning>
                Remove this entry
              </Button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  )
}
