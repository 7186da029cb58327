// The one definition of what a case study publishes. Every public surface (the library page and
// listing, the search index, the public API, the publication-audience exports) shows case-study
// text only from these fields; the personal-data scan reads exactly these fields; the review page
// shows and edits exactly these fields. A field added here is scanned, editable and public at
// once, and a test generated from this list fails if any of the three is missing.
//
// Everything else a public surface shows is reference data (taxonomy labels, local authority and
// region from the schools register, dates, the evidence rating), which no respondent writes.

// The shape lives beside the columns it is read from (db/repositories/privacy.ts).
export type { Measure, PublishedValues } from '../../db/repositories/privacy'
import type { Measure, PublishedValues } from '../../db/repositories/privacy'

export type PublishedFieldKey = keyof PublishedValues

export interface PublishedField {
  key: PublishedFieldKey
  label: string
  /** How the review page edits it: one line, a paragraph box, the measures table, a list. */
  input: 'line' | 'text' | 'measures' | 'list'
  maxLength: number
  /** Where the respondent's answer that starts it comes from, or null when moderators write it. */
  from: string | null
  /** Shown on public surfaces only where this is true of the case study. */
  publicWhen?: 'organisation-named'
}

export const MAX_MEASURES = 4
export const MEASURE_PARTS = ['measure', 'before', 'after', 'period'] as const
export const measurePartLabels: Record<(typeof MEASURE_PARTS)[number], string> = {
  measure: 'Measure',
  before: 'Before',
  after: 'After',
  period: 'Period',
}

export const publishedFields: readonly PublishedField[] = [
  { key: 'title', label: 'Title', input: 'line', maxLength: 200, from: 'practice.title' },
  { key: 'summary', label: 'Summary', input: 'text', maxLength: 2000, from: null },
  {
    key: 'challenge',
    label: 'The challenge',
    input: 'text',
    maxLength: 20_000,
    from: 'story.challenge',
  },
  {
    key: 'practice',
    label: 'What it looks like in practice',
    input: 'text',
    maxLength: 20_000,
    from: 'story.dayToDay',
  },
  {
    key: 'impact',
    label: 'Impact and evidence',
    input: 'text',
    maxLength: 20_000,
    from: 'impact.whatChanged',
  },
  {
    key: 'key_factors',
    label: 'Key factors',
    input: 'text',
    maxLength: 20_000,
    from: 'story.keyFactors',
  },
  {
    key: 'advice',
    label: 'Advice to other leaders',
    input: 'text',
    maxLength: 20_000,
    from: 'story.advice',
  },
  {
    key: 'cost_and_resources',
    label: 'Cost and resources',
    input: 'text',
    maxLength: 20_000,
    from: 'impact.costStaff',
  },
  {
    key: 'measures',
    label: 'Measures',
    input: 'measures',
    maxLength: 60,
    from: 'impact.measure1Before',
  },
  { key: 'keywords', label: 'Keywords', input: 'list', maxLength: 1000, from: null },
  {
    key: 'organisation_name',
    label: 'Organisation name',
    input: 'line',
    maxLength: 200,
    from: 'organisation.name',
    publicWhen: 'organisation-named',
  },
]

/** One piece of published text: a field, or one cell of a measure. `id` names its form input. */
export interface PublishedText {
  id: string
  field: PublishedFieldKey
  label: string
  text: string
}

const measureId = (row: number, part: (typeof MEASURE_PARTS)[number]) =>
  `measures-${row + 1}-${part}`

/**
 * Every piece of text a case study publishes, each with the id of the input that edits it. The
 * scan reads these, the review page marks findings in these, and the boundary guard checks these.
 */
export function publishedTexts(values: PublishedValues): PublishedText[] {
  return publishedFields.flatMap((field): PublishedText[] => {
    const value = values[field.key]
    if (field.input === 'measures')
      return (value as Measure[]).flatMap((m, row) =>
        MEASURE_PARTS.map((part) => ({
          id: measureId(row, part),
          field: field.key,
          label: `${measurePartLabels[part]} (measure ${row + 1})`,
          text: String(m[part] ?? ''),
        })),
      )
    if (field.input === 'list')
      return [
        {
          id: field.key,
          field: field.key,
          label: field.label,
          text: (value as string[]).join(', '),
        },
      ]
    return [{ id: field.key, field: field.key, label: field.label, text: String(value ?? '') }]
  })
}

/** The ids of every input the review page must offer, for a draft with this many measures. */
export function publishedInputIds(measureCount = MAX_MEASURES): string[] {
  return publishedFields.flatMap((field) =>
    field.input === 'measures'
      ? Array.from({ length: measureCount }, (_, row) =>
          MEASURE_PARTS.map((p) => measureId(row, p)),
        ).flat()
      : [field.key],
  )
}

const asText = (value: unknown) => (typeof value === 'string' ? value : '')

/** Reads stored measures, whatever shape the JSON has, keeping only the four parts. */
export function readMeasures(value: unknown): Measure[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object')
    .map((m) => ({
      measure: asText(m.measure),
      before: asText(m.before),
      after: asText(m.after),
      period: asText(m.period),
    }))
}

/** The values as the public sees them: the organisation's name only where it may be named. */
export function asPublished(values: PublishedValues, organisationNamed: boolean): PublishedValues {
  return organisationNamed ? values : { ...values, organisation_name: '' }
}

/** The published values of a stored case-study row. */
export function readPublishedValues(
  row: {
    [K in Exclude<PublishedFieldKey, 'measures' | 'keywords'>]: string
  } & { measures: unknown; keywords: string[] | null },
): PublishedValues {
  return {
    title: row.title,
    summary: row.summary,
    challenge: row.challenge,
    practice: row.practice,
    impact: row.impact,
    key_factors: row.key_factors,
    advice: row.advice,
    cost_and_resources: row.cost_and_resources,
    measures: readMeasures(row.measures),
    keywords: row.keywords ?? [],
    organisation_name: row.organisation_name,
  }
}

/**
 * Reads the review page's case-study form into published values: each field by its input id,
 * trimmed to its length, measures row by row (a row with nothing in it is dropped).
 */
export function readPublishedForm(read: (id: string) => string): PublishedValues {
  const values: Record<string, unknown> = {}
  for (const field of publishedFields) {
    if (field.input === 'measures') {
      values[field.key] = Array.from({ length: MAX_MEASURES }, (_, row) =>
        Object.fromEntries(
          MEASURE_PARTS.map((p) => [p, read(measureId(row, p)).slice(0, field.maxLength)]),
        ),
      ).filter((m) => MEASURE_PARTS.some((p) => m[p]))
    } else if (field.input === 'list') {
      values[field.key] = read(field.key)
        .slice(0, field.maxLength)
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .slice(0, 20)
    } else {
      values[field.key] = read(field.key).slice(0, field.maxLength)
    }
  }
  return values as unknown as PublishedValues
}
