import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { rescanPublishedCaseStudies } from '../../privacy/rescan.server'

// `npm run privacy:rescan`: scans every published case study again, with the text of its earlier
// versions, under the current rules for children's personal data, and takes out of the library any
// that fail (the app also checks, at start-up, those scanned under older rules). Says what it found.
const env = getEnv()
await withServices(env, async ({ db }) => {
  const report = await rescanPublishedCaseStudies(db, { all: true })
  console.log(
    `Personal data rescan: ${report.scanned} published case studies (with their earlier versions) scanned.`,
  )
  if (report.withheld.length === 0) console.log('  Nothing found: every one stays in the library.')
  for (const { slug, findings } of report.withheld)
    console.log(`  Taken out of the library: ${slug} (${findings.join('; ')})`)
})
