import { z } from 'zod'
import { practiceStatuses } from '~/follow-ups/review-state'
import { withoutNul } from '~/submissions/form-input'

// One schema per intent of the update's review page, told apart by the `intent` field.

const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) =>
      withoutNul(value ?? '')
        .trim()
        .slice(0, max),
    )

const editVersion = z.coerce.number().int().catch(-1)

export const DecideFollowUp = z.object({
  intent: z.enum(['decision:claim', 'decision:publish', 'decision:record']),
  editVersion: editVersion.optional(),
  reason: text(5000),
})

export const SaveNextText = z.object({
  intent: z.literal('save-draft'),
  version: editVersion,
})

export const SaveNextReview = z.object({
  intent: z.literal('save-review'),
  version: editVersion,
  evidenceStrength: z.enum(['0', '1', '2', '3', '4']).transform(Number).nullable().catch(null),
  practiceStatus: z.enum(practiceStatuses as [string, ...string[]], {
    errorMap: () => ({ message: 'Select whether the practice is still running' }),
  }),
  changeSummary: text(2000).pipe(
    z.string().min(1, 'Say what changed in this version: it is shown in the case study’s history'),
  ),
})

export const FollowUpIntent = z.discriminatedUnion('intent', [
  DecideFollowUp,
  SaveNextText,
  SaveNextReview,
])

export function followUpFormValues(formData: FormData) {
  const values: Record<string, unknown> = {}
  for (const [key, value] of formData) if (typeof value === 'string') values[key] ??= value
  if (values.evidenceStrength === undefined) values.evidenceStrength = null
  return values
}
