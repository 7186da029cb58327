import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { checkFollowUp, requireFollowUp, sendFollowUp } from '~/follow-ups/journey.server'
import { followUpFieldLabels, pageOf, summariseFollowUp } from '~/follow-ups/pages'
import { personalDataLabels } from '~/submissions/personal-data'
import { validateCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Check your answers before sending them', matches),
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  const { incomplete, findings } = await checkFollowUp(context, followUp, answers)
  return {
    title: followUp.title,
    incomplete: incomplete.map((key) => ({ key, title: pageOf(key)!.title })),
    rows: summariseFollowUp(answers),
    findings: findings.map((f) => ({
      where: followUpFieldLabels[f.field] ?? f.field,
      page: f.field.split('.')[0]!,
      field: f.field.split('.')[1]!,
      kind: personalDataLabels[f.kind],
      match: f.match,
      advice: f.advice,
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { followUp, answers } = await requireFollowUp(request, context)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const sent = await sendFollowUp(context, followUp, answers)
  throw redirect(sent ? '/follow-up/confirmation' : '/follow-up/check')
}

export default function CheckFollowUp() {
  const { title, incomplete, rows, findings } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/follow-up/advice">Back</BackLink>
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Check your answers before sending them</h1>
        {incomplete.length > 0 ? (
          <>
            <p className="govuk-body">You need to answer these questions before you can send:</p>
            <ul className="govuk-list govuk-list--bullet">
              {incomplete.map((page) => (
                <li key={page.key}>
                  <Link className="govuk-link" to={`/follow-up/${page.key}?returnTo=check`}>
                    {page.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            {findings.length > 0 ? (
              <div className="govuk-warning-text app-findings">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <div className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  <h2 className="govuk-heading-m">Your answers may identify a child</h2>
                  <p className="govuk-body">
                    We found {findings.length} {findings.length === 1 ? 'thing' : 'things'} that
                    could be a child’s personal details. Change them before you send your answers.
                    Anything left is flagged for our moderators to remove.
                  </p>
                  <ul className="govuk-list">
                    {findings.map((finding, index) => (
                      <li key={index}>
                        <strong>{finding.kind}</strong> “{finding.match}” in{' '}
                        <Link
                          className="govuk-link"
                          to={`/follow-up/${finding.page}?returnTo=check#${finding.field}`}
                        >
                          {finding.where}
                        </Link>
                        . {finding.advice}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            ) : null}
            <dl className="govuk-summary-list govuk-!-margin-bottom-9">
              {rows.map((row) => (
                <div className="govuk-summary-list__row" key={row.label}>
                  <dt className="govuk-summary-list__key">{row.label}</dt>
                  <dd className="govuk-summary-list__value app-preserve-lines">{row.value}</dd>
                  <dd className="govuk-summary-list__actions">
                    <Link
                      className="govuk-link"
                      to={`/follow-up/${row.page}?returnTo=check#${row.field}`}
                    >
                      Change
                      <span className="govuk-visually-hidden"> {row.label.toLowerCase()}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
            <h2 className="govuk-heading-m">Now send your answers</h2>
            <p className="govuk-body">
              By sending these answers you confirm that, to the best of your knowledge, they are
              correct.
            </p>
            <Form method="post">
              <CsrfInput />
              <Button preventDoubleClick>Accept and send</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
