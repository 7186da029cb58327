import { z } from 'zod'
import { choice, optionalText } from './fields'

export const organisationKinds = [
  { value: 'school', label: 'A school or college' },
  { value: 'trust', label: 'A multi-academy trust' },
  { value: 'local-authority', label: 'A local authority' },
  { value: 'local-area', label: 'A local-area SEND partnership' },
  { value: 'other', label: 'Another organisation' },
] as const

export type OrganisationKind = (typeof organisationKinds)[number]['value']

const kindValues = organisationKinds.map((k) => k.value) as [
  OrganisationKind,
  ...OrganisationKind[],
]

export const organisationSchema = z
  .object({
    kind: choice(kindValues, 'Select who the response is from'),
    name: optionalText(160, 'Organisation name must be 160 characters or fewer'),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'school' && !value.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message:
          value.kind === 'trust'
            ? 'Enter the name of your trust'
            : value.kind === 'local-authority'
              ? 'Enter the name of your local authority'
              : value.kind === 'local-area'
                ? 'Enter the name of your local-area partnership'
                : 'Enter the name of your organisation',
      })
    }
  })

export type OrganisationAnswer = z.infer<typeof organisationSchema>

export const schoolChoiceSchema = z.object({
  urn: z
    .string({ required_error: 'Select your school', invalid_type_error: 'Select your school' })
    .regex(/^\d{6,7}$/, 'Select your school'),
})

/** URNs typed or pasted as a list: any mix of spaces, commas and new lines. */
export function parseUrnList(text: string): { urns: number[]; invalid: string[] } {
  const tokens = text.split(/[\s,;]+/u).filter(Boolean)
  const urns: number[] = []
  const invalid: string[] = []
  for (const token of tokens) {
    if (/^\d{6,7}$/.test(token)) urns.push(Number(token))
    else invalid.push(token)
  }
  return { urns: [...new Set(urns)], invalid }
}
