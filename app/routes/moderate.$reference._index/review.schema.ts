import { z } from 'zod'
import type { Decision } from '~/moderation/state-machine'
import { DismissFinding } from '~/privacy/dismiss.schema'
import { withoutNul } from '~/submissions/form-input'

// One schema per intent of the review page's forms, told apart by the `intent` field. The
// action parses with these; messages are the ones the page shows.

/** Text as typed, without NUL characters, trimmed and cut to a length. */
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) =>
      withoutNul(value ?? '')
        .trim()
        .slice(0, max),
    )

const decisionIntents = [
  'decision:claim',
  'decision:request_changes',
  'decision:approve',
  'decision:publish',
  'decision:reject',
  'decision:unpublish',
] as const satisfies readonly `decision:${Decision}`[]

export const TakeDecision = z.object({
  intent: z.enum(decisionIntents),
  reason: text(5000),
})

export const SaveCaseStudy = z.object({
  intent: z.literal('save-draft'),
  version: z.coerce.number().int().catch(-1),
  changeReason: text(500),
})

export const SaveTags = z.object({
  intent: z.literal('save-tags'),
  evidenceStrength: z.enum(['0', '1', '2', '3', '4']).transform(Number).nullable().catch(null),
})

export const Assign = z.object({ intent: z.literal('assign'), assignee: text(100) })

export const Sample = z.object({ intent: z.literal('sample') })

export const AddNote = z.object({
  intent: z.literal('add-note'),
  note: text(5000).pipe(z.string().min(1, 'Enter a note')),
})

/** Accept or dismiss one suggested tag (app/suggestions/). */
export const DecideSuggestion = z.object({
  intent: z.enum(['suggestion:accept', 'suggestion:dismiss']),
  suggestion: z.string().uuid(),
})

/** Ask for suggestions for a claimed submission that has none yet. */
export const SuggestTags = z.object({ intent: z.literal('suggest-tags') })

export const ReviewIntent = z.discriminatedUnion('intent', [
  TakeDecision,
  SaveCaseStudy,
  SaveTags,
  Assign,
  Sample,
  AddNote,
  DismissFinding,
  DecideSuggestion,
  SuggestTags,
])

/**
 * The posted form as the schemas read it. A dismissal's reason box is named after its finding
 * (several are on the page at once), so it is read as `reason` here.
 */
export function reviewFormValues(formData: FormData) {
  const values: Record<string, unknown> = {}
  for (const [key, value] of formData) if (typeof value === 'string') values[key] ??= value
  if (values.intent === 'dismiss-finding') {
    const reason = formData.get(`reason-${String(values.fingerprint ?? '')}`)
    values.reason = typeof reason === 'string' ? withoutNul(reason) : ''
  } else if (values.evidenceStrength === undefined) values.evidenceStrength = null
  return values
}
