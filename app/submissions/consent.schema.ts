import { z } from 'zod'
import { choice, requiredText } from './fields'

export const publicationOptions = [
  {
    value: 'named',
    label: 'Publish it with our organisation named',
    hint: 'Readers will see your organisation’s name, local authority, phase and type.',
  },
  {
    value: 'anonymised',
    label: 'Publish it without naming our organisation',
    hint: 'Readers will see only the region, phase and type of setting.',
  },
  {
    value: 'evidence-only',
    label: 'Do not publish it; use it only as evidence',
    hint: 'It will inform the advisory groups’ analysis but will not appear in the library.',
  },
] as const

type Publication = (typeof publicationOptions)[number]['value']

export const consentSchema = z.object({
  publication: choice(
    publicationOptions.map((o) => o.value) as [Publication, ...Publication[]],
    'Select how we may use your response',
  ),
  agreeTerms: z.literal('yes', {
    errorMap: () => ({ message: 'Confirm that you agree to the terms' }),
  }),
  approverName: requiredText(
    'Enter the name of the headteacher or chief executive who approved this response',
    100,
    'Name must be 100 characters or fewer',
  ),
  approverRole: requiredText(
    'Enter their job title',
    100,
    'Job title must be 100 characters or fewer',
  ),
  // Opt-in: a box left unticked means we never ask (see app/follow-ups/).
  // Anything but a tick ('' from a plain form, false from react-hook-form) is a no.
  followUp: z.preprocess((value) => (value === 'yes' ? 'yes' : ''), z.enum(['', 'yes'])),
})

export type ConsentAnswer = z.infer<typeof consentSchema>
