import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  applyNewVersion,
  countCaseStudyVersions,
  insertCaseStudyVersion,
  lockCaseStudyForNewVersion,
} from '../../db/repositories/case-study-versions'
import {
  lockFollowUp,
  updateFollowUpDraftIfVersion,
  updateFollowUpReview,
} from '../../db/repositories/follow-ups'
import { markScanned } from '../../db/repositories/privacy'
import type { DB, Json } from '../../db/types'
import { setCaseStudyPublished } from '../moderation/publication.server'
import { describeFindings } from '../privacy/case-study-scan.server'
import { checkCaseStudyText } from '../privacy/checks.server'
import { readPublishedValues } from '../privacy/published-fields'
import { personalDataLabels, scanText, scannerVersion } from '../submissions/personal-data'
import { readNextVersion, startNextVersion, type NextVersionDraft } from './next-version'
import {
  followUpTransition,
  type FollowUpDecision,
  type FollowUpStatus,
  type PracticeStatus,
} from './review-state'

export type ReviewResult =
  | { ok: true; status: FollowUpStatus }
  | { ok: false; status: 400 | 404 | 409; message: string; conflict?: boolean }

const notFound: ReviewResult = { ok: false, status: 404, message: 'There is no such update' }

/** Personal data in the history's line about what changed: public text, so scanned too. */
export function changeSummaryProblems(summary: string): string[] {
  return scanText('changeSummary', summary).map(
    (f) => `${personalDataLabels[f.kind]} “${f.match}” in What changed`,
  )
}

/**
 * Claims an update (submitted → in review): the moderator holds it, and the next version's draft
 * starts from the case study as published with what the school said.
 */
async function claim(trx: Kysely<DB>, actorId: string, followUp: LockedFollowUp, to: string) {
  const current = await lockCaseStudyForNewVersion(trx, followUp.case_study_id)
  if (!current) throw new Error(`No case study ${followUp.case_study_id}`)
  const submittedAt = followUp.submitted_at ? new Date(followUp.submitted_at) : new Date()
  const draft =
    followUp.draft ??
    (startNextVersion(
      readPublishedValues(current),
      current.evidence_strength,
      followUp.answers,
      submittedAt,
    ) as unknown as Json)
  await updateFollowUpReview(trx, followUp.id, { status: to, assignedTo: actorId, draft })
}

type LockedFollowUp = NonNullable<Awaited<ReturnType<typeof lockFollowUp>>>

/**
 * Takes one decision on an update, under the update's row lock and by the state machine: claim
 * it, record it without publishing, or publish the next version. Each writes its audit event in
 * the same transaction; a refusal writes nothing.
 */
export async function decideFollowUp(
  db: Kysely<DB>,
  input: {
    followUpId: string
    actorId: string
    decision: FollowUpDecision
    /** The draft's edit version the moderator saw: publishing a draft changed since is refused. */
    editVersion?: number
    reason?: string
    now: Date
  },
): Promise<ReviewResult> {
  return db.transaction().execute(async (trx): Promise<ReviewResult> => {
    const followUp = await lockFollowUp(trx, input.followUpId)
    if (!followUp) return notFound
    const from = followUp.status as FollowUpStatus
    const step = followUpTransition(from, input.decision)
    if (!step.ok) return { ok: false, status: 409, message: step.message }
    const reason = input.reason?.trim().slice(0, 5000) ?? ''

    if (input.decision === 'claim') await claim(trx, input.actorId, followUp, step.to)
    if (input.decision === 'record') {
      await updateFollowUpReview(trx, followUp.id, {
        status: step.to,
        decidedBy: input.actorId,
        decidedAt: input.now,
      })
    }
    let version: { before: Json; after: Json } | null = null
    if (input.decision === 'publish') {
      const published = await publishNextVersion(trx, followUp, input)
      if (!published.ok) return published
      version = published.audit
      await updateFollowUpReview(trx, followUp.id, {
        status: step.to,
        decidedBy: input.actorId,
        decidedAt: input.now,
        publishedVersion: published.number,
      })
    }
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: `follow_up.${input.decision === 'record' ? 'recorded' : input.decision === 'publish' ? 'published' : 'claimed'}`,
      subjectType: 'follow_up',
      subjectId: followUp.id,
      before: { status: from, ...(version ? (version.before as object) : {}) },
      after: {
        status: step.to,
        ...(version ? (version.after as object) : {}),
        ...(reason ? { reason } : {}),
      },
    })
    return { ok: true, status: step.to }
  })
}

/**
 * Publishes the update's draft as the case study's next version, inside the decision's
 * transaction: the draft's text is scanned here (what passes is exactly what the library gets);
 * version 1 is kept first if this is the first new version; the case study takes the new text,
 * rating and status; and the one publish path (setCaseStudyPublished) audits it and tells the
 * search index.
 */
async function publishNextVersion(
  trx: Kysely<DB>,
  followUp: LockedFollowUp,
  input: { actorId: string; editVersion?: number; now: Date },
): Promise<
  | { ok: true; number: number; audit: { before: Json; after: Json } }
  | (ReviewResult & { ok: false })
