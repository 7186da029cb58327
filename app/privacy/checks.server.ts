import type { Kysely } from 'kysely'
import {
  findDismissedFingerprints,
  findSchoolPostcodes,
  setPersonalDataCleared,
} from '../../db/repositories/privacy'
import type { DB } from '../../db/types'
import { openFindings, scanCaseStudy, type CaseStudyFinding } from './case-study-scan.server'
import { asPublished, type PublishedValues } from './published-fields'

export interface TextCheck {
  findings: CaseStudyFinding[]
  /** Not dismissed: while there is one, the case study cannot be published. */
  open: CaseStudyFinding[]
}

/**
 * Scans the text a case study would publish, with the schools' own postcodes allowed and the
 * moderators' dismissals applied. The same check runs when the review page shows the case study,
 * whenever it is saved, and inside the publishing transaction.
 */
export async function checkCaseStudyText(
  db: Kysely<DB>,
  caseStudyId: string,
  values: PublishedValues,
  organisationNamed: boolean,
): Promise<TextCheck> {
  const [postcodes, dismissed] = await Promise.all([
    findSchoolPostcodes(db, caseStudyId),
    findDismissedFingerprints(db, [caseStudyId]),
  ])
  const findings = scanCaseStudy(asPublished(values, organisationNamed), {
    allowedPostcodes: postcodes,
  })
  return { findings, open: openFindings(findings, dismissed.get(caseStudyId) ?? new Set()) }
}

/**
 * The check on every save of a case study's text. A published case study may not take text with
 * an open finding (the library would show it at once): the findings come back and nothing is
 * written. Otherwise the submission's personal-data flag follows the text: cleared when nothing
 * is left open, raised again when something is.
 */
export async function checkTextOnSave(
  trx: Kysely<DB>,
  caseStudy: {
    id: string
    status: string
    submission_id: string | null
    organisation_named: boolean
  },
  values: PublishedValues,
  actorId: string,
): Promise<CaseStudyFinding[] | null> {
  const { open } = await checkCaseStudyText(trx, caseStudy.id, values, caseStudy.organisation_named)
  if (caseStudy.status === 'published' && open.length > 0) return open
  if (caseStudy.submission_id)
    await setPersonalDataCleared(trx, {
      submissionId: caseStudy.submission_id,
      cleared: open.length === 0,
      actorId,
    })
  return null
}
