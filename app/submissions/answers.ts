import type { Json } from '../../db/types'
import type { SectionKey } from './sections'

// What a draft holds in `submissions.answers`: each section as the respondent last saved it (raw
// strings, valid or not, so that nothing typed is lost) and which sections are complete.
// Contact details are kept in their own columns, not here, so retention can remove them alone.

export interface StoredAnswers {
  completed?: SectionKey[]
  organisation?: { kind?: string; name?: string; urns?: number[] }
  practice?: Record<string, string | string[]>
  story?: Record<string, string>
  impact?: Record<string, string>
  files?: Record<string, never>
  consent?: Record<string, string>
}

export function readAnswers(json: Json): StoredAnswers {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as StoredAnswers) : {}
}

export function isComplete(answers: StoredAnswers, key: SectionKey) {
  return answers.completed?.includes(key) ?? false
}

export function withCompleted(answers: StoredAnswers, key: SectionKey, complete: boolean) {
  const set = new Set(answers.completed ?? [])
  if (complete) set.add(key)
  else set.delete(key)
  return [...set]
}

/**
 * Every answer a person typed that can reach a case study, keyed `section.field`, for the
 * personal-data scan (choices from lists are not typed, so they are left out).
 */
export function freeText(answers: StoredAnswers): Record<string, string> {
  const text: Record<string, string> = {}
  const add = (section: string, values: Record<string, unknown> | undefined, fields: string[]) => {
    for (const field of fields) {
      const value = values?.[field]
      if (typeof value === 'string' && value.trim()) text[`${section}.${field}`] = value
    }
  }
  add('organisation', answers.organisation, ['name'])
  add('practice', answers.practice, ['title', 'practiceOther'])
  add('story', answers.story, ['challenge', 'dayToDay', 'keyFactors', 'advice'])
  add('impact', answers.impact, [
    'whatChanged',
    'howYouKnow',
    'costStaff',
    'costTraining',
    'costEquipment',
    'costFunding',
    // Short answers reach the case study too: every measure's values and period.
    ...[1, 2, 3, 4].flatMap((n) => [`measure${n}Before`, `measure${n}After`, `measure${n}Period`]),
  ])
  return text
}
