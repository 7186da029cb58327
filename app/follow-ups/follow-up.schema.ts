import { z, type ZodType } from 'zod'
import { choice, longText, optionalLongText, optionalText } from '../submissions/fields'
import { MEASURE_ROWS, measureKinds } from '../submissions/impact.schema'

// One schema per page of the follow-up journey, used by react-hook-form in the browser and parsed
// again by the action. Messages follow the response's: instructions, and limits when too long.

export const runningOptions = [
  { value: 'yes', label: 'Yes, it is still running much as we described it' },
  { value: 'changed', label: 'Yes, but it has changed' },
  { value: 'stopped', label: 'No, it has stopped' },
] as const

type Running = (typeof runningOptions)[number]['value']

export const runningSchema = z
  .object({
    running: choice(
      runningOptions.map((o) => o.value) as [Running, ...Running[]],
      'Select whether the practice is still running',
    ),
    runningWhy: optionalLongText('Your reason', 300),
  })
  .superRefine((value, ctx) => {
    if (value.running !== 'yes' && !value.runningWhy)
      ctx.addIssue({
        code: 'custom',
        path: ['runningWhy'],
        message:
          value.running === 'stopped'
            ? 'Tell us why the practice stopped'
            : 'Tell us why the practice changed',
      })
  })

export const changesSchema = z.object({
  whatChanged: longText(
    'What has changed',
    'Describe what has changed since your case study was published',
    500,
  ),
})

const measureValues = ['', ...measureKinds.map((m) => m.value)] as const

/** The same measures as the response's impact page: optional, but a row started must be finished. */
export const measuresSchema = z
  .object(
    Object.fromEntries(
      Array.from({ length: MEASURE_ROWS }, (_, i) => i + 1).flatMap((n) => [
        [
          `measure${n}Kind`,
          z
            .enum(measureValues, {
              errorMap: () => ({ message: 'Select a measure from the list' }),
            })
            .optional()
            .default(''),
        ],
        [`measure${n}Before`, optionalText(60, 'Before must be 60 characters or fewer')],
        [`measure${n}After`, optionalText(60, 'After must be 60 characters or fewer')],
        [`measure${n}Period`, optionalText(60, 'Period must be 60 characters or fewer')],
      ]),
    ) as Record<string, z.ZodTypeAny>,
  )
  .superRefine((value, ctx) => {
    const v = value as Record<string, string>
    for (let n = 1; n <= MEASURE_ROWS; n++) {
      if (!['Kind', 'Before', 'After', 'Period'].some((f) => v[`measure${n}${f}`])) continue
      const missing: [string, string][] = [
        ['Kind', `Select measure ${n}`],
        ['Before', `Enter the value before for measure ${n}`],
        ['After', `Enter the value now for measure ${n}`],
        ['Period', `Enter the period for measure ${n}, like 2024 to 2026`],
      ]
      for (const [part, message] of missing)
        if (!v[`measure${n}${part}`])
          ctx.addIssue({ code: 'custom', path: [`measure${n}${part}`], message })
    }
  })

/** For react-hook-form: the measure fields are built in a loop, so TypeScript cannot name them. */
export const measuresFormSchema = measuresSchema as unknown as ZodType<Record<string, string>>

export const pupilsSchema = z.object({
  pupilsNow: z
    .string({
      required_error: 'Enter how many pupils the practice reaches now',
      invalid_type_error: 'Enter how many pupils the practice reaches now',
    })
    .trim()
    .min(1, 'Enter how many pupils the practice reaches now')
    .regex(/^\d{1,7}$/, 'Number of pupils must be a whole number, like 25')
    .refine((n) => Number(n) <= 1_000_000, 'Number of pupils must be 1,000,000 or fewer'),
})

export const adviceSchema = z.object({
  adviceToAdd: optionalLongText('Your advice', 300),
})
