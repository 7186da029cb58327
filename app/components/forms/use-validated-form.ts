import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import type { FormEvent } from 'react'
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form'
import type { ZodType } from 'zod'
import type { FieldErrors } from '../govuk/forms'

/**
 * Client-side validation from the same zod schema the action parses. Without JavaScript the form
 * posts as plain HTML and the server answers with the same messages; with it, mistakes show
 * before the round trip. The server stays the authority either way.
 */
export function useValidatedForm<T extends FieldValues>(
  schema: ZodType<T>,
  serverErrors: FieldErrors | undefined,
  defaultValues?: DefaultValues<T>,
) {
  const form = useForm<T>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onSubmit',
    shouldFocusError: false,
  })
  const submit = useSubmit()
  const clientErrors: FieldErrors = Object.fromEntries(
    Object.entries(form.formState.errors).map(([field, error]) => [
      field,
      String(error?.message ?? ''),
    ]),
  )
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : (serverErrors ?? {})
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget
    // The button pressed travels with the form (Remix adds its name and value), so "Save and
    // come back later" still says so; it saves without checking, as the server does.
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const sent = submitter instanceof HTMLButtonElement ? submitter : target
    if (submitter instanceof HTMLButtonElement && submitter.value === 'later') {
      event.preventDefault()
      submit(sent, { method: 'post' })
      return
    }
    void form.handleSubmit(() => submit(sent, { method: 'post' }))(event)
  }
  return { register: form.register, errors, onSubmit }
}
