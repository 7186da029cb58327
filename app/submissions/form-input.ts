import { MAX_TEXT_CHARS } from './fields'

/** Postgres text cannot hold NUL, and no person types one. */
export const withoutNul = (value: string) => value.replace(/\0/g, '')

/**
 * A section's fields from a posted form: text fields as strings (a file or a missing field
 * becomes ''), list fields (checkboxes) as arrays of strings. Sizes are capped a little above
 * what the schemas allow, so a too-long answer is kept to show its error, but a hostile one is not.
 */
export function readSectionForm(
  formData: FormData,
  fields: { text: readonly string[]; lists?: readonly string[] },
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const field of fields.text) {
    const value = formData.get(field)
    values[field] =
      typeof value === 'string' ? withoutNul(value).slice(0, MAX_TEXT_CHARS + 5_000) : ''
  }
  for (const field of fields.lists ?? []) {
    values[field] = formData
      .getAll(field)
      .filter((value): value is string => typeof value === 'string')
      .slice(0, 200)
      .map((value) => withoutNul(value).slice(0, 64))
  }
  return values
}
