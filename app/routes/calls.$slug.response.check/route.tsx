import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { personalDataLabels } from '~/submissions/personal-data'
import { callClosedPage, requireDraft, requireResponse } from '~/submissions/response-access.server'
import { submitResponse } from '~/submissions/response.server'
import { fieldLabels, fieldName, fieldSection, sections } from '~/submissions/sections'
import { validateResponse } from '~/submissions/validate-response.server'
import { validateCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Check your answers before sending your response', matches),
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission } = await requireDraft(request, context, params.slug)
  const checked = await validateResponse(context.services.db, submission)
  if (!checked.ok) {
    return {
      slug: call.slug,
      incomplete: checked.incomplete.map((key) => sections.find((s) => s.key === key)!),
      summary: [],
      findings: [],
    }
  }
  return {
    slug: call.slug,
    incomplete: [],
    summary: checked.summary,
    findings: checked.findings.map((finding) => ({
      where: fieldLabels[finding.field] ?? finding.field,
      section: fieldSection(finding.field),
      field: fieldName(finding.field),
      kind: personalDataLabels[finding.kind],
      match: finding.match,
      advice: finding.advice,
    })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { call, submission } = await requireResponse(request, context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const result = await submitResponse(context.services.db, submission.id, {
    call,
    baseUrl: context.services.publicBaseUrl,
    now: context.services.clock.now(),
  })
  if (result.ok) throw redirect(`/calls/${call.slug}/response/confirmation`)
  if (result.problem === 'closed') callClosedPage(call)
  throw redirect(`/calls/${call.slug}/response/check`)
}

export default function CheckAnswers() {
  const { slug, incomplete, summary, findings } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/calls/${slug}/response`}>Back to your response</BackLink>
        <h1 className="govuk-heading-l">Check your answers before sending your response</h1>
        {incomplete.length > 0 ? (
          <>
            <p className="govuk-body">
              You need to complete these sections before you can send your response:
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {incomplete.map((section) => (
                <li key={section.key}>
                  <Link className="govuk-link" to={`/calls/${slug}/response/${section.key}`}>
                    {section.title}
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
                  <h2 className="govuk-heading-m">Your response may identify a child</h2>
                  <p className="govuk-body">
                    We found {findings.length} {findings.length === 1 ? 'thing' : 'things'} that
                    could be a child’s personal details. Change them before you send your response.
                    Anything left is flagged for our moderators to remove.
                  </p>
                  <ul className="govuk-list">
                    {findings.map((finding, index) => (
                      <li key={index}>
                        <strong>{finding.kind}</strong> “{finding.match}” in{' '}
                        <Link
                          className="govuk-link"
                          to={`/calls/${slug}/response/${finding.section}?returnTo=check#${finding.field}`}
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
            {summary.map((section) => (
              <div key={section.key}>
                <h2 className="govuk-heading-m">{section.title}</h2>
                <dl className="govuk-summary-list govuk-!-margin-bottom-9">
                  {section.rows.map((row) => (
                    <div className="govuk-summary-list__row" key={row.label}>
                      <dt className="govuk-summary-list__key">{row.label}</dt>
                      <dd className="govuk-summary-list__value app-preserve-lines">{row.value}</dd>
                      <dd className="govuk-summary-list__actions">
                        <Link
                          className="govuk-link"
                          to={`/calls/${slug}/response/${section.key === 'organisation' && row.field === 'schools' ? 'schools' : section.key}?returnTo=check#${row.field}`}
                        >
                          Change
                          <span className="govuk-visually-hidden"> {row.label.toLowerCase()}</span>
                        </Link>
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
            <h2 className="govuk-heading-m">Now send your response</h2>
            <p className="govuk-body">
              By sending this response you confirm that, to the best of your knowledge, the details
              you are providing are correct and that it was approved by the person you named.
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
