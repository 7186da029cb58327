import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findSample,
  insertSample,
  listSamplesWithCodes,
  markReconciled,
  replaceSecondTags,
} from '../../db/repositories/double-coding'
import { findDraftForSubmission, lockSubmission } from '../../db/repositories/moderation'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import type { DB } from '../../db/types'
import { agreement } from './agreement'
import { codedSchemes } from './tagging'

export type DoubleCodingResult = { ok: true } | { ok: false; message: string }

/** An admin picks a claimed submission for independent second tagging. */
export async function markForDoubleCoding(
  db: Kysely<DB>,
  input: { submissionId: string; actorId: string },
): Promise<DoubleCodingResult> {
  if (!(await findDraftForSubmission(db, input.submissionId)))
    return {
      ok: false,
      message: 'Only a claimed submission, with tags to compare, can be double coded',
    }
  await db.transaction().execute(async (trx) => {
    if (await insertSample(trx, input.submissionId, input.actorId))
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: 'submission.double_coding_requested',
        subjectType: 'submission',
        subjectId: input.submissionId,
      })
  })
  return { ok: true }
}

/**
 * The second coder's tags. They must not be the moderator who holds the submission (the first
 * coder), and they never see the first coder's tags.
 */
export async function saveSecondCoding(
  db: Kysely<DB>,
  input: { submissionId: string; coderId: string; tags: { scheme: string; code: string }[] },
): Promise<DoubleCodingResult> {
  return db.transaction().execute(async (trx): Promise<DoubleCodingResult> => {
    const submission = await lockSubmission(trx, input.submissionId)
    const sample = await findSample(trx, input.submissionId)
    if (!submission || !sample)
      return { ok: false, message: 'This submission is not in the double-coding sample' }
    if (submission.assigned_to === input.coderId)
      return {
        ok: false,
        message: 'The second coding must be done by a different moderator from the first',
      }
    if (sample.reconciled_at)
      return { ok: false, message: 'This sample has already been reconciled' }
    await replaceSecondTags(trx, input.submissionId, input.coderId, input.tags)
    await recordAuditEvent(trx, {
      actorId: input.coderId,
      action: 'submission.second_coded',
      subjectType: 'submission',
      subjectId: input.submissionId,
      after: { tags: input.tags.map((t) => `${t.scheme}:${t.code}`) },
    })
    return { ok: true }
  })
}

export async function reconcileSample(
  db: Kysely<DB>,
  input: { submissionId: string; actorId: string },
): Promise<DoubleCodingResult> {
  return db.transaction().execute(async (trx): Promise<DoubleCodingResult> => {
    if (!(await markReconciled(trx, input.submissionId, input.actorId)))
      return {
        ok: false,
        message:
          'Only a sample that has been second coded, and not yet reconciled, can be reconciled',
      }
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: 'submission.double_coding_reconciled',
      subjectType: 'submission',
      subjectId: input.submissionId,
    })
    return { ok: true }
  })
}

/** Agreement per scheme over every second-coded sample, and each sample's disagreements. */
export async function agreementReport(db: Kysely<DB>) {
  const [samples, terms] = await Promise.all([listSamplesWithCodes(db), listTaxonomyTerms(db)])
  const coded = samples.filter((s) => s.coded_at)
  const schemes = codedSchemes.map((scheme) => {
    const schemeTerms = terms.filter((t) => t.scheme === scheme).map((t) => `${scheme}:${t.code}`)
    return {
      scheme,
      ...agreement(
        coded.map((s) => ({ first: s.firstTags, second: s.secondTags })),
        schemeTerms,
      ),
    }
  })
  const label = new Map(terms.map((t) => [`${t.scheme}:${t.code}`, t.label]))
  return {
    schemes,
    samples: samples.map((s) => ({
      reference: s.reference,
      firstCoder: s.firstCoder,
      secondCoder: s.secondCoder,
      coded: Boolean(s.coded_at),
      reconciled: Boolean(s.reconciled_at),
      onlyFirst: s.firstTags.filter((t) => !s.secondTags.includes(t)).map((t) => label.get(t) ?? t),
      onlySecond: s.secondTags
        .filter((t) => !s.firstTags.includes(t))
        .map((t) => label.get(t) ?? t),
    })),
  }
}
