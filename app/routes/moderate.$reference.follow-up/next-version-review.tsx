import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Button, Choices, Textarea } from '~/components/govuk/forms'
import type { NextVersionDraft } from '~/follow-ups/next-version'
import { practiceStatusLabels, practiceStatuses } from '~/follow-ups/review-state'
import { evidenceStrengthLevels } from '../../reference/taxonomy'
import type { loader } from './route'

/** The next version's evidence rating, the practice's status and the history's line. */
export function NextVersionReview({
  draft,
  errors,
}: {
  draft: NextVersionDraft
  errors: Record<string, string>
}) {
  const { followUp, caseStudy, summaryFindings } = useLoaderData<typeof loader>().review!
  return (
    <Form method="post" key={`${followUp.editVersion}`} className="govuk-!-margin-bottom-9">
      <CsrfInput />
      <input type="hidden" name="version" value={followUp.editVersion} />
      <Choices
        type="radio"
        name="evidenceStrength"
        legend="Strength of evidence"
        hint={`Version ${caseStudy.version} is rated ${caseStudy.evidenceStrength ?? 'not rated'}. Re-rate it on what the school can now show.`}
        options={evidenceStrengthLevels.map((level) => ({
          value: String(level.value),
          label: `${level.value}: ${level.label}`,
          hint: level.description,
        }))}
        selected={draft.evidenceStrength === null ? undefined : String(draft.evidenceStrength)}
        small
      />
      <Choices
        type="radio"
        name="practiceStatus"
        legend="Is the practice still running?"
        options={practiceStatuses.map((value) => ({ value, label: practiceStatusLabels[value] }))}
        selected={draft.practiceStatus}
        error={errors.practiceStatus}
        small
      />
      <Textarea
        name="changeSummary"
        label="What changed in this version"
        hint="Published in the case study’s history beside this version’s date. Do not name pupils."
        rows={3}
        defaultValue={draft.changeSummary}
        error={
          errors.changeSummary ??
          (summaryFindings.length > 0
            ? `Possible personal data: ${summaryFindings.join('; ')}. Remove it before publishing.`
            : undefined)
        }
      />
      <Button secondary name="intent" value="save-review">
        Save rating and history
      </Button>
    </Form>
  )
}
