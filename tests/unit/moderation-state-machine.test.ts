import { describe, expect, test } from 'vitest'
import {
  allowedDecisions,
  decisions,
  publishProblems,
  statuses,
  transition,
  type Decision,
  type SubmissionStatus,
} from '../../app/moderation/state-machine'

const allowed: [SubmissionStatus, Decision, SubmissionStatus][] = [
  ['submitted', 'claim', 'in_review'],
  ['changes_requested', 'claim', 'in_review'],
  ['in_review', 'request_changes', 'changes_requested'],
  ['in_review', 'approve', 'approved'],
  ['in_review', 'publish', 'published'],
  ['approved', 'publish', 'published'],
  ['submitted', 'reject', 'rejected'],
  ['in_review', 'reject', 'rejected'],
  ['changes_requested', 'reject', 'rejected'],
  ['approved', 'reject', 'rejected'],
  ['published', 'unpublish', 'approved'],
]

describe('every allowed transition', () => {
  test.each(allowed)('%s → %s → %s', (from, decision, to) => {
    expect(transition(from, decision)).toEqual({ ok: true, to })
  })
})

const refused = statuses.flatMap((from) =>
  decisions
    .filter((decision) => !allowed.some(([f, d]) => f === from && d === decision))
    .map((decision) => [from, decision] as const),
)

describe('every refused transition', () => {
  test.each(refused)('%s cannot be %s', (from, decision) => {
    const result = transition(from, decision)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^A submission that is .+ cannot be .+$/)
  })
})

test('allowed and refused cover all 48 pairs', () => {
  expect(allowed.length + refused.length).toBe(statuses.length * decisions.length)
  expect(allowedDecisions('in_review')).toEqual(['request_changes', 'approve', 'publish', 'reject'])
  expect(allowedDecisions('withdrawn')).toEqual([])
  expect(allowedDecisions('draft')).toEqual([])
})

test('publishing needs a summary, a practice, a need, no open personal-data finding and consent', () => {
  const ready = {
    summary: 'A resource base.',
    practiceTags: 1,
    needTags: 1,
    personalData: [] as string[],
    publication: 'anonymised',
  }
  expect(publishProblems(ready)).toEqual([])
  expect(
    publishProblems({
      ...ready,
      summary: ' ',
      practiceTags: 0,
      needTags: 0,
      personalData: ['Unique Pupil Number “A123…” in Summary'],
      publication: 'evidence-only',
    }),
  ).toEqual([
    'The respondent asked for this response to be used as evidence only, not published',
    'Write a summary before publishing',
    'Tag at least one type of practice before publishing',
    'Tag at least one need before publishing',
    'Remove the personal data from the case study before publishing: Unique Pupil Number “A123…” in Summary',
  ])
})
