import type { Kysely } from 'kysely'
import {
  findDismissedFingerprints,
  findSchoolPostcodes,
  listPublishedForRescan,
  markScanned,
} from '../../db/repositories/privacy'
import type { DB } from '../../db/types'
import { scannerVersion } from '../submissions/personal-data'
import { openFindings, scanCaseStudy } from './case-study-scan.server'
import { withholdCaseStudy } from './public-boundary.server'
import { asPublished, readPublishedValues } from './published-fields'

export interface RescanReport {
  scanned: number
  withheld: { slug: string; findings: string[] }[]
}

/**
 * Scans published case studies again with the current rules, as publishing would: any with a
 * finding no moderator has dismissed is taken out of the library, audited and shown to staff as
 * an alert. By default only those last scanned under older rules; `all` scans every one.
 */
export async function rescanPublishedCaseStudies(
  db: Kysely<DB>,
  options: { all?: boolean; batchSize?: number } = {},
): Promise<RescanReport> {
  const report: RescanReport = { scanned: 0, withheld: [] }
  // Everything below this version is due; with `all`, everything published is.
  const belowVersion = options.all ? 2_147_483_647 : scannerVersion
  let afterId: string | undefined
  for (;;) {
    const batch = await listPublishedForRescan(db, {
      belowVersion,
      afterId,
      limit: options.batchSize ?? 500,
    })
    if (batch.length === 0) break
    const dismissed = await findDismissedFingerprints(
      db,
      batch.map((row) => row.id),
    )
    const clean: string[] = []
    for (const row of batch) {
      const values = asPublished(readPublishedValues(row), row.organisation_named)
      const open = openFindings(
        scanCaseStudy(values, { allowedPostcodes: await findSchoolPostcodes(db, row.id) }),
        dismissed.get(row.id) ?? new Set(),
      )
      if (open.length === 0) {
        clean.push(row.id)
        continue
      }
      await withholdCaseStudy(db, {
        caseStudyId: row.id,
        surface: 'rescan',
        findings: open.map((f) => ({ path: f.id, kind: f.kind })),
      })
      report.withheld.push({
        slug: row.slug,
        findings: open.map((f) => `${f.kindLabel} in ${f.label}`),
      })
    }
    await markScanned(db, clean, scannerVersion)
    report.scanned += batch.length
    afterId = batch.at(-1)!.id
  }
  return report
}
