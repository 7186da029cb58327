import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  insertDismissal,
  lockCaseStudyText,
  setPersonalDataCleared,
} from '../../db/repositories/privacy'
import type { DB } from '../../db/types'
import { checkCaseStudyText } from './checks.server'
import { readPublishedValues } from './published-fields'

export type DismissResult = { ok: true } | { ok: false; status: 404 | 409; message: string }

/**
 * A moderator dismisses one finding as a false positive ("this is a teacher's name"), with a
 * reason. The finding must still be in the text as it is stored now; the dismissal covers that
 * text at that place only, and is audited. A check-digit-valid identifier cannot be dismissed.
 */
export async function dismissFinding(
  db: Kysely<DB>,
  input: { caseStudyId: string; actorId: string; fingerprint: string; reason: string },
): Promise<DismissResult> {
  return db.transaction().execute(async (trx): Promise<DismissResult> => {
    const caseStudy = await lockCaseStudyText(trx, input.caseStudyId)
    if (!caseStudy) return { ok: false, status: 404, message: 'There is no such case study' }
    const check = await checkCaseStudyText(
      trx,
      caseStudy.id,
      readPublishedValues(caseStudy),
      caseStudy.organisation_named,
    )
    const finding = check.findings.find((f) => f.fingerprint === input.fingerprint)
    if (!finding)
      return {
        ok: false,
        status: 409,
        message:
          'That possible personal data is no longer in the case study as saved. Check the list again',
      }
    if (!finding.dismissible)
      return {
        ok: false,
        status: 409,
        message: `A ${finding.kindLabel} with a valid check digit cannot be dismissed. Remove it from ${finding.label}`,
      }
    await insertDismissal(trx, {
      caseStudyId: caseStudy.id,
      fingerprint: finding.fingerprint,
      field: finding.id,
      kind: finding.kind,
      match: finding.match,
      reason: input.reason,
      actorId: input.actorId,
    })
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: 'case_study.personal_data_dismissed',
      subjectType: 'case_study',
      subjectId: caseStudy.id,
      after: { field: finding.id, kind: finding.kind, match: finding.match, reason: input.reason },
    })
    if (caseStudy.submission_id)
      await setPersonalDataCleared(trx, {
        submissionId: caseStudy.submission_id,
        cleared: check.open.every((f) => f.fingerprint === finding.fingerprint),
        actorId: input.actorId,
      })
    return { ok: true }
  })
}
