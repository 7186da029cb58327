import { z } from 'zod'

export const MAX_TERMS = 30
export const MAX_TERM_LENGTH = 80
const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N} ,'’&/-]*$/u

/** One word or phrase per line, as typed; lower-cased, spaces tidied, blank lines and repeats dropped. */
export function splitTerms(text: string): string[] {
  const terms = text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter((line) => line.length > 0)
  return [...new Set(terms)]
}

export const synonymGroupSchema = z.object({
  terms: z
    .string({
      required_error: 'Enter at least 2 words or phrases, one on each line',
      invalid_type_error: 'Enter at least 2 words or phrases, one on each line',
    })
    .max(MAX_TERMS * (MAX_TERM_LENGTH + 2), 'Enter fewer words and phrases')
    .transform(splitTerms)
    .superRefine((terms, ctx) => {
      const problem = (message: string) => ctx.addIssue({ code: 'custom', message })
      if (terms.length < 2) return problem('Enter at least 2 words or phrases, one on each line')
      if (terms.length > MAX_TERMS)
        return problem(`Enter ${MAX_TERMS} words or phrases or fewer; split them into two groups`)
      const long = terms.find((term) => term.length > MAX_TERM_LENGTH)
      if (long)
        return problem(
          `“${long.slice(0, 40)}…” is too long: each word or phrase must be ${MAX_TERM_LENGTH} characters or fewer`,
        )
      const odd = terms.find((term) => !ALLOWED.test(term))
      if (odd)
        return problem(
          `“${odd.slice(0, 40)}” can only include letters, numbers, spaces, hyphens, apostrophes, commas, ampersands and slashes, and must start with a letter or number`,
        )
    }),
})
