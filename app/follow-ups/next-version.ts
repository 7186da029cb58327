import { readMeasures, type PublishedValues } from '../privacy/published-fields'
import { formatLondonDate } from '../utils/london-time'
import { followUpMeasures, readFollowUpAnswers } from './pages'
import { practiceStatusFromAnswer, practiceStatuses, type PracticeStatus } from './review-state'

/**
 * The moderator's next version of a case study, kept on the update until it is published: the
 * published text (the same fields as every case study), the evidence rating, the practice's
 * status, and what changed (a line in the public history).
 */
export interface NextVersionDraft {
  values: PublishedValues
  evidenceStrength: number | null
  practiceStatus: PracticeStatus
  changeSummary: string
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * Where a moderator starts: the case study as published, with the school's new figures in place
 * of the old ones, their advice added to the advice, the status they gave, and their account of
 * what changed as the history's line. Everything is the moderator's to edit before it is public,
 * and all of it is scanned for personal data as they save and again as they publish.
 */
export function startNextVersion(
  current: PublishedValues,
  currentEvidence: number | null,
  rawAnswers: unknown,
  submittedAt: Date,
): NextVersionDraft {
  const answers = readFollowUpAnswers(rawAnswers)
  const measures = followUpMeasures(answers)
  const advice = text(answers.advice?.adviceToAdd)
  const status = practiceStatusFromAnswer(answers.running?.running)
  const why = text(answers.running?.runningWhy)
  const changed = text(answers.changes?.whatChanged)
  return {
    values: {
      ...current,
      measures: measures.length > 0 ? measures : current.measures,
      advice: advice
        ? `${current.advice}\n\nAdded ${formatLondonDate(submittedAt)}: ${advice}`.trim()
        : current.advice,
    },
    evidenceStrength: currentEvidence,
    practiceStatus: status,
    changeSummary: [changed, status !== 'running' && why ? why : ''].filter(Boolean).join(' '),
  }
}

/** A stored draft, whatever shape its JSON has. */
export function readNextVersion(json: unknown, fallback: NextVersionDraft): NextVersionDraft {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return fallback
  const d = json as Record<string, unknown>
  const values = (d.values ?? {}) as Record<string, unknown>
  const evidence = d.evidenceStrength
  return {
    values: {
      ...fallback.values,
      ...Object.fromEntries(
        Object.entries(values).filter(([k, v]) => k in fallback.values && typeof v === 'string'),
      ),
      measures: readMeasures(values.measures),
      keywords: Array.isArray(values.keywords)
        ? values.keywords.filter((k): k is string => typeof k === 'string')
        : fallback.values.keywords,
    },
    evidenceStrength:
      typeof evidence === 'number' && Number.isInteger(evidence) && evidence >= 0 && evidence <= 4
        ? evidence
        : null,
    practiceStatus: practiceStatuses.includes(d.practiceStatus as PracticeStatus)
      ? (d.practiceStatus as PracticeStatus)
      : fallback.practiceStatus,
    changeSummary: typeof d.changeSummary === 'string' ? d.changeSummary : '',
  }
}
