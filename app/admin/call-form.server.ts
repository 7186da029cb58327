import type { AppLoadContext } from '@remix-run/node'
import { data } from '@remix-run/node'
import { fieldErrorsOf, formValues, markFormErrors } from '../utils/form-errors'
import { CALL_FIELDS, callFormSchema, type CallInput } from './call.schema'
import type { CallResult } from './calls.server'

/**
 * Reads the call form. Either the parsed call, or the 400 answer that re-shows the form with
 * what was typed and a message for each problem.
 */
export function readCallForm(
  context: AppLoadContext,
  formData: FormData,
): { ok: true; call: CallInput } | { ok: false; response: ReturnType<typeof invalid> } {
  const values = formValues(formData, CALL_FIELDS)
  const sections = formData.getAll('sections').filter((s): s is string => typeof s === 'string')
  const parsed = callFormSchema.safeParse({ ...values, sections })
  if (parsed.success) return { ok: true, call: parsed.data }
  return { ok: false, response: invalid(context, values, sections, fieldErrorsOf(parsed.error)) }
}

export function invalid(
  context: AppLoadContext,
  values: Record<string, string | undefined>,
  sections: string[],
  errors: Record<string, string>,
) {
  markFormErrors(context)
  return data({ values, sections, errors }, { status: 400 })
}

/** A refused save (a taken address, say) as the same 400 answer. */
export function refused(
  context: AppLoadContext,
  formData: FormData,
  result: Extract<CallResult, { ok: false }>,
) {
  const sections = formData.getAll('sections').filter((s): s is string => typeof s === 'string')
  return invalid(context, formValues(formData, CALL_FIELDS), sections, {
    [result.field]: result.message,
  })
}
