import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { eraseSubjectData, exportSubjectData } from '../../data-protection/subject.server'

// `npm run data:subject -- --email X [--out file.json] [--erase]`: a respondent's rights of
// access and erasure. Without --erase, writes everything held about them as JSON (to --out, or
// the terminal). With --erase, writes the export first, then erases as the policy in docs/personal-data.md says.
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    out: { type: 'string' },
    erase: { type: 'boolean', default: false },
  },
})
const email = values.email?.trim()
if (!email || !email.includes('@')) {
  console.error(
    'Give the respondent’s email address: npm run data:subject -- --email name@school.example',
  )
  process.exit(2)
}
const env = getEnv()
await withServices(env, async ({ db }) => {
  const data = await exportSubjectData(db, email)
  const json = `${JSON.stringify(data, null, 2)}\n`
  if (values.out) {
    await writeFile(values.out, json, { mode: 0o600 })
    console.error(`${data.responses.length} responses for ${email} written to ${values.out}.`)
  } else {
    process.stdout.write(json)
  }
  if (values.erase) {
    const report = await eraseSubjectData(db, env, email)
    console.error(
      `Erased: ${report.responsesDeleted} responses deleted, ${report.responsesAnonymised} published ones anonymised, ${report.filesDeleted} files deleted, ${report.queuedEmailsRemoved} queued emails removed, ${report.followUpInvitationsCancelled} follow-up invitations cancelled.`,
    )
  }
})
