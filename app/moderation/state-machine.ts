// The moderation state machine. Pure: it says which decisions are allowed from which status and
// where each leads; the capability module applies them in a transaction.

export type SubmissionStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'published'
  | 'rejected'
  | 'withdrawn'

export type Decision = 'claim' | 'request_changes' | 'approve' | 'publish' | 'reject' | 'unpublish'

export const decisions: readonly Decision[] = [
  'claim',
  'request_changes',
  'approve',
  'publish',
  'reject',
  'unpublish',
]

export const statuses: readonly SubmissionStatus[] = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'rejected',
  'withdrawn',
]

const transitions: Record<Decision, Partial<Record<SubmissionStatus, SubmissionStatus>>> = {
  claim: { submitted: 'in_review', changes_requested: 'in_review' },
  request_changes: { in_review: 'changes_requested' },
  approve: { in_review: 'approved' },
  publish: { in_review: 'published', approved: 'published' },
  reject: {
    submitted: 'rejected',
    in_review: 'rejected',
    changes_requested: 'rejected',
    approved: 'rejected',
  },
  unpublish: { published: 'approved' },
}

export const statusLabels: Record<SubmissionStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
}

const decisionLabels: Record<Decision, string> = {
  claim: 'claimed',
  request_changes: 'sent back for changes',
  approve: 'approved',
  publish: 'published',
  reject: 'rejected',
  unpublish: 'unpublished',
}

export type TransitionResult = { ok: true; to: SubmissionStatus } | { ok: false; message: string }

/** Where a decision leads from a status, or why it cannot be taken. */
export function transition(from: SubmissionStatus, decision: Decision): TransitionResult {
  const to = transitions[decision][from]
  if (to) return { ok: true, to }
  return {
    ok: false,
    message: `A submission that is ${statusLabels[from].toLowerCase()} cannot be ${decisionLabels[decision]}`,
  }
}

/** The decisions a moderator can take from a status, for the review page's buttons. */
export function allowedDecisions(from: SubmissionStatus): Decision[] {
  return decisions.filter((decision) => transitions[decision][from] !== undefined)
}

export interface PublishCheck {
  summary: string
  practiceTags: number
  needTags: number
  /** Personal data still in the case study's text and not dismissed, one line each. */
  personalData: string[]
  publication: string | undefined
}

/** What stops a case study being published, as messages a moderator can act on. */
export function publishProblems(check: PublishCheck): string[] {
  const problems: string[] = []
  if (check.publication === 'evidence-only')
    problems.push(
      'The respondent asked for this response to be used as evidence only, not published',
    )
  if (!check.summary.trim()) problems.push('Write a summary before publishing')
  if (check.practiceTags === 0) problems.push('Tag at least one type of practice before publishing')
  if (check.needTags === 0) problems.push('Tag at least one need before publishing')
  if (check.personalData.length > 0)
    problems.push(
      `Remove the personal data from the case study before publishing: ${check.personalData.join('; ')}`,
    )
  return problems
}
