import { forwardRef, useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react'

export type FieldErrors = Partial<Record<string, string>>

/**
 * "There is a problem" summary, linking to each field. It takes focus when it appears, as the
 * GOV.UK pattern asks, so screen-reader users hear the errors first.
 */
export function ErrorSummary({ errors, order }: { errors: FieldErrors; order?: string[] }) {
  const ref = useRef<HTMLDivElement>(null)
  const entries = (order ?? Object.keys(errors))
    .filter((field) => errors[field])
    .map((field) => [field, errors[field]!] as const)
  const signature = entries.map(([field, message]) => `${field}:${message}`).join('|')
  useEffect(() => {
    if (signature) ref.current?.focus()
    // Errors found in the browser never reach the server, so the title is marked here too.
    const marked = document.title.startsWith('Error: ')
    if (signature && !marked) document.title = `Error: ${document.title}`
    if (!signature && marked) document.title = document.title.slice('Error: '.length)
  }, [signature])
  if (entries.length === 0) return null
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  isPageHeading?: boolean
  widthClass?: string
}

// forwardRef so that react-hook-form's register() can read the field's value.
export const TextInput = forwardRef<HTMLInputElement, TextInputProps>(function TextInput(
  { name, label, hint, error, isPageHeading, widthClass, ...input },
  ref,
) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null]
    .filter(Boolean)
    .join(' ')
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? ' govuk-label--l' : ''}`} htmlFor={name}>
      {label}
    </label>
  )
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        className={`govuk-input${widthClass ? ` ${widthClass}` : ''}${error ? ' govuk-input--error' : ''}`}
        aria-describedby={describedBy || undefined}
        ref={ref}
        {...input}
      />
    </div>
  )
})

/**
 * `preventDoubleClick` ignores a second click within a second (GOV.UK Frontend). Use it where a
 * repeat would do something twice; elsewhere it would swallow a quick retry after a
 * client-side validation error.
 */
export function Button({
  children,
  secondary,
  preventDoubleClick,
  ...rest
}: {
  children: ReactNode
  secondary?: boolean
  preventDoubleClick?: boolean
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
      {...rest}
    >
      {children}
    </button>
  )
}
