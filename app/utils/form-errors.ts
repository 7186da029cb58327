import type { ZodError } from 'zod'

/** The first message for each field, keyed by field name, as the GOV.UK error summary wants. */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return errors
}

/** Form values as strings only: a repeated or file field cannot smuggle in another type. */
export function formValues(
  formData: FormData,
  fields: readonly string[],
): Record<string, string | undefined> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = formData.get(field)
      // Postgres text cannot hold NUL, and no person types one.
      return [field, typeof value === 'string' ? value.replace(/\0/g, '') : undefined]
    }),
  )
}

/** Marks this request's page as showing form errors (read by the root loader for the title). */
export function markFormErrors(context: { requestState: { formHasErrors: boolean } }) {
  context.requestState.formHasErrors = true
}
