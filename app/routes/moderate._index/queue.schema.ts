import { z } from 'zod'
import { isReference } from '~/submissions/reference'

// The queue's bulk form, one schema per action, told apart by `bulkAction`. Messages are the ones
// the page shows; which moderators may be assigned is checked against the database afterwards.

/** The references ticked in the table; anything that is not a reference is dropped. */
export const Selected = z
  .array(z.unknown())
  .transform((values) =>
    values.filter((value): value is string => typeof value === 'string' && isReference(value)),
  )

export const AssignSelected = z.object({
  bulkAction: z.literal('assign'),
  assignee: z.string().catch(''),
})

export const TagSelected = z.object({
  bulkAction: z.literal('tag'),
  tag: z
    .string()
    .catch('')
    .transform((value) => {
      const [scheme = '', code = ''] = value.split(':')
      return { scheme, code }
    })
    .refine(
      ({ scheme, code }) =>
        ['practice', 'need', 'phase'].includes(scheme) && /^[A-Za-z0-9-]{1,64}$/.test(code),
      'Choose a tag to add',
    ),
})

export const RejectSelectedAsDuplicates = z.object({
  bulkAction: z.literal('reject-duplicate'),
  duplicateOf: z
    .string()
    .catch('')
    .transform((value) => value.trim().toUpperCase())
    .refine(
      isReference,
      'Enter the reference of the submission they duplicate, like IIP-7K3M-Q9XD',
    ),
})

export const BulkChoice = z.discriminatedUnion(
  'bulkAction',
  [AssignSelected, TagSelected, RejectSelectedAsDuplicates],
  { errorMap: () => ({ message: 'Choose what to do with the selected submissions' }) },
)
