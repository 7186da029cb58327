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

export function receiptEmail(input: {
  to: string
  call: CallInfo
  reference: string
  summary: SummarySection[]
  link: string
  resubmitted?: boolean
}): EmailMessage {
  const answers = input.summary.flatMap((section) => [
    `# ${section.title}`,
    ...section.rows.map((row) => `${row.label}:\n${row.value}`),
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
      ...answers,
    ].join('\n\n'),
  }
}
