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

const ONE_WAY_MAX = 10
const ONE_WORD = /^[\p{L}\p{N}]{2,12}$/u

export const synonymGroupSchema = z
  .object({
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
    /** Abbreviations that find the terms but are not found by them: optional, one on each line. */
    oneWay: z
      .string({ invalid_type_error: 'Enter abbreviations one on each line' })
      .max(ONE_WAY_MAX * 14, 'Enter fewer abbreviations')
      .optional()
      .transform((text) => splitTerms(text ?? ''))
      .superRefine((terms, ctx) => {
        const problem = (message: string) => ctx.addIssue({ code: 'custom', message })
        if (terms.length > ONE_WAY_MAX)
          return problem(`Enter ${ONE_WAY_MAX} abbreviations or fewer`)
        const odd = terms.find((term) => !ONE_WORD.test(term))
        if (odd)
          return problem(
            `“${odd.slice(0, 40)}” must be one word of 2 to 12 letters or numbers, like TA or SALT`,
          )
      }),
  })
  .superRefine(({ terms, oneWay }, ctx) => {
    if (!Array.isArray(terms) || !Array.isArray(oneWay)) return
    const both = oneWay.find((term) => terms.includes(term))
    if (both)
      return ctx.addIssue({
        code: 'custom',
        path: ['oneWay'],
        message: `“${both}” is in both lists: keep it in one`,
      })
    // A two-letter word finds too much in both directions (ta, pe, hi): it may only find the group.
    const short = terms.find((term) => /^[\p{L}\p{N}]{1,2}$/u.test(term))
    if (short)
      return ctx.addIssue({
        code: 'custom',
        path: ['terms'],
        message: `“${short}” is too short to find other words safely: move it to the abbreviations that only find this group`,
      })
  })
