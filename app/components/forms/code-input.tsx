import { forwardRef, type ComponentProps } from 'react'
import { TextInput } from '../govuk/forms'

type CodeInputProps = Omit<
  ComponentProps<typeof TextInput>,
  'inputMode' | 'autoComplete' | 'spellCheck' | 'widthClass'
>

/**
 * The 6-digit code from an authenticator app: a numeric keypad on phones, and the browser may
 * offer the code itself (autocomplete "one-time-code").
 */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(
  function CodeInput(props, ref) {
    return (
      <TextInput
        ref={ref}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        widthClass="govuk-input--width-10"
        {...props}
      />
    )
  },
)
