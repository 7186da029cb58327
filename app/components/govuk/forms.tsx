import {
  forwardRef,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react'
import { countWords } from '~/submissions/words'

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

/** A field's hint and error message, with the ids its aria-describedby points at. */
export function HintAndError({
  name,
  hint,
  error,
}: {
  name: string
  hint?: ReactNode
  error?: string
}) {
  return (
    <>
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
    </>
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
      <HintAndError name={name} hint={hint} error={error} />
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

/** The arrow of a GOV.UK start button (a button or a link styled as one). */
export function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  )
}

/**
 * `preventDoubleClick` ignores a second click within a second (GOV.UK Frontend). Use it where a
 * repeat would do something twice; elsewhere it would swallow a quick retry after a
 * client-side validation error.
 */
export function Button({
  children,
  secondary,
  warning,
  isStartButton,
  preventDoubleClick,
  ...rest
}: {
  children: ReactNode
  secondary?: boolean
  warning?: boolean
  isStartButton?: boolean
  preventDoubleClick?: boolean
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const modifier = secondary
    ? ' govuk-button--secondary'
    : warning
      ? ' govuk-button--warning'
      : isStartButton
        ? ' govuk-button--start'
        : ''
  return (
    <button
      type="submit"
      className={`govuk-button${modifier}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
      {...rest}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </button>
  )
}

export interface ChoiceOption {
  value: string
  label: ReactNode
  hint?: ReactNode
  /**
   * Content revealed under the option while it is selected (GOV.UK's conditional reveal). Without
   * JavaScript it is always shown, as GOV.UK Frontend's styles have it.
   */
  conditional?: ReactNode
}

interface ChoicesProps {
  type: 'radio' | 'checkbox'
  name: string
  legend: ReactNode
  isPageHeading?: boolean
  hint?: ReactNode
  error?: string
  options: readonly ChoiceOption[]
  selected?: readonly string[] | string
  small?: boolean
  /** react-hook-form's register() for this field, when the page enhances with it. */
  inputProps?: Partial<InputHTMLAttributes<HTMLInputElement>> & {
    ref?: React.Ref<HTMLInputElement>
  }
}

/** GOV.UK radios or checkboxes in a fieldset; the first input carries the field's id. */
export function Choices({
  type,
  name,
  legend,
  isPageHeading,
  hint,
  error,
  options,
  selected,
  small,
  inputProps,
}: ChoicesProps) {
  const chosen = new Set(typeof selected === 'string' ? [selected] : (selected ?? []))
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null]
    .filter(Boolean)
    .join(' ')
  const kind = type === 'radio' ? 'radios' : 'checkboxes'
  // Options whose conditional content shows. The "hidden" class hides it only where GOV.UK
  // Frontend's script runs (it needs the body's govuk-frontend-supported class); React toggles it,
  // since GOV.UK Frontend starts its components once per page load, not per client-side page.
  const [revealed, setRevealed] = useState(() => new Set(chosen))
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  const hasConditional = options.some((option) => option.conditional)
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy || undefined}>
        <legend
          className={`govuk-fieldset__legend ${isPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m'}`}
        >
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <HintAndError name={name} hint={hint} error={error} />
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ''}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`
            const conditionalId = `conditional-${id}`
            const item = (
              <div className={`govuk-${kind}__item`} key={option.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={type}
                  value={option.value}
                  defaultChecked={chosen.has(option.value)}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                  {...(option.conditional && enhanced
                    ? {
                        'aria-controls': conditionalId,
                        'aria-expanded': revealed.has(option.value),
                      }
                    : {})}
                  {...inputProps}
                  {...(hasConditional
                    ? {
                        onChange: (event) => {
                          const { checked, value } = event.currentTarget
                          setRevealed((current) => {
                            const next = new Set(type === 'radio' ? [] : current)
                            if (checked) next.add(value)
                            else next.delete(value)
                            return next
                          })
                          void inputProps?.onChange?.(event)
                        },
                      }
                    : {})}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  // "-item-hint", as GOV.UK Frontend's macro has it: the first option's id is the
                  // field's name, so "-hint" alone would be the question's hint's id too.
                  <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            )
            if (!option.conditional) return item
            return [
              item,
              <div
                key={`${option.value}-conditional`}
                className={`govuk-${kind}__conditional${revealed.has(option.value) ? '' : ` govuk-${kind}__conditional--hidden`}`}
                id={conditionalId}
              >
                {option.conditional}
              </div>,
            ]
          })}
        </div>
      </fieldset>
    </div>
  )
}

interface TextareaProps extends Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name'
> {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  /** Shows a live word count against this limit (GOV.UK character count, in words). */
  maxWords?: number
}

/**
 * A textarea; with `maxWords`, a count that updates as the person types and is announced
 * politely. forwardRef so that react-hook-form's register() can read it.
 */
export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { name, label, hint, error, defaultValue, rows = 6, maxWords, onChange, ...textarea },
  ref,
) {
  const [words, setWords] = useState(() =>
    countWords(typeof defaultValue === 'string' ? defaultValue : ''),
  )
  const describedBy = [
    hint ? `${name}-hint` : null,
    maxWords ? `${name}-info` : null,
    error ? `${name}-error` : null,
  ]
    .filter(Boolean)
    .join(' ')
  const over = maxWords !== undefined && words > maxWords
  const remaining = maxWords === undefined ? 0 : Math.abs(maxWords - words)
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea
        className={`govuk-textarea${error || over ? ' govuk-textarea--error' : ''}`}
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy || undefined}
        ref={ref}
        {...textarea}
        onChange={(event) => {
          setWords(countWords(event.currentTarget.value))
          void onChange?.(event)
        }}
      />
      {maxWords !== undefined ? (
        <div
          id={`${name}-info`}
          className={`govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}`}
          aria-live="polite"
        >
          {over
            ? `You have ${remaining} ${remaining === 1 ? 'word' : 'words'} too many`
            : `You have ${remaining} ${remaining === 1 ? 'word' : 'words'} remaining (up to ${maxWords})`}
        </div>
      ) : null}
    </div>
  )
})
