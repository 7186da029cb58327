import type { Kysely } from 'kysely'
import { addJob } from '../../db/job-queue'
import type { DB } from '../../db/types'

export interface EmailMessage {
  to: string
  subject: string
  /** Plain text with Notify's light formatting: blank lines between paragraphs, `^` insets. */
  body: string
  /** Shown in Notify's dashboard to find a message; never personal data. */
  reference: string
}

export const SEND_EMAIL_TASK = 'send_email'

/** Queues an email in the caller's transaction; the job runner sends it, retrying on failure. */
export async function queueEmail(db: Kysely<DB>, message: EmailMessage) {
  await addJob(db, SEND_EMAIL_TASK, { ...message }, { maxAttempts: 10 })
}
