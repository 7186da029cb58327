// The response's sections, in the order the task list shows them. Each is a question page
// under /calls/:slug/response/<key>.

export const sections = [
  { key: 'about-you', title: 'About you', optional: false },
  { key: 'organisation', title: 'Your organisation', optional: false },
  { key: 'practice', title: 'The practice', optional: false },
  { key: 'story', title: 'Your story', optional: false },
  { key: 'impact', title: 'Impact and evidence', optional: false },
  { key: 'files', title: 'Supporting files', optional: true },
  { key: 'consent', title: 'Publication and consent', optional: false },
] as const

export type SectionKey = (typeof sections)[number]['key']

export const sectionKeys = sections.map((s) => s.key) as SectionKey[]

export function nextSection(key: SectionKey): SectionKey | null {
  const index = sectionKeys.indexOf(key)
  return sectionKeys[index + 1] ?? null
}

/** Labels for the free-text fields, to say where a personal-data finding is. */
export const fieldLabels: Record<string, string> = {
  'practice.title': 'Practice title',
  'practice.practiceOther': 'Other type of practice',
  'story.challenge': 'The challenge you faced',
  'story.dayToDay': 'What the practice looks like day to day',
  'story.keyFactors': 'Key factors that made it work',
  'story.advice': 'Advice to other leaders',
  'impact.whatChanged': 'What changed',
  'impact.howYouKnow': 'How you know',
  'impact.costStaff': 'Staff',
  'impact.costTraining': 'Training',
  'impact.costEquipment': 'Equipment',
  'impact.costFunding': 'Funding source',
  'organisation.name': 'Organisation name',
  ...Object.fromEntries(
    [1, 2, 3, 4].flatMap((n) => [
      [`impact.measure${n}Before`, `Measure ${n}: before`],
      [`impact.measure${n}After`, `Measure ${n}: after`],
      [`impact.measure${n}Period`, `Measure ${n}: period`],
    ]),
  ),
}

export const fieldSection = (field: string) => field.split('.')[0] as SectionKey
export const fieldName = (field: string) => field.split('.')[1] ?? field
