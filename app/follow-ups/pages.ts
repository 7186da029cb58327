import type { ZodType } from 'zod'
import { MEASURE_ROWS, measureKinds } from '../submissions/impact.schema'
import {
  adviceSchema,
  changesSchema,
  measuresSchema,
  pupilsSchema,
  runningOptions,
  runningSchema,
} from './follow-up.schema'

// The follow-up journey's question pages, in order, each under /follow-up/<key>, then check
// answers. Answers are stored as typed (valid or not), per page, so nothing is lost.

const measureFields = Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1).flatMap((n) => [
  `measure${n}Kind`,
  `measure${n}Before`,
  `measure${n}After`,
  `measure${n}Period`,
])

export const followUpPages = [
  { key: 'running', title: 'Is the practice still running?', fields: ['running', 'runningWhy'] },
  { key: 'changes', title: 'What has changed', fields: ['whatChanged'] },
  { key: 'impact', title: 'New impact data', fields: measureFields },
  { key: 'pupils', title: 'Pupils it reaches now', fields: ['pupilsNow'] },
  { key: 'advice', title: 'Advice to add', fields: ['adviceToAdd'] },
] as const

export type FollowUpPageKey = (typeof followUpPages)[number]['key']

export const pageSchemas: Record<FollowUpPageKey, ZodType> = {
  running: runningSchema,
  changes: changesSchema,
  impact: measuresSchema,
  pupils: pupilsSchema,
  advice: adviceSchema,
}

export interface FollowUpAnswers {
  completed?: FollowUpPageKey[]
  running?: Record<string, string>
  changes?: Record<string, string>
  impact?: Record<string, string>
  pupils?: Record<string, string>
  advice?: Record<string, string>
}

export function readFollowUpAnswers(json: unknown): FollowUpAnswers {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as FollowUpAnswers) : {}
}

export const pageOf = (key: string) => followUpPages.find((p) => p.key === key)

export function nextPage(key: FollowUpPageKey): string {
  const index = followUpPages.findIndex((p) => p.key === key)
  return followUpPages[index + 1]?.key ?? 'check'
}

export function previousPage(key: FollowUpPageKey | 'check'): string | null {
  if (key === 'check') return followUpPages.at(-1)!.key
  const index = followUpPages.findIndex((p) => p.key === key)
  return index > 0 ? followUpPages[index - 1]!.key : null
}

/** The pages whose saved answers do not pass their schema (all must pass to send). */
export function incompletePages(answers: FollowUpAnswers): FollowUpPageKey[] {
  return followUpPages
    .filter(
      (p) =>
        !answers.completed?.includes(p.key) ||
        !pageSchemas[p.key].safeParse(answers[p.key] ?? {}).success,
    )
    .map((p) => p.key)
}

/** Labels for the typed fields, to say where a personal-data finding is. */
export const followUpFieldLabels: Record<string, string> = {
  'running.runningWhy': 'Why it changed or stopped',
  'changes.whatChanged': 'What has changed',
  'advice.adviceToAdd': 'Advice to add',
  ...Object.fromEntries(
    Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1).flatMap((n) => [
      [`impact.measure${n}Before`, `Measure ${n}: before`],
      [`impact.measure${n}After`, `Measure ${n}: now`],
      [`impact.measure${n}Period`, `Measure ${n}: period`],
    ]),
  ),
}

/**
 * Every answer a person typed that can reach a case study, keyed `page.field`, for the
 * personal-data scan: the same scan, with the same options, as a response's free text.
 */
export function followUpFreeText(answers: FollowUpAnswers): Record<string, string> {
  const text: Record<string, string> = {}
  for (const field of Object.keys(followUpFieldLabels)) {
    const [page, name] = field.split('.') as [FollowUpPageKey, string]
    const value = answers[page]?.[name]
    if (typeof value === 'string' && value.trim()) text[field] = value
  }
  return text
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

export interface FollowUpMeasure {
  measure: string
  before: string
  after: string
  period: string
}

/** The new measures as the published table holds them. */
export function followUpMeasures(answers: FollowUpAnswers): FollowUpMeasure[] {
  const i = answers.impact ?? {}
  return Array.from({ length: MEASURE_ROWS }, (_, n) => n + 1)
    .filter((n) => text(i[`measure${n}Kind`]))
    .map((n) => ({
      measure: measureKinds.find((m) => m.value === i[`measure${n}Kind`])?.label ?? 'Measure',
      before: text(i[`measure${n}Before`]),
      after: text(i[`measure${n}After`]),
      period: text(i[`measure${n}Period`]),
    }))
}

export const runningLabel = (value: unknown) =>
  runningOptions.find((o) => o.value === value)?.label ?? ''

export interface FollowUpSummaryRow {
  page: FollowUpPageKey
  field: string
  label: string
  value: string
}

/** The answers as check-your-answers and the moderator's page show them. */
export function summariseFollowUp(answers: FollowUpAnswers): FollowUpSummaryRow[] {
  const measures = followUpMeasures(answers).map(
    (m) => `${m.measure}: ${m.before} before, ${m.after} now (${m.period})`,
  )
  return [
    {
      page: 'running',
      field: 'running',
      label: 'Still running',
      value: runningLabel(answers.running?.running),
    },
    {
      page: 'running',
      field: 'runningWhy',
      label: 'Why',
      value: text(answers.running?.runningWhy) || 'Not given',
    },
    {
      page: 'changes',
      field: 'whatChanged',
      label: 'What has changed',
      value: text(answers.changes?.whatChanged),
    },
    {
      page: 'impact',
      field: 'measure1Kind',
      label: 'New measures',
      value: measures.join('\n') || 'None given',
    },
    {
      page: 'pupils',
      field: 'pupilsNow',
      label: 'Pupils it reaches now',
      value: text(answers.pupils?.pupilsNow),
    },
    {
      page: 'advice',
      field: 'adviceToAdd',
      label: 'Advice to add',
      value: text(answers.advice?.adviceToAdd) || 'Nothing to add',
    },
  ]
}
