import { z } from 'zod'

/** Dismissing one possible-personal-data finding as a false positive, from the review page. */
export const DismissFinding = z.object({
  intent: z.literal('dismiss-finding'),
  fingerprint: z.string().regex(/^[\w-]{43}$/, 'Choose a finding from the page'),
  reason: z
    .string()
    .trim()
    .min(1, 'Enter why this is not a child’s personal data')
    .max(500, 'The reason must be 500 characters or fewer'),
})
