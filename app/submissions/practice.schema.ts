import { z } from 'zod'
import { choice, choices, optionalText, requiredText } from './fields'

export const runningForOptions = [
  { value: 'under-1-year', label: 'Less than a year' },
  { value: '1-2-years', label: '1 to 2 years' },
  { value: '3-5-years', label: '3 to 5 years' },
  { value: 'over-5-years', label: 'More than 5 years' },
] as const

type RunningFor = (typeof runningForOptions)[number]['value']

export interface PracticeCodes {
  practice: readonly string[]
  need: readonly string[]
  phase: readonly string[]
}

/**
 * Built from the taxonomy the page offered, so a code that is not on the list (or has been
 * retired) is refused by the server and, with the same lists, by the browser.
 */
export function practiceSchema(codes: PracticeCodes | null) {
  return z
    .object({
      title: requiredText(
        'Enter a title for your practice',
        120,
        'Practice title must be 120 characters or fewer',
      ),
      practiceTypes: choices(
        codes ? [...codes.practice, 'other'] : null,
        'Select at least one type of practice',
      ),
      practiceOther: optionalText(200, 'Other type of practice must be 200 characters or fewer'),
      needs: choices(codes?.need ?? null, 'Select at least one need the practice serves'),
      phases: choices(codes?.phase ?? null, 'Select at least one phase of education'),
      runningFor: choice(
        runningForOptions.map((o) => o.value) as [RunningFor, ...RunningFor[]],
        'Select how long the practice has been running',
      ),
      pupilsReached: z
        .string({
          required_error: 'Enter how many pupils the practice reaches',
          invalid_type_error: 'Enter how many pupils the practice reaches',
        })
        .trim()
        .min(1, 'Enter how many pupils the practice reaches')
        .regex(/^\d{1,7}$/, 'Number of pupils must be a whole number, like 25')
        .refine(
          (n) => Number(n) >= 1 && Number(n) <= 1_000_000,
          'Number of pupils must be between 1 and 1,000,000',
        ),
    })
    .and(otherDescribed)
}

/**
 * "Other" needs its description. Checked beside the fields rather than after them (an object's
 * refinement runs only once every field is valid), so that this error shows with the others at
 * the first attempt rather than on its own at the next. Its output adds nothing to the answer.
 */
const otherDescribed = z
  .unknown()
  .superRefine((value, ctx) => {
    const answer = (value ?? {}) as { practiceTypes?: unknown; practiceOther?: unknown }
    const types = [answer.practiceTypes].flat()
    const other = typeof answer.practiceOther === 'string' ? answer.practiceOther.trim() : ''
    if (types.includes('other') && !other) {
      ctx.addIssue({
        code: 'custom',
        path: ['practiceOther'],
        message: 'Describe the other type of practice',
      })
    }
  })
  .transform(() => ({}))

export type PracticeAnswer = z.infer<ReturnType<typeof practiceSchema>>
