import { expect, test } from 'vitest'
import { readNextVersion, startNextVersion } from '../../app/follow-ups/next-version'
import { followUpFreeText, incompletePages } from '../../app/follow-ups/pages'
import {
  allowedFollowUpDecisions,
  followUpKindLabel,
  followUpTransition,
} from '../../app/follow-ups/review-state'
import type { PublishedValues } from '../../app/privacy/published-fields'

const published: PublishedValues = {
  title: 'Sensory circuits',
  summary: 'A morning circuit.',
  challenge: 'Hard starts.',
  practice: 'A circuit every morning.',
  impact: 'Calmer starts.',
  key_factors: 'Training.',
  advice: 'Start small.',
  cost_and_resources: 'One assistant.',
  measures: [{ measure: 'Attendance', before: '89%', after: '93%', period: '2024 to 2025' }],
  keywords: ['sensory'],
  organisation_name: 'Oak Primary School',
}

test('an update is claimed, then published or recorded, each once; nothing else', () => {
  expect(followUpTransition('submitted', 'claim')).toEqual({ ok: true, to: 'in_review' })
  expect(followUpTransition('in_review', 'publish')).toEqual({ ok: true, to: 'published' })
  expect(followUpTransition('in_review', 'record')).toEqual({ ok: true, to: 'recorded' })
  for (const from of ['invited', 'published', 'recorded'] as const)
    expect(allowedFollowUpDecisions(from)).toEqual([])
  expect(followUpTransition('submitted', 'publish')).toEqual({
    ok: false,
    message: 'An update that is received cannot be published',
  })
  expect(followUpKindLabel(6)).toBe('Follow-up, 6 months')
})

test('the next version starts from the published text with what the school said', () => {
  const draft = startNextVersion(
    published,
    2,
    {
      running: { running: 'stopped', runningWhy: 'The funding ended.' },
      changes: { whatChanged: 'We ran it for one more term.' },
      impact: {
        measure1Kind: 'attendance',
        measure1Before: '89%',
        measure1After: '95%',
        measure1Period: '2024 to 2026',
      },
      advice: { adviceToAdd: 'Secure funding first.' },
    },
    new Date('2027-03-12T10:00:00Z'),
  )
  expect(draft.values.measures).toEqual([
    { measure: 'Attendance', before: '89%', after: '95%', period: '2024 to 2026' },
  ])
  expect(draft.values.advice).toBe('Start small.\n\nAdded 12 March 2027: Secure funding first.')
  expect(draft).toMatchObject({
    practiceStatus: 'stopped',
    evidenceStrength: 2,
    changeSummary: 'We ran it for one more term. The funding ended.',
  })
  expect(draft.values.title).toBe(published.title)
  // Without new figures or advice, the published ones stay.
  const quiet = startNextVersion(published, null, { running: { running: 'yes' } }, new Date())
  expect(quiet.values).toEqual(published)
  expect(quiet.practiceStatus).toBe('running')
})

test('a stored draft is read defensively: bad ratings and statuses fall back', () => {
  const fallback = startNextVersion(published, 2, {}, new Date())
  expect(readNextVersion(null, fallback)).toEqual(fallback)
  const read = readNextVersion(
    { values: { summary: 'New', measures: 'nope' }, evidenceStrength: 9, practiceStatus: 'gone' },
    fallback,
  )
  expect(read.values.summary).toBe('New')
  expect(read.values.measures).toEqual([])
  expect(read.evidenceStrength).toBeNull()
  expect(read.practiceStatus).toBe('running')
})

test('every typed answer is scanned; a page counts only when complete and valid', () => {
  const answers = {
    completed: ['running' as const],
    running: { running: 'changed', runningWhy: 'Because' },
    changes: { whatChanged: 'More year groups' },
    impact: {
      measure1Kind: 'attendance',
      measure1Before: '1',
      measure1After: '2',
      measure1Period: 'x',
    },
    pupils: { pupilsNow: '12' },
    advice: { adviceToAdd: 'Plan' },
  }
  expect(Object.keys(followUpFreeText(answers)).sort()).toEqual([
    'advice.adviceToAdd',
    'changes.whatChanged',
    'impact.measure1After',
    'impact.measure1Before',
    'impact.measure1Period',
    'running.runningWhy',
  ])
  expect(incompletePages(answers)).toEqual(['changes', 'impact', 'pupils', 'advice'])
  expect(
    incompletePages({
      ...answers,
      completed: ['running', 'changes', 'impact', 'pupils', 'advice'],
      pupils: { pupilsNow: 'many' },
    }),
  ).toEqual(['pupils'])
})
