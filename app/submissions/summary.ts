import type { StoredAnswers } from './answers'
import { measureKinds, MEASURE_ROWS } from './impact.schema'
import { organisationKinds } from './organisation.schema'
import { publicationOptions } from './consent.schema'
import { runningForOptions } from './practice.schema'
import type { PracticeOptions } from './practice-options.server'
import { sections, type SectionKey } from './sections'

export interface SummaryRow {
  label: string
  value: string
  /** The field the Change link goes to. */
  field: string
}

export interface SummarySection {
  key: SectionKey
  title: string
  rows: SummaryRow[]
}

interface Contact {
  respondent_name: string | null
  respondent_email: string | null
  respondent_role: string | null
  may_contact: boolean
}

const labelIn = (list: readonly { value: string; label: string }[], value: unknown) =>
  list.find((o) => o.value === value)?.label ?? ''

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : [])

/**
 * The response as check-your-answers and the receipt email show it: one section per task, every
 * answer a row with the field its Change link opens.
 */
export function summariseResponse(
  contact: Contact,
  answers: StoredAnswers,
  options: PracticeOptions,
  organisation: { kind: string; name: string; schools: { urn: number; name: string }[] },
  files: { file_name: string }[] = [],
): SummarySection[] {
  const label = (code: string) =>
    [...options.practice, ...options.phase, ...options.needGroups.flatMap((g) => g.needs)].find(
      (o) => o.code === code,
    )?.label ?? (code === 'other' ? 'Other' : code)
  const p = answers.practice ?? {}
  const s = answers.story ?? {}
  const i = answers.impact ?? {}
  const c = answers.consent ?? {}
  const measures = Array.from({ length: MEASURE_ROWS }, (_, n) => n + 1)
    .filter((n) => text(i[`measure${n}Kind`]))
    .map(
      (n) =>
        `${labelIn(measureKinds, i[`measure${n}Kind`])}: ${text(i[`measure${n}Before`])} before, ${text(i[`measure${n}After`])} after (${text(i[`measure${n}Period`])})`,
    )
  const schools = organisation.schools
  const rows: Record<SectionKey, SummaryRow[]> = {
    'about-you': [
      { label: 'Full name', value: contact.respondent_name ?? '', field: 'name' },
      { label: 'Job title or role', value: contact.respondent_role ?? '', field: 'role' },
      { label: 'Work email address', value: contact.respondent_email ?? '', field: 'email' },
      {
        label: 'We may contact you',
        value: contact.may_contact ? 'Yes' : 'No',
        field: 'mayContact',
      },
    ],
    organisation: [
      {
        label: 'Responding as',
        value: labelIn(organisationKinds, organisation.kind),
        field: 'kind',
      },
      { label: 'Organisation', value: organisation.name, field: 'name' },
      ...(organisation.kind === 'school' || schools.length === 0
        ? []
        : [
            {
              label: 'Schools covered',
              value: `${schools.length} ${schools.length === 1 ? 'school' : 'schools'}: ${schools
                .slice(0, 10)
                .map((school) => `${school.name} (URN ${school.urn})`)
                .join(', ')}${schools.length > 10 ? ` and ${schools.length - 10} more` : ''}`,
              field: 'schools',
            },
          ]),
    ],
    practice: [
      { label: 'Practice title', value: text(p.title), field: 'title' },
      {
        label: 'Types of practice',
        value: list(p.practiceTypes)
          .map((code) => (code === 'other' ? `Other: ${text(p.practiceOther)}` : label(code)))
          .join(', '),
        field: 'practiceTypes',
      },
      { label: 'Needs it serves', value: list(p.needs).map(label).join(', '), field: 'needs' },
      { label: 'Phases', value: list(p.phases).map(label).join(', '), field: 'phases' },
      {
        label: 'How long it has run',
        value: labelIn(runningForOptions, p.runningFor),
        field: 'runningFor',
      },
      { label: 'Pupils it reaches', value: text(p.pupilsReached), field: 'pupilsReached' },
    ],
    story: [
      { label: 'The challenge you faced', value: text(s.challenge), field: 'challenge' },
      { label: 'What it looks like day to day', value: text(s.dayToDay), field: 'dayToDay' },
      { label: 'Key factors that made it work', value: text(s.keyFactors), field: 'keyFactors' },
      { label: 'Advice to other leaders', value: text(s.advice), field: 'advice' },
    ],
    impact: [
      { label: 'What changed', value: text(i.whatChanged), field: 'whatChanged' },
      { label: 'How you know', value: text(i.howYouKnow), field: 'howYouKnow' },
      { label: 'Measures', value: measures.join('\n') || 'None given', field: 'measure1Kind' },
      { label: 'Staff', value: text(i.costStaff) || 'Not given', field: 'costStaff' },
      { label: 'Training', value: text(i.costTraining) || 'Not given', field: 'costTraining' },
      { label: 'Equipment', value: text(i.costEquipment) || 'Not given', field: 'costEquipment' },
      { label: 'Funding source', value: text(i.costFunding) || 'Not given', field: 'costFunding' },
    ],
    files: [
      {
        label: 'Files',
        value: files.map((f) => f.file_name).join('\n') || 'No files attached',
        field: 'file',
      },
    ],
    consent: [
      {
        label: 'How we may use it',
        value: labelIn(publicationOptions, c.publication),
        field: 'publication',
      },
      {
        label: 'Agreed to the terms',
        value: c.agreeTerms === 'yes' ? 'Yes' : 'No',
        field: 'agreeTerms',
      },
      {
        label: 'Approved by',
        value: `${text(c.approverName)}, ${text(c.approverRole)}`,
        field: 'approverName',
      },
      // Shown once the page has asked (drafts saved before it did hold no answer).
      ...(c.followUp === undefined
        ? []
        : [
            {
              label: 'We may ask how it is going',
              value: c.followUp === 'yes' ? 'Yes' : 'No',
              field: 'followUp',
            },
          ]),
    ],
  }
  return sections.map((section) => ({
    key: section.key,
    title: section.title,
    rows: rows[section.key],
  }))
}
