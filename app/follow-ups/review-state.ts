// The moderation state machine for a school's update (a follow-up). Pure, like the submissions'
// one in app/moderation/state-machine.ts: it says which decisions are allowed from which status
// and where each leads; app/follow-ups/review.server.ts applies them in a transaction.

export type FollowUpStatus = 'invited' | 'submitted' | 'in_review' | 'published' | 'recorded'
export type FollowUpDecision = 'claim' | 'publish' | 'record'
export type PracticeStatus = 'running' | 'changed' | 'stopped'

const transitions: Record<FollowUpDecision, Partial<Record<FollowUpStatus, FollowUpStatus>>> = {
  claim: { submitted: 'in_review' },
  publish: { in_review: 'published' },
  record: { in_review: 'recorded' },
}

export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  invited: 'Invited',
  submitted: 'Received',
  in_review: 'In review',
  published: 'Published as a new version',
  recorded: 'Recorded without publishing',
}

const decisionLabels: Record<FollowUpDecision, string> = {
  claim: 'claimed',
  publish: 'published',
  record: 'recorded',
}

export const practiceStatusLabels: Record<PracticeStatus, string> = {
  running: 'Still running',
  changed: 'Changed',
  stopped: 'No longer running',
}

export const practiceStatuses = Object.keys(practiceStatusLabels) as PracticeStatus[]

export type FollowUpTransition = { ok: true; to: FollowUpStatus } | { ok: false; message: string }

export function followUpTransition(
  from: FollowUpStatus,
  decision: FollowUpDecision,
): FollowUpTransition {
  const to = transitions[decision][from]
  if (to) return { ok: true, to }
  return {
    ok: false,
    message: `An update that is ${followUpStatusLabels[from].toLowerCase()} cannot be ${decisionLabels[decision]}`,
  }
}

export function allowedFollowUpDecisions(from: FollowUpStatus): FollowUpDecision[] {
  return (Object.keys(transitions) as FollowUpDecision[]).filter((d) => transitions[d][from])
}

/** The queue's label for an update: "Follow-up, 6 months". */
export const followUpKindLabel = (months: number) => `Follow-up, ${months} months`

/** What the school said, as the practice status the library shows. */
export function practiceStatusFromAnswer(running: unknown): PracticeStatus {
  return running === 'stopped' ? 'stopped' : running === 'changed' ? 'changed' : 'running'
}
