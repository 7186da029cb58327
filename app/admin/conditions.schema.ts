import { z } from 'zod'

// The form for one entry of the conditions vocabulary (/admin/taxonomy/conditions/…).

export const MAX_NAME_LENGTH = 80
export const MAX_OTHER_NAMES = 40
export const MAX_ABBREVIATIONS = 10
export const MAX_NOTE_LENGTH = 500
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} '’,/&()-]*$/u
const ABBREVIATION = /^[\p{Lu}\p{N}]{2,12}$/u

/** One on each line, as typed; spaces tidied, blank lines and repeats (whatever the capitals) dropped. */
export function splitLines(text: string): string[] {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const tidy = line.trim().replace(/\s+/g, ' ')
    if (!tidy || seen.has(tidy.toLowerCase())) continue
    seen.add(tidy.toLowerCase())
    lines.push(tidy)
  }
  return lines
}

const nameProblem = (name: string, what: string) =>
  name.length > MAX_NAME_LENGTH
    ? `“${name.slice(0, 40)}…” is too long: ${what} must be ${MAX_NAME_LENGTH} characters or fewer`
    : !NAME.test(name)
      ? `“${name.slice(0, 40)}” can only include letters, numbers, spaces, hyphens, apostrophes, commas, ampersands, slashes and brackets, and must start with a letter or number`
      : null

const text = (message: string) => z.string({ required_error: message, invalid_type_error: message })

export const conditionSchema = z
  .object({
    name: text('Enter the condition or everyday phrase')
      .transform((value) => value.trim().replace(/\s+/g, ' '))
      .superRefine((name, ctx) => {
        if (!name)
          return ctx.addIssue({ code: 'custom', message: 'Enter the condition or everyday phrase' })
        const problem = nameProblem(name, 'the name')
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
    kind: z.enum(['condition', 'phrase'], {
      errorMap: () => ({ message: 'Select whether this is a condition or an everyday phrase' }),
    }),
    otherNames: text('Enter other names one on each line')
      .max(MAX_OTHER_NAMES * (MAX_NAME_LENGTH + 2), 'Enter fewer other names')
      .optional()
      .transform((value) => splitLines(value ?? ''))
      .superRefine((names, ctx) => {
        if (names.length > MAX_OTHER_NAMES)
          return ctx.addIssue({
            code: 'custom',
            message: `Enter ${MAX_OTHER_NAMES} other names or fewer`,
          })
        for (const name of names) {
          const problem = nameProblem(name, 'each other name')
          if (problem) return ctx.addIssue({ code: 'custom', message: problem })
        }
      }),
    abbreviations: text('Enter abbreviations one on each line')
      .max(MAX_ABBREVIATIONS * 14, 'Enter fewer abbreviations')
      .optional()
      .transform((value) => splitLines(value ?? '').map((line) => line.toUpperCase()))
      .superRefine((abbreviations, ctx) => {
        if (abbreviations.length > MAX_ABBREVIATIONS)
          return ctx.addIssue({
            code: 'custom',
            message: `Enter ${MAX_ABBREVIATIONS} abbreviations or fewer`,
          })
        const odd = abbreviations.find((a) => !ABBREVIATION.test(a))
        if (odd)
          ctx.addIssue({
            code: 'custom',
            message: `“${odd.slice(0, 40)}” must be one word of 2 to 12 letters or numbers, like ADD`,
          })
      }),
    needs: z
      .array(z.string().max(20), { invalid_type_error: 'Select at least one type of need' })
      .max(20, 'Select at least one type of need')
      .transform((codes) => [...new Set(codes)])
      .refine((codes) => codes.length > 0, 'Select at least one type of need'),
    note: text('Enter the note as text')
      .max(MAX_NOTE_LENGTH * 2, `The note must be ${MAX_NOTE_LENGTH} characters or fewer`)
      .optional()
      .transform((value) => value?.trim() ?? '')
      .refine(
        (value) => value.length <= MAX_NOTE_LENGTH,
        `The note must be ${MAX_NOTE_LENGTH} characters or fewer`,
      ),
  })
  .superRefine((values, ctx) => {
    if (Array.isArray(values.needs) && values.needs.length > 1 && values.note === '')
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Enter a note saying why it points at more than one type of need',
      })
  })
  .transform((values) => ({ ...values, note: values.note || null }))

export type ConditionInput = z.infer<typeof conditionSchema>
