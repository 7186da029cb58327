import type { InputHTMLAttributes, Ref } from 'react'
import { Choices } from '~/components/govuk/forms'

/** "1 and 2 months" / "6 and 12 months". */
export const monthsPhrase = (months: readonly number[]) =>
  `${months.length > 1 ? `${months.slice(0, -1).join(', ')} and ${months.at(-1)}` : months[0]} months`

/**
 * The consent page's opt-in to follow-ups: unticked unless the respondent ticks it, and saying
 * how long we keep their contact details because of it (as the privacy notice does).
 */
export function FollowUpConsent({
  months,
  selected,
  error,
  inputProps,
}: {
  months: readonly number[]
  selected?: string
  error?: string
  inputProps?: Partial<InputHTMLAttributes<HTMLInputElement>> & { ref?: Ref<HTMLInputElement> }
}) {
  return (
    <Choices
      type="checkbox"
      name="followUp"
      legend="Following up"
      hint={`If your response is published, we would like to ask how the practice is going ${monthsPhrase(months)} later: whether it is still running, what has changed and any new figures. A moderator may publish what you tell us as a new version of your case study. If you agree, we keep your name and email address until the last of these emails has been answered or has expired, then delete them.`}
      options={[
        {
          value: 'yes',
          label: `Yes, you may email me ${monthsPhrase(months)} after publication to ask how the practice is going`,
        },
      ]}
      selected={selected}
      error={error}
      small
      inputProps={inputProps}
    />
  )
}
