import type { Kysely } from 'kysely'
import {
  findDraftForSubmission,
  findSubmissionForReview,
  listCaseStudyTagCodes,
} from '../../db/repositories/moderation'
import type { DB } from '../../db/types'
import { decide } from './decisions.server'
import { assignSubmission, saveTagging } from './editing.server'

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'tag'; scheme: string; code: string }
  | { kind: 'reject-duplicate'; duplicateOf: string }

export interface BulkOutcome {
  reference: string
  ok: boolean
  message: string
}

export const MAX_BULK = 100

/**
 * Applies one action to each chosen submission through the same functions as the review page, so
 * each gets exactly the audit events it would get one at a time. One failure stops nothing else.
 */
export async function applyBulk(
  db: Kysely<DB>,
  input: { references: string[]; actorId: string; action: BulkAction; baseUrl: string },
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = []
  for (const reference of input.references.slice(0, MAX_BULK)) {
    const submission = await findSubmissionForReview(db, reference)
    if (!submission) {
      outcomes.push({ reference, ok: false, message: 'There is no such submission' })
      continue
    }
    const { action } = input
    if (action.kind === 'assign') {
      await assignSubmission(db, {
        submissionId: submission.id,
        actorId: input.actorId,
        assigneeId: action.assigneeId,
      })
      outcomes.push({ reference, ok: true, message: 'Assigned' })
    } else if (action.kind === 'reject-duplicate') {
      const result = await decide(db, {
        submissionId: submission.id,
        actorId: input.actorId,
        decision: 'reject',
        reason: `Duplicate of ${action.duplicateOf}`,
        baseUrl: input.baseUrl,
      })
      outcomes.push({ reference, ok: result.ok, message: result.ok ? 'Rejected' : result.message })
    } else {
      const draft = await findDraftForSubmission(db, submission.id)
      if (!draft) {
        outcomes.push({ reference, ok: false, message: 'Claim it before tagging it' })
        continue
      }
      const tags = await listCaseStudyTagCodes(db, draft.id)
      const already = tags.some((t) => t.scheme === action.scheme && t.code === action.code)
      if (!already) {
        try {
          await saveTagging(db, {
            caseStudyId: draft.id,
            actorId: input.actorId,
            tags: [...tags, { scheme: action.scheme, code: action.code }],
            keywords: draft.keywords,
            evidenceStrength: draft.evidence_strength,
          })
        } catch {
          outcomes.push({ reference, ok: false, message: 'That term is retired or unknown' })
          continue
        }
      }
      outcomes.push({ reference, ok: true, message: already ? 'Already tagged' : 'Tagged' })
    }
  }
  return outcomes
}
