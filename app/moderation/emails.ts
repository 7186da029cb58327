import type { EmailMessage } from '../notifications/email.server'
import type { Decision } from './state-machine'

/** What the respondent is told about a decision, if anything. */
export function decisionEmail(input: {
  decision: Decision
  to: string | null
  reference: string
  reason: string
  link: string
}): EmailMessage | null {
  if (!input.to) return null
  const base = { to: input.to, reference: input.reference }
  if (input.decision === 'publish')
    return {
      ...base,
      subject: `Your case study is published: ${input.reference}`,
      body: [
        'Thank you for sharing your practice. Your response is now a case study in the national practice library:',
        input.link,
        `Your reference is ${input.reference}.`,
      ].join('\n\n'),
    }
  if (input.decision === 'reject')
    return {
      ...base,
      subject: `Your response was not published: ${input.reference}`,
      body: [
        'Thank you for your response. After reading it carefully, we will not publish it as a case study.',
        `The moderator's reason:\n\n^ ${input.reason}`,
        'It may still inform the advisory groups’ analysis if you agreed to that.',
        `Your reference is ${input.reference}.`,
      ].join('\n\n'),
    }
  if (input.decision === 'request_changes')
    return {
      ...base,
      subject: `Changes requested to your response: ${input.reference}`,
      body: [
        'A moderator has read your response and asks you to change something before it can be published:',
        `^ ${input.reason}`,
        'Use this link to change your answers and send your response again before the call closes:',
        input.link,
        'Do not share this link: anyone who has it can open your response.',
        `Your reference is ${input.reference}.`,
      ].join('\n\n'),
    }
  return null
}
