import type { EmailMessage } from '../notifications/email.server'
import { formatLondonDate } from '../utils/london-time'

/**
 * The invitation to tell us how the practice is going, and its one reminder. The link is the
 * school's only way in (no account), so the email says how long it works and not to share it.
 */
export function followUpEmail(input: {
  to: string
  reference: string
  title: string
  months: number
  round: number
  link: string
  expiresAt: Date
  reminder: boolean
}): EmailMessage {
  const when = `${input.months} months`
  return {
    to: input.to,
    // The submission's reference and the round: enough to find the message, nothing personal.
    reference: `${input.reference}-F${input.round}${input.reminder ? 'R' : ''}`,
    subject: input.reminder
      ? `Reminder: how is “${input.title}” going?`
      : `How is “${input.title}” going? ${when} on`,
    body: [
      input.reminder
        ? `We wrote two weeks ago to ask how your practice is going. There is still time to tell us.`
        : `Your case study “${input.title}” was published in the Inclusion in Practice library ${when} ago. You agreed that we could ask how the practice is going.`,
      'It takes about 10 minutes: is it still running, what has changed, any new figures, how many pupils it reaches now and anything you would add to your advice. A moderator reads your answers and may publish them as a new version of your case study.',
      input.reminder
        ? `Use this link (the link in our first email no longer works):`
        : 'Use this link to answer:',
      input.link,
      `The link works once, until ${formatLondonDate(input.expiresAt)}. Do not share it: anyone who has it can answer for your school.`,
      'Do not include pupils’ names or other details that could identify a child.',
      'If you would rather not answer, you can ignore this email.',
    ].join('\n\n'),
  }
}
