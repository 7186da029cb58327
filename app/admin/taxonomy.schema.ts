import { z } from 'zod'

export const termSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'Enter a label')
    .max(120, 'Label must be 120 characters or fewer'),
  description: z.string().trim().max(1000, 'Description must be 1,000 characters or fewer'),
})

export const newTermSchema = termSchema.extend({
  code: z
    .string()
    .trim()
    .min(1, 'Enter a code')
    .max(60, 'Code must be 60 characters or fewer')
    .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'The code can only use letters, numbers and hyphens'),
})
