import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button, ErrorSummary } from '~/components/govuk/forms'
import { agreementReport, reconcileSample } from '~/moderation/double-coding.server'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { pageTitle } from '~/utils/page-title'
import { findSubmissionForReview } from '../../../db/repositories/moderation'

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
  const { schemes, samples, isAdmin } = useLoaderData<typeof loader>()
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
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">By scheme</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Scheme
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Decisions
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Agreement
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Kappa
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {schemes.map((s) => (
            <tr className="govuk-table__row" key={s.scheme}>
              <th scope="row" className="govuk-table__header">
                {schemeNames[s.scheme] ?? s.scheme}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {s.decisions.toLocaleString('en-GB')}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {s.decisions ? `${s.percent}%` : '–'}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.kappa ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m" id="samples">
        The sample
      </h2>
      {samples.length === 0 ? (
        <p className="govuk-body">
          No submissions are in the sample yet. An administrator adds them from a submission’s
          review page.
        </p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Sampled submissions
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Submission
              </th>
              <th scope="col" className="govuk-table__header">
                Coders
              </th>
              <th scope="col" className="govuk-table__header">
                Disagreements
              </th>
              <th scope="col" className="govuk-table__header">
                State
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {samples.map((s) => (
              <tr className="govuk-table__row" key={s.reference}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/moderate/${s.reference}`}>
                    {s.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {s.firstCoder ?? 'nobody'}, {s.secondCoder ?? 'not yet coded a second time'}
                </td>
                <td className="govuk-table__cell">
                  {s.coded
                    ? s.onlyFirst.length + s.onlySecond.length === 0
                      ? 'None'
                      : `First only: ${s.onlyFirst.join(', ') || 'none'}. Second only: ${s.onlySecond.join(', ') || 'none'}.`
                    : '–'}
                </td>
                <td className="govuk-table__cell">
                  {s.reconciled ? (
                    'Reconciled'
                  ) : s.coded ? (
                    isAdmin ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="reference" value={s.reference} />
                        <Button secondary>
                          Mark reconciled
                          <span className="govuk-visually-hidden"> {s.reference}</span>
                        </Button>
                      </Form>
                    ) : (
                      'Awaiting reconciliation'
                    )
                  ) : (
                    <Link className="govuk-link" to={`/moderate/${s.reference}/second-coding`}>
                      Code a second time
                      <span className="govuk-visually-hidden"> {s.reference}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
