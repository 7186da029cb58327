import { formatLondonDateTime } from '../utils/london-time'
import type { EmailMessage } from '../notifications/email.server'
import type { SummarySection } from './summary'

interface CallInfo {
  title: string
  closes_at: Date
}

export function returnLinkEmail(input: {
  to: string
  call: CallInfo
  reference: string
  link: string
  isDraft: boolean
}): EmailMessage {
  const closes = formatLondonDateTime(input.call.closes_at)
  return {
    to: input.to,
    reference: input.reference,
    subject: input.isDraft
      ? `Continue your response to ${input.call.title}`
      : `See your response to ${input.call.title}`,
    body: [
      input.isDraft
        ? 'Use this link to carry on with your response where you left off:'
        : 'Use this link to see the status of the response you sent:',
      input.link,
      input.isDraft
        ? `The link works until the call closes at ${closes} (UK time). Send your response before then.`
        : `Your reference is ${input.reference}.`,
      'Do not share this link: anyone who has it can open your response.',
      'If you did not ask for this email, you can ignore it.',
    ].join('\n\n'),
  }
}

export const MASKED = '[possible pupil identifier removed]'

/** Replaces every occurrence of each phrase, longest first, so that no part of one survives. */
function masked(text: string, phrases: readonly string[]) {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .reduce((out, phrase) => out.split(phrase).join(MASKED), text)
}

export function receiptEmail(input: {
  to: string
  call: CallInfo
  reference: string
  summary: SummarySection[]
  link: string
  resubmitted?: boolean
  /** What the personal-data scan found in the answers: never repeated in an email. */
  findings?: readonly string[]
}): EmailMessage {
  const found = [...new Set((input.findings ?? []).filter(Boolean))]
  const answers = input.summary.flatMap((section) => [
    `# ${section.title}`,
    ...section.rows.map((row) => `${row.label}:\n${masked(row.value, found)}`),
  ])
  return {
    to: input.to,
    reference: input.reference,
    subject: `${input.resubmitted ? 'Changes received' : 'Response received'}: ${input.reference}`,
    body: [
      input.resubmitted
        ? `Thank you for changing your response to ${input.call.title}. A moderator will read it again.`
        : `Thank you for your response to ${input.call.title}.`,
      `^ Your reference is ${input.reference}`,
      'What happens next: a moderator will read your response, remove personal details and may contact you if you agreed. We will email you when it is published, or tell you why it was not.',
      `See your response's status: ${input.link}`,
      '---',
      'A copy of your answers',
      ...(found.length > 0
        ? [
            `We have hidden ${found.length === 1 ? 'something' : `${found.length} things`} in this copy that may identify a pupil, such as a name, a date of birth or a pupil number, and shown "${MASKED}" instead. Your response keeps your words as you wrote them; a moderator removes personal details before anything is published.`,
          ]
        : []),
      ...answers,
    ].join('\n\n'),
  }
}