> {
  if (input.editVersion !== undefined && input.editVersion !== followUp.edit_version)
    return {
      ok: false,
      status: 409,
      conflict: true,
      message:
        'Another moderator changed the next version since you opened it. Check their changes, then publish.',
    }
  const current = await lockCaseStudyForNewVersion(trx, followUp.case_study_id)
  if (!current || current.status !== 'published' || !current.published_at)
    return {
      ok: false,
      status: 409,
      message:
        'The case study is not in the library: publish it from its submission before publishing a new version',
    }
  const values = readPublishedValues(current)
  const draft: NextVersionDraft = readNextVersion(followUp.draft, {
    values,
    evidenceStrength: current.evidence_strength,
    practiceStatus: current.practice_status as PracticeStatus,
    changeSummary: '',
  })
  const check = await checkCaseStudyText(trx, current.id, draft.values, current.organisation_named)
  const problems = [
    ...(!draft.values.title.trim() ? ['Enter a title for the case study'] : []),
    ...(!draft.values.summary.trim() ? ['Write a summary before publishing'] : []),
    ...(!draft.changeSummary.trim()
      ? ['Say what changed in this version: it is shown in the case study’s history']
      : []),
    ...(check.open.length > 0
      ? [
          `Remove the personal data from the next version before publishing: ${describeFindings(check.open).join('; ')}`,
        ]
      : []),
    ...(changeSummaryProblems(draft.changeSummary).length > 0
      ? [
          `Remove the personal data from what changed: ${changeSummaryProblems(draft.changeSummary).join('; ')}`,
        ]
      : []),
  ]
  if (problems.length > 0) return { ok: false, status: 409, message: problems.join('. ') }

  // A case study never followed up is its own version 1: keep it before it is replaced.
  if ((await countCaseStudyVersions(trx, current.id)) === 0)
    await insertCaseStudyVersion(trx, {
      caseStudyId: current.id,
      number: current.public_version,
      publishedAt: new Date(current.published_at),
      values,
      evidenceStrength: current.evidence_strength,
      practiceStatus: current.practice_status,
      changeSummary: '',
      followUpId: null,
    })
  const number = current.public_version + 1
  const since =
    draft.practiceStatus !== 'stopped'
      ? null
      : current.practice_status === 'stopped' && current.practice_status_since
        ? new Date(current.practice_status_since)
        : input.now
  await applyNewVersion(trx, current.id, {
    number,
    values: draft.values,
    evidenceStrength: draft.evidenceStrength,
    practiceStatus: draft.practiceStatus,
    practiceStatusSince: since,
    reviewedAt: input.now,
  })
  await insertCaseStudyVersion(trx, {
    caseStudyId: current.id,
    number,
    publishedAt: input.now,
    values: draft.values,
    evidenceStrength: draft.evidenceStrength,
    practiceStatus: draft.practiceStatus,
    changeSummary: draft.changeSummary.trim(),
    followUpId: followUp.id,
  })
  await setCaseStudyPublished(trx, {
    caseStudyId: current.id,
    actorId: input.actorId,
    published: true,
  })
  await markScanned(trx, [current.id], scannerVersion)
  return {
    ok: true,
    number,
    audit: {
      before: {
        version: current.public_version,
        evidenceStrength: current.evidence_strength,
        practiceStatus: current.practice_status,
      },
      after: {
        version: number,
        evidenceStrength: draft.evidenceStrength,
        practiceStatus: draft.practiceStatus,
      },
    },
  }
}

export type DraftEditResult =
  | { ok: true }
  | { ok: false; status: 404 | 409; message: string; conflict?: { current: NextVersionDraft } }

/**
 * Saves the moderator's edit of the next version (its text, or its rating, status and what
 * changed) if nobody saved since they opened it (optimistic locking); audited. Not public until
 * published, so text with findings may be saved: the page shows them and publishing refuses.
 */
export async function saveNextVersion(
  db: Kysely<DB>,
  input: {
    followUpId: string
    actorId: string
    editVersion: number
    change: (draft: NextVersionDraft) => NextVersionDraft
  },
): Promise<DraftEditResult> {
  return db.transaction().execute(async (trx): Promise<DraftEditResult> => {
    const followUp = await lockFollowUp(trx, input.followUpId)
    if (!followUp) return { ok: false, status: 404, message: 'There is no such update' }
    if (followUp.status !== 'in_review' || !followUp.draft)
      return {
        ok: false,
        status: 409,
        message: 'Claim this update before editing its next version',
      }
    const current = await lockCaseStudyForNewVersion(trx, followUp.case_study_id)
    if (!current) return { ok: false, status: 404, message: 'There is no such update' }
    const stored = readNextVersion(followUp.draft, {
      values: readPublishedValues(current),
      evidenceStrength: current.evidence_strength,
      practiceStatus: current.practice_status as PracticeStatus,
      changeSummary: '',
    })
    if (followUp.edit_version !== input.editVersion)
      return {
        ok: false,
        status: 409,
        message:
          'Another moderator saved the next version while you were editing it. Your changes have not been saved.',
        conflict: { current: stored },
      }
    const next = input.change(stored)
    await updateFollowUpDraftIfVersion(trx, followUp.id, input.editVersion, next as unknown as Json)
    const changed = (Object.keys(next) as (keyof NextVersionDraft)[]).filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(stored[key]),
    )
    if (changed.length > 0)
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: 'follow_up.edited',
        subjectType: 'follow_up',
        subjectId: followUp.id,
        before: Object.fromEntries(changed.map((k) => [k, stored[k]])) as Json,
        after: Object.fromEntries(changed.map((k) => [k, next[k]])) as Json,
      })
    return { ok: true }
  })
}
