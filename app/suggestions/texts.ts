import type { StoredAnswers } from '../submissions/answers'

// The text the suggester reads: for a published case study the fields the library shows, for a
// submission the respondent's own answers as first sent. The FICTIONAL notice on demo case
// studies is left out; it says nothing about practice.

const FICTIONAL = /This is a fictional example created for demonstration\.?/g

const join = (parts: readonly unknown[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.replace(FICTIONAL, '').trim())
    .join('\n')

export interface CaseStudyText {
  title: string
  summary?: string | null
  challenge?: string | null
  practice?: string | null
  impact?: string | null
  keyFactors?: string | null
  advice?: string | null
  /** Moderators' keywords: the words people search for this case study by. */
  keywords?: readonly string[] | null
}

export function caseStudyText(c: CaseStudyText) {
  return join([
    c.title,
    c.summary,
    c.challenge,
    c.practice,
    c.impact,
    c.keyFactors,
    c.advice,
    c.keywords?.join(', '),
  ])
}

export function submissionText(answers: StoredAnswers) {
  const story = answers.story ?? {}
  const impact = answers.impact ?? {}
  return join([
    answers.practice?.title,
    answers.practice?.practiceOther,
    story.challenge,
    story.dayToDay,
    story.keyFactors,
    story.advice,
    impact.whatChanged,
    impact.howYouKnow,
  ])
}
