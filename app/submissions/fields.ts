import { z } from 'zod'
import { countWords } from './words'

// Field builders for the response's schemas, so every page words its messages the GOV.UK way:
// an instruction when something is missing, the limit when something is too long.

export const MAX_TEXT_CHARS = 20_000

export function requiredText(missing: string, maxChars: number, tooLong: string) {
  return z
    .string({ required_error: missing, invalid_type_error: missing })
    .trim()
    .min(1, missing)
    .max(maxChars, tooLong)
}

export function optionalText(maxChars: number, tooLong: string) {
  return z
    .string({ invalid_type_error: tooLong })
    .trim()
    .max(maxChars, tooLong)
    .optional()
    .default('')
}

/** Long answers are limited in words, as people write them; characters cap abuse. */
export function longText(what: string, missing: string, maxWords: number) {
  const tooLong = `${what} must be ${maxWords} words or fewer`
  return requiredText(missing, MAX_TEXT_CHARS, tooLong).refine(
    (text) => countWords(text) <= maxWords,
    tooLong,
  )
}

export function optionalLongText(what: string, maxWords: number) {
  const tooLong = `${what} must be ${maxWords} words or fewer`
  return optionalText(MAX_TEXT_CHARS, tooLong).refine(
    (text) => countWords(text) <= maxWords,
    tooLong,
  )
}

export function choice<T extends string>(values: readonly [T, ...T[]], missing: string) {
  return z.enum(values, { errorMap: () => ({ message: missing }) })
}

/** Checkboxes: at least one, each from the offered list (the server is the authority). */
export function choices(allowed: readonly string[] | null, missing: string) {
  const list = z
    .array(z.string({ invalid_type_error: missing }).max(64), { invalid_type_error: missing })
    .min(1, missing)
    .max(100, missing)
  return allowed
    ? list.refine((values) => values.every((value) => allowed.includes(value)), missing)
    : list
}
