import { Form } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, Textarea, TextInput } from '~/components/govuk/forms'
import {
  MAX_MEASURES,
  MEASURE_PARTS,
  measurePartLabels,
  publishedFields,
  publishedTexts,
  type PublishedValues,
} from '~/privacy/published-fields'

export interface DraftFinding {
  id: string
  label: string
  kind: string
  match: string
  advice: string
  fingerprint: string
  dismissible: boolean
  open: boolean
}

/** Each input's text, by input id (measure rows beyond those saved are empty). */
const textsById = (values: PublishedValues) =>
  new Map(publishedTexts(values).map((t) => [t.id, t.text]))

/** The open findings in one input, as the message shown beside it. */
function findingMessage(findings: DraftFinding[], id: string, extra?: string) {
  const here = findings.filter((f) => f.open && f.id === id)
  const parts = [
    here.length > 0
      ? `Possible personal data: ${here.map((f) => `${f.kind} “${f.match}”`).join(', ')}. Remove it, or dismiss it above if it is not a child’s.`
      : null,
    extra ?? null,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(' ') : undefined
}

/**
 * The case study as it will be published: one input for every published field (see
 * app/privacy/published-fields.ts), each marked with the personal data found in it.
 */
export function CaseStudyForm({
  values,
  version,
  stored,
  changed,
  findings,
  errors,
  organisationNamed,
}: {
  values: PublishedValues
  version: number
  /** Another moderator's saved text, when a save was refused because they saved first. */
  stored: PublishedValues | null
  changed: string[]
  findings: DraftFinding[]
  errors: Record<string, string>
  organisationNamed: boolean
}) {
  const mine = textsById(values)
  const theirs = stored ? textsById(stored) : new Map<string, string>()
  const theirsFor = (key: string, id: string) =>
    changed.includes(key) ? (theirs.get(id) ?? '') : null
  const messageFor = (id: string) => findingMessage(findings, id, errors[id])
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="version" value={version} />
      {stored ? (
        <div className="govuk-inset-text">
          Showing your version. Another moderator’s saved text is below each changed field; save
          again to keep yours.
        </div>
      ) : null}
      {publishedFields.map((field) => {
        if (field.input === 'measures')
          return (
            <MeasureInputs
              key={`${field.key}-${version}`}
              texts={mine}
              messageFor={messageFor}
              theirs={changed.includes(field.key) ? theirs : null}
            />
          )
        const other = theirsFor(field.key, field.key)
        const props = {
          name: field.key,
          label: field.label,
          defaultValue: mine.get(field.key) ?? '',
          error: messageFor(field.key),
        }
        return (
          <div key={`${field.key}-${version}-${stored ? 'c' : ''}`}>
            {field.input === 'text' ? (
              <Textarea {...props} rows={field.key === 'summary' ? 3 : 6} />
            ) : (
              <TextInput
                {...props}
                hint={
                  field.key === 'keywords'
                    ? 'Separate them with commas. Search finds case studies by them.'
                    : field.key === 'organisation_name'
                      ? organisationNamed
                        ? 'Published: the respondent agreed to be named.'
                        : 'Not published: the respondent asked not to be named.'
                      : undefined
                }
              />
            )}
            {other !== null ? (
              <div className="govuk-inset-text app-preserve-lines">
                <strong>Saved by another moderator:</strong> {other}
              </div>
            ) : null}
          </div>
        )
      })}
      <TextInput
        name="changeReason"
        label="Reason for the change (optional)"
        hint="For example, “removed a pupil’s name”. Recorded in the audit log."
      />
      <Button name="intent" value="save-draft">
        Save case study
      </Button>
    </Form>
  )
}

function MeasureInputs({
  texts,
  messageFor,
  theirs,
}: {
  texts: Map<string, string>
  messageFor: (id: string) => string | undefined
  theirs: Map<string, string> | null
}) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          Measures reported by the school
        </legend>
        <div className="govuk-hint">
          Published as a table under the impact. Clear a row’s four boxes to remove it.
        </div>
        {Array.from({ length: MAX_MEASURES }, (_, row) => (
          <fieldset className="govuk-fieldset app-measure-row" key={row}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Measure {row + 1}
            </legend>
            {MEASURE_PARTS.map((part) => {
              const id = `measures-${row + 1}-${part}`
              const other = theirs ? (theirs.get(id) ?? '') : null
              return (
                <div key={id}>
                  <TextInput
                    name={id}
                    label={`${measurePartLabels[part]} (measure ${row + 1})`}
                    defaultValue={texts.get(id) ?? ''}
                    error={messageFor(id)}
                    widthClass={part === 'measure' ? undefined : 'govuk-input--width-20'}
                  />
                  {other !== null && other !== (texts.get(id) ?? '') ? (
                    <div className="govuk-inset-text">
                      <strong>Saved by another moderator:</strong> {other}
                    </div>
                  ) : null}
                </div>
              )
            })}
          </fieldset>
        ))}
      </fieldset>
    </div>
  )
}
