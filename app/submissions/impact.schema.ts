import { z, type ZodType } from 'zod'
import { longText, optionalLongText, optionalText } from './fields'

export const impactLimits = { whatChanged: 500, howYouKnow: 300, cost: 100 } as const
export const MEASURE_ROWS = 4

export const measureKinds = [
  { value: 'attendance', label: 'Attendance' },
  { value: 'suspensions', label: 'Suspensions' },
  { value: 'exclusions', label: 'Permanent exclusions' },
  { value: 'attainment', label: 'Attainment or progress' },
  { value: 'pupil-voice', label: 'Pupil voice' },
  { value: 'parent-voice', label: 'Parent and carer voice' },
  { value: 'other', label: 'Something else' },
] as const

const measureValues = ['', ...measureKinds.map((m) => m.value)] as const

// Measures are optional; a row someone starts must be finished. Fields are flat
// (measure1Kind, measure1Before…) so they post as a plain HTML form.
const measureFields = Object.fromEntries(
  Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1).flatMap((n) => [
    [
      `measure${n}Kind`,
      z
        .enum(measureValues, { errorMap: () => ({ message: 'Select a measure from the list' }) })
        .optional()
        .default(''),
    ],
    [`measure${n}Before`, optionalText(60, 'Before must be 60 characters or fewer')],
    [`measure${n}After`, optionalText(60, 'After must be 60 characters or fewer')],
    [`measure${n}Period`, optionalText(60, 'Period must be 60 characters or fewer')],
  ]),
) as Record<string, z.ZodTypeAny>

export const impactSchema = z
  .object({
    whatChanged: longText(
      'What changed',
      'Describe what changed for children and young people',
      impactLimits.whatChanged,
    ),
    howYouKnow: longText(
      'How you know',
      'Describe how you know it made a difference',
      impactLimits.howYouKnow,
    ),
    costStaff: optionalLongText('Staff', impactLimits.cost),
    costTraining: optionalLongText('Training', impactLimits.cost),
    costEquipment: optionalLongText('Equipment', impactLimits.cost),
    costFunding: optionalLongText('Funding source', impactLimits.cost),
    ...measureFields,
  })
  .superRefine((value, ctx) => {
    const v = value as Record<string, string>
    for (let n = 1; n <= MEASURE_ROWS; n++) {
      const started = ['Kind', 'Before', 'After', 'Period'].some((f) => v[`measure${n}${f}`])
      if (!started) continue
      if (!v[`measure${n}Kind`])
        ctx.addIssue({ code: 'custom', path: [`measure${n}Kind`], message: `Select measure ${n}` })
      if (!v[`measure${n}Before`])
        ctx.addIssue({
          code: 'custom',
          path: [`measure${n}Before`],
          message: `Enter the value before for measure ${n}`,
        })
      if (!v[`measure${n}After`])
        ctx.addIssue({
          code: 'custom',
          path: [`measure${n}After`],
          message: `Enter the value after for measure ${n}`,
        })
      if (!v[`measure${n}Period`])
        ctx.addIssue({
          code: 'custom',
          path: [`measure${n}Period`],
          message: `Enter the period for measure ${n}, like 2022 to 2024`,
        })
    }
  })

export type ImpactAnswer = Record<string, string>

/** For react-hook-form: the measure fields are built in a loop, so TypeScript cannot name them. */
export const impactFormSchema = impactSchema as unknown as ZodType<ImpactAnswer>
