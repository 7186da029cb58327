import type { Kysely } from 'kysely'
import { listVersionsForRescan } from '../../db/repositories/case-study-versions'
import {
  findDismissedFingerprints,
  findSchoolPostcodes,
  listPublishedForRescan,
  markScanned,
} from '../../db/repositories/privacy'
import type { DB } from '../../db/types'
import { storedVersionValues } from '../follow-ups/versions.server'
import { personalDataLabels, scanText, scannerVersion } from '../submissions/personal-data'
import { openFindings, scanCaseStudy } from './case-study-scan.server'
import { withholdCaseStudy } from './public-boundary.server'
import { asPublished, readPublishedValues, type PublishedValues } from './published-fields'

export interface RescanReport {
  scanned: number
  withheld: { slug: string; findings: string[] }[]
}

/** An open finding: where it is (for the alert and the audit event) and what, for the report. */
interface Open {
  path: string
  kind: string
  line: string
}

/**
 * Scans published case studies again with the current rules, as publishing would: any with a
 * finding no moderator has dismissed is taken out of the library, audited and shown to staff as
 * an alert. By default only those last scanned under older rules; `all` scans every one.
 *
 * A case study's earlier versions are public too (each has a permalink, and the history shows
 * every version's line about what changed), so they are scanned with it, by the same rules and
 * dismissals: a finding in version 1's text takes the case study out of the library just as one
 * in its current text does, with the alert naming the version (`versions.1.summary`).
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
    const ids = batch.map((row) => row.id)
    const [dismissed, versions] = await Promise.all([
      findDismissedFingerprints(db, ids),
      listVersionsForRescan(db, ids),
    ])
    const clean: string[] = []
    for (const row of batch) {
      const current = readPublishedValues(row)
      const scan = {
        postcodes: await findSchoolPostcodes(db, row.id),
        dismissed: dismissed.get(row.id) ?? new Set<string>(),
        organisationNamed: row.organisation_named,
      }
      const open = [
        ...openIn(current, scan, ''),
        ...versions
          .filter((v) => v.case_study_id === row.id)
          .flatMap((v) => [
            ...(v.published_values === null
              ? []
              : openIn(
                  storedVersionValues(v.published_values, current),
                  scan,
                  `versions.${v.number}.`,
                  ` (version ${v.number})`,
                )),
            ...scanText('changeSummary', v.change_summary).map((f) => ({
              path: `versions.${v.number}.changeSummary`,
              kind: f.kind,
              line: `${personalDataLabels[f.kind]} in What changed (version ${v.number})`,
            })),
          ]),
      ]
      if (open.length === 0) {
        clean.push(row.id)
        continue
      }
      await withholdCaseStudy(db, {
        caseStudyId: row.id,
        surface: 'rescan',
        findings: open.map(({ path, kind }) => ({ path, kind })),
      })
      report.withheld.push({ slug: row.slug, findings: open.map((f) => f.line) })
    }
    await markScanned(db, clean, scannerVersion)
    report.scanned += batch.length
    afterId = batch.at(-1)!.id
  }
  return report
}

/** The open findings in one text of a case study, as publishing would find them. */
function openIn(
  values: PublishedValues,
  scan: { postcodes: string[]; dismissed: ReadonlySet<string>; organisationNamed: boolean },
  pathPrefix: string,
  labelSuffix = '',
): Open[] {
  const findings = scanCaseStudy(asPublished(values, scan.organisationNamed), {
    allowedPostcodes: scan.postcodes,
  })
  return openFindings(findings, scan.dismissed).map((f) => ({
    path: `${pathPrefix}${f.id}`,
    kind: f.kind,
    line: `${f.kindLabel} in ${f.label}${labelSuffix}`,
  }))
}
