import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { TagCheckboxes } from '~/components/moderation/tag-checkboxes'
import { BackLink } from '~/components/govuk/content'
import { Button, ErrorSummary } from '~/components/govuk/forms'
import { saveSecondCoding } from '~/moderation/double-coding.server'
import { loadTagOptions, readTagForm } from '~/moderation/tag-options.server'
import type { StoredAnswers } from '~/submissions/answers'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { forbidden, notFound } from '~/utils/responses.server'
import { pageTitle } from '~/utils/page-title'
import { findSample, findSubmissionForReview, listSecondTags } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Second coding', matches)]

async function sampledSubmission(
  request: Request,
  context: LoaderFunctionArgs['context'],
  reference: string,
) {
  const user = await requireRole(request, context, ['moderator'])
  const submission = await findSubmissionForReview(context.services.db, reference)
  const sample = submission ? await findSample(context.services.db, submission.id) : undefined
  if (!submission || !sample) notFound()
  if (submission.assigned_to === user.id)
    forbidden('You coded this submission first. Its second coding must be done by someone else.')
  return { user, submission, sample }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { submission, sample } = await sampledSubmission(request, context, params.reference ?? '')
  const db = context.services.db
  const answers = (submission.original_answers ?? {}) as StoredAnswers
  const [options, mine] = await Promise.all([loadTagOptions(db), listSecondTags(db, submission.id)])
  return {
    reference: submission.reference,
    reconciled: sample.reconciled_at !== null,
    title: String(answers.practice?.title ?? ''),
    story: [
      ['The challenge', answers.story?.challenge],
      ['Day to day', answers.story?.dayToDay],
      ['Key factors', answers.story?.keyFactors],
      ['What changed', answers.impact?.whatChanged],
    ].map(([label, value]) => ({ label: String(label), value: String(value ?? '') })),
    options,
    chosen: mine.map((t) => `${t.scheme}:${t.code}`),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, submission } = await sampledSubmission(request, context, params.reference ?? '')
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const result = await saveSecondCoding(context.services.db, {
    submissionId: submission.id,
    coderId: user.id,
    tags: readTagForm(formData),
  })
  if (!result.ok) {
    markFormErrors(context)
    return data({ problem: result.message }, { status: 409 })
  }
  throw redirect('/moderate/agreement')
}

export default function SecondCoding() {
  const { reference, reconciled, title, story, options, chosen } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <BackLink to="/moderate/agreement">Back to agreement</BackLink>
      <ErrorSummary errors={actionData?.problem ? { tags: actionData.problem } : {}} />
      <span className="govuk-caption-l">{reference}</span>
      <h1 className="govuk-heading-l" id="tags">
        Second coding: {title}
      </h1>
      <p className="govuk-body">
        Tag this submission from what the respondent wrote. You do not see the first coder’s tags,
        so that the two codings are independent.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          {story.map((section) => (
            <div key={section.label}>
              <h2 className="govuk-heading-s">{section.label}</h2>
              <p className="govuk-body app-preserve-lines">{section.value}</p>
            </div>
          ))}
        </div>
        <div className="govuk-grid-column-one-half">
          {reconciled ? (
            <p className="govuk-body">This sample has been reconciled; its codings are final.</p>
          ) : (
            <Form method="post">
              <CsrfInput />
              <TagCheckboxes options={options} chosen={chosen} />
              <Button>Save second coding</Button>
            </Form>
          )}
        </div>
      </div>
    </>
  )
}
