import { Form } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'
import type { UseFormRegister } from 'react-hook-form'
import { CsrfInput } from '../forms/csrf-input'
import { Button, TextInput, type FieldErrors } from '../govuk/forms'

/** "Email me a link": the one form behind both ways of asking for a link to a response. */
export function ReturnLinkForm({
  register,
  errors,
  onSubmit,
  defaultEmail,
  children,
}: {
  register: UseFormRegister<{ email: string }>
  errors: FieldErrors
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  defaultEmail: string | undefined
  /** Anything else the form carries, such as bot checks. */
  children?: ReactNode
}) {
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <CsrfInput />
      {children}
      <TextInput
        label="Email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        defaultValue={defaultEmail}
        error={errors.email}
        {...register('email')}
      />
      <Button>Email me a link</Button>
    </Form>
  )
}
