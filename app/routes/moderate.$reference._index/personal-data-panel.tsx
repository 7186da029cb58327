import { Form } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, TextInput } from '~/components/govuk/forms'
import type { DraftFinding } from './case-study-form'

export interface Dismissal {
  where: string
  kind: string
  match: string
  reason: string
  name: string
  at: string
}

/**
 * The personal data found in the case study as saved, each linked to the box it is in. A
 * finding goes only when its text is removed, or when a moderator dismisses that one finding as
 * a false positive and says why; a pupil identifier with a valid check digit can only be removed.
 */
export function PersonalDataPanel({
  findings,
  dismissals,
  errors,
  typed,
}: {
  findings: DraftFinding[]
  dismissals: Dismissal[]
  errors: Record<string, string>
  /** What was typed as a reason, kept when a dismissal was refused. */
  typed: { fingerprint: string; reason: string } | null
}) {
  const open = findings.filter((f) => f.open)
  if (open.length === 0 && dismissals.length === 0) return null
  return (
    <section aria-labelledby="personal-data-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id="personal-data-heading">
        {open.length > 0
          ? `Possible personal data in the case study (${open.length})`
          : 'No personal data left in the case study'}
      </h3>
      {open.length > 0 ? (
        <>
          <p className="govuk-body">
            The case study cannot be published while any of these are in its text.
          </p>
          <ol className="govuk-list govuk-list--number">
            {open.map((f) => {
              const reasonId = `reason-${f.fingerprint}`
              return (
                <li key={f.fingerprint}>
                  <a className="govuk-link" href={`#${f.id}`}>
                    {f.kind} “<mark>{f.match}</mark>” in {f.label}
                  </a>
                  <p className="govuk-body-s govuk-!-margin-bottom-2">{f.advice}</p>
                  {f.dismissible ? (
                    <Form method="post" className="govuk-!-margin-bottom-4">
                      <CsrfInput />
                      <input type="hidden" name="fingerprint" value={f.fingerprint} />
                      <TextInput
                        name={reasonId}
                        label={`Why “${f.match}” is not a child’s personal data`}
                        hint="For example, “this is a teacher’s name” or “this is the school’s phone number”"
                        defaultValue={typed?.fingerprint === f.fingerprint ? typed.reason : ''}
                        error={errors[reasonId]}
                      />
                      <Button secondary name="intent" value="dismiss-finding">
                        Dismiss this finding
                      </Button>
                    </Form>
                  ) : (
                    <p className="govuk-body-s">
                      <strong>Remove it from the text.</strong> A number with a valid check digit
                      cannot be dismissed.
                    </p>
                  )}
                </li>
              )
            })}
          </ol>
        </>
      ) : null}
      {dismissals.length > 0 ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Dismissed as not a child’s personal data ({dismissals.length})
            </span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {dismissals.map((d, i) => (
                <li key={i}>
                  {d.kind} “{d.match}” in {d.where}: {d.reason} ({d.name}, {d.at})
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  )
}
