import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, Table } from '~/components/govuk/content'
import { Button, ErrorSummary } from '~/components/govuk/forms'
import { agreementReport, reconcileSample } from '~/moderation/double-coding.server'
import { suggestionReport } from '~/suggestions/agreement.server'
import { SuggestionFigures } from './suggestion-figures'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { findSubmissionForReview } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Coding agreement', matches)]

const schemeNames: Record<string, string> = {
  practice: 'Type of practice',
  need: 'Needs',
  phase: 'Phase',
  setting: 'Setting',
  outcome: 'Outcomes',
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  return {
    ...(await agreementReport(context.services.db)),
    suggestions: await suggestionReport(context.services.db),
    isAdmin: user.roles.includes('admin'),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const submission = await findSubmissionForReview(
    context.services.db,
    String(formData.get('reference') ?? ''),
  )
  const result = submission
    ? await reconcileSample(context.services.db, { submissionId: submission.id, actorId: user.id })
    : { ok: false as const, message: 'There is no such submission' }
  if (!result.ok) {
    markFormErrors(context)
    return data({ problem: result.message }, { status: 409 })
  }
  throw redirect('/moderate/agreement')
}

export default function Agreement() {
  const { schemes, samples, isAdmin, suggestions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <BackLink to="/moderate">Back to the queue</BackLink>
      <ErrorSummary errors={actionData?.problem ? { samples: actionData.problem } : {}} />
      <h1 className="govuk-heading-xl">Coding agreement</h1>
      <p className="govuk-body">
        For submissions tagged twice, independently, how often the two moderators made the same
        choice for each term, and Cohen’s kappa, which discounts the agreement expected by chance
        (above 0.6 is usually read as substantial, above 0.8 as almost perfect).
      </p>
      <Table
        caption="By scheme"
        head={['Scheme', 'Decisions', 'Agreement', 'Kappa']}
        numeric={[1, 2, 3]}
        firstCellIsHeader
        rows={schemes.map((s) => [
          schemeNames[s.scheme] ?? s.scheme,
          s.decisions.toLocaleString('en-GB'),
          s.decisions ? `${s.percent}%` : '–',
          s.kappa ?? '–',
        ])}
      />
      <SuggestionFigures rows={suggestions} names={schemeNames} />
      <h2 className="govuk-heading-m" id="samples">
        The sample
      </h2>
      {samples.length === 0 ? (
        <p className="govuk-body">
          No submissions are in the sample yet. An administrator adds them from a submission’s
          review page.
        </p>
      ) : (
        <Table
          caption="Sampled submissions"
          captionSize="hidden"
          head={['Submission', 'Coders', 'Disagreements', 'State']}
          rows={samples.map((s) => [
            <Link className="govuk-link" to={`/moderate/${s.reference}`} key="link">
              {s.reference}
            </Link>,
            `${s.firstCoder ?? 'nobody'}, ${s.secondCoder ?? 'not yet coded a second time'}`,
            s.coded
              ? s.onlyFirst.length + s.onlySecond.length === 0
                ? 'None'
                : `First only: ${s.onlyFirst.join(', ') || 'none'}. Second only: ${s.onlySecond.join(', ') || 'none'}.`
              : '–',
            s.reconciled ? (
              'Reconciled'
            ) : s.coded ? (
              isAdmin ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="reference" value={s.reference} />
                  <Button secondary>
                    Mark reconciled<span className="govuk-visually-hidden"> {s.reference}</span>
                  </Button>
                </Form>
              ) : (
                'Awaiting reconciliation'
              )
            ) : (
              <Link className="govuk-link" to={`/moderate/${s.reference}/second-coding`}>
                Code a second time<span className="govuk-visually-hidden"> {s.reference}</span>
              </Link>
            ),
          ])}
        />
      )}
    </>
  )
}
