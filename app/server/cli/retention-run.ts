import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { runRetention } from '../../data-protection/retention.server'

// `npm run retention:run`: applies the retention policy now (the app also runs it daily) and
// says what it did.
const env = getEnv()
await withServices(env, async ({ db }) => {
  const report = await runRetention(db, env)
  console.log(
    [
      `Retention: calls that closed on or before ${report.cutoff} (${env.RETENTION_CONTACT_DAYS} days ago).`,
      `  Contact details removed from ${report.contactsRemoved} sent responses.`,
      `  Kept for follow-ups still to come: ${report.contactsKeptForFollowUp}.`,
      `  Unsent drafts deleted: ${report.draftsDeleted} (files deleted: ${report.filesDeleted}).`,
      `  Redacted text removed from ${report.redactionsScrubbed} audit events.`,
      `  Queued emails to those addresses removed: ${report.queuedEmailsRemoved}.`,
    ].join('\n'),
  )
})
