import { z } from 'zod'
import { londonTimeToInstant } from '../utils/london-time'

export const CALL_FIELDS = [
  'title',
  'slug',
  'summary',
  'description',
  'opensDay',
  'opensMonth',
  'opensYear',
  'opensTime',
  'closesDay',
  'closesMonth',
  'closesYear',
  'closesTime',
] as const

/** Sections every response has; the others can be left out of a call. */
export const REQUIRED_SECTIONS = ['about-you', 'organisation', 'practice', 'story', 'consent']
export const OPTIONAL_SECTIONS = [
  { value: 'impact', label: 'Impact and measures' },
  { value: 'files', label: 'Supporting files' },
] as const

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/

/** A date and a London time, from GOV.UK date inputs and a time box, as an instant. */
function londonInstant(
  values: Record<string, unknown>,
  prefix: 'opens' | 'closes',
  ctx: z.RefinementCtx,
): Date | null {
  const what = prefix === 'opens' ? 'opens' : 'closes'
  const field = (name: string) => {
    const value = values[`${prefix}${name}`]
    return typeof value === 'string' ? value.trim() : ''
  }
  const [day, month, year] = [field('Day'), field('Month'), field('Year')]
  if (!day || !month || !year) {
    ctx.addIssue({
      code: 'custom',
      path: [`${prefix}Day`],
      message: `Enter the date the call ${what}, with a day, month and year`,
    })
    return null
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const real =
    Number.isInteger(d) &&
    Number.isInteger(m) &&
    Number.isInteger(y) &&
    y >= 2020 &&
    y <= 2100 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (!real) {
    ctx.addIssue({
      code: 'custom',
      path: [`${prefix}Day`],
      message: `The date the call ${what} must be a real date`,
    })
    return null
  }
  const time = field('Time').match(TIME)
  if (!time) {
    ctx.addIssue({
      code: 'custom',
      path: [`${prefix}Time`],
      message: `Enter the time the call ${what} as hours and minutes, like 10:30 or 23:59`,
    })
    return null
  }
  return londonTimeToInstant(y, m, d, Number(time[1]), Number(time[2]))
}

const textFields = {
  title: z
    .string()
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter a short address for the call')
    .max(60, 'The address must be 60 characters or fewer')
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'The address can only use letters, numbers and single hyphens, like inclusion-2027',
    ),
  summary: z
    .string()
    .trim()
    .min(1, 'Enter a one-line summary')
    .max(300, 'Summary must be 300 characters or fewer'),
  description: z
    .string()
    .trim()
    .min(1, 'Enter a description of what the call asks for')
    .max(5000, 'Description must be 5,000 characters or fewer'),
}

/**
 * The call form. Dates and times are in London, as the people who set them think of them. Every
 * field is checked in one pass, so the person sees every problem at once.
 */
export const callFormSchema = z
  .object({
    title: z.string().optional(),
    slug: z.string().optional(),
    summary: z.string().optional(),
    description: z.string().optional(),
    opensDay: z.string().optional(),
    opensMonth: z.string().optional(),
    opensYear: z.string().optional(),
    opensTime: z.string().optional(),
    closesDay: z.string().optional(),
    closesMonth: z.string().optional(),
    closesYear: z.string().optional(),
    closesTime: z.string().optional(),
    sections: z.array(z.enum(['impact', 'files'])).default([]),
  })
  .transform((values, ctx) => {
    const text = (name: keyof typeof textFields) => {
      const parsed = textFields[name].safeParse(values[name] ?? '')
      if (parsed.success) return parsed.data
      ctx.addIssue({ code: 'custom', path: [name], message: parsed.error.issues[0]!.message })
      return ''
    }
    const [title, slug, summary, description] = [
      text('title'),
      text('slug'),
      text('summary'),
      text('description'),
    ]
    const opensAt = londonInstant(values, 'opens', ctx)
    const closesAt = londonInstant(values, 'closes', ctx)
    if (opensAt && closesAt && closesAt <= opensAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesDay'],
        message: 'The call must close after it opens',
      })
    }
    return {
      title,
      slug,
      summary,
      description,
      opensAt: opensAt ?? new Date(NaN),
      closesAt: closesAt ?? new Date(NaN),
      sections: [...REQUIRED_SECTIONS, ...values.sections],
    }
  })

export type CallInput = z.output<typeof callFormSchema>

const numeric = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant as the form's London date and time fields. */
export function toFormDateTime(instant: Date, prefix: 'opens' | 'closes') {
  const parts = numeric.formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    [`${prefix}Day`]: get('day'),
    [`${prefix}Month`]: get('month'),
    [`${prefix}Year`]: get('year'),
    [`${prefix}Time`]: `${get('hour')}:${get('minute')}`,
  }
}
