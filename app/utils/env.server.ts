import { z } from 'zod'

// The only reader of process.env. Every variable the platform understands is listed here,
// and the README's configuration table mirrors this schema.

const port = (what: string) =>
  z
    .string()
    .regex(/^\d+$/, `${what} must be a whole number between 1 and 65535`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, `${what} must be a whole number between 1 and 65535`)

const url = (what: string, protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol)
      } catch {
        return false
      }
    },
    `${what} must be a URL starting ${protocols.map((p) => `${p}//`).join(' or ')}`,
  )

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${what} must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${what} must be a whole number between ${min} and ${max}`)

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], {
        errorMap: () => ({ message: 'NODE_ENV must be development, production or test' }),
      })
      .default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port('PORT').default('3000'),
    PUBLIC_BASE_URL: z.preprocess(
      emptyAsUndefined,
      url('PUBLIC_BASE_URL', ['http:', 'https:']).optional(),
    ),
    DATA_DIR: z.string().min(1).default('.data'),
    SUPPORT_EMAIL: z
      .string()
      .email('SUPPORT_EMAIL must be an email address, like support@example.org')
      .default('support@inclusion-in-practice.example'),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      url('DATABASE_URL', ['postgres:', 'postgresql:']).optional(),
    ),
    DATABASE_POOL_SIZE: wholeNumber('DATABASE_POOL_SIZE', 1, 200).default('10'),
    EMBEDDED_POSTGRES_PORT: z.preprocess(
      emptyAsUndefined,
      port('EMBEDDED_POSTGRES_PORT').optional(),
    ),
    MEILI_URL: z.preprocess(emptyAsUndefined, url('MEILI_URL', ['http:', 'https:']).optional()),
    MEILI_MASTER_KEY: z.preprocess(
      emptyAsUndefined,
      z.string().min(16, 'MEILI_MASTER_KEY must be at least 16 characters').optional(),
    ),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]*$/, 'MEILI_INDEX_PREFIX may contain only a-z, 0-9, _ and -')
      .default(''),
    EMBEDDED_MEILI_PORT: z.preprocess(emptyAsUndefined, port('EMBEDDED_MEILI_PORT').optional()),
    SESSION_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    ),
    OUTBOX_WORKER: z
      .enum(['on', 'off'], { errorMap: () => ({ message: 'OUTBOX_WORKER must be on or off' }) })
      .default('on'),
    RECONCILE_INTERVAL_SECONDS: wholeNumber('RECONCILE_INTERVAL_SECONDS', 0, 86400).default('300'),
    /** Unset: 5 seconds, or 0 (no cache) under NODE_ENV=test. app/library/results-cache.server.ts */
    LIBRARY_CACHE_SECONDS: wholeNumber('LIBRARY_CACHE_SECONDS', 0, 60).optional(),
    NOTIFY_API_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'NOTIFY_API_KEY must be a GOV.UK Notify API key')
        .optional(),
    ),
    NOTIFY_TEMPLATE_ID: z.preprocess(
      emptyAsUndefined,
      z.string().uuid('NOTIFY_TEMPLATE_ID must be a GOV.UK Notify template ID').optional(),
    ),
    NOTIFY_BASE_URL: url('NOTIFY_BASE_URL', ['https:', 'http:']).default(
      'https://api.notifications.service.gov.uk',
    ),
    JOB_WORKER: z
      .enum(['on', 'off'], { errorMap: () => ({ message: 'JOB_WORKER must be on or off' }) })
      .default('on'),
    UPLOADS_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    FORM_MIN_SECONDS: wholeNumber('FORM_MIN_SECONDS', 0, 60).default('2'),
    RATE_LIMIT_STARTS_PER_HOUR: wholeNumber('RATE_LIMIT_STARTS_PER_HOUR', 1, 1_000_000).default(
      '300',
    ),
    RATE_LIMIT_RETURN_LINKS_PER_HOUR: wholeNumber(
      'RATE_LIMIT_RETURN_LINKS_PER_HOUR',
      1,
      1000,
    ).default('5'),
    RATE_LIMIT_SIGN_INS_PER_HOUR: wholeNumber('RATE_LIMIT_SIGN_INS_PER_HOUR', 1, 1_000_000).default(
      '300',
    ),
    RETENTION_CONTACT_DAYS: wholeNumber('RETENTION_CONTACT_DAYS', 0, 3650).default('90'),
    // Follow-up rounds: months after a case study's first publication (see app/follow-ups/).
    FOLLOW_UP_FIRST_MONTHS: wholeNumber('FOLLOW_UP_FIRST_MONTHS', 1, 60).default('6'),
    FOLLOW_UP_SECOND_MONTHS: wholeNumber('FOLLOW_UP_SECOND_MONTHS', 1, 120).default('12'),
    BACKUP_DAILY: z
      .enum(['on', 'off'], { errorMap: () => ({ message: 'BACKUP_DAILY must be on or off' }) })
      .default('off'),
    BACKUP_HOUR_UTC: wholeNumber('BACKUP_HOUR_UTC', 0, 23).default('2'),
    BACKUP_KEEP: wholeNumber('BACKUP_KEEP', 1, 365).default('7'),
    BACKUP_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        errorMap: () => ({
          message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        }),
      })
      .default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.MEILI_URL && !env.MEILI_MASTER_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEILI_MASTER_KEY'],
        message: 'MEILI_MASTER_KEY must be set when MEILI_URL is set',
      })
    }
    if (env.NODE_ENV === 'production' && env.SUPPORT_EMAIL.endsWith('.example')) {
      ctx.addIssue({
        code: 'custom',
        path: ['SUPPORT_EMAIL'],
        message: 'SUPPORT_EMAIL must be set to a real address when NODE_ENV is production',
      })
    }
    if (Boolean(env.NOTIFY_API_KEY) !== Boolean(env.NOTIFY_TEMPLATE_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.NOTIFY_API_KEY ? 'NOTIFY_TEMPLATE_ID' : 'NOTIFY_API_KEY'],
        message: 'NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID must be set together',
      })
    }
    if (env.NODE_ENV === 'production' && !env.NOTIFY_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_API_KEY'],
        message:
          'NOTIFY_API_KEY must be set when NODE_ENV is production (emails go through GOV.UK Notify)',
      })
    }
    // A round's link lasts 60 days, so the next round may not start while it is open.
    if (env.FOLLOW_UP_SECOND_MONTHS < env.FOLLOW_UP_FIRST_MONTHS + 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['FOLLOW_UP_SECOND_MONTHS'],
        message:
          'FOLLOW_UP_SECOND_MONTHS must be at least 3 more than FOLLOW_UP_FIRST_MONTHS (a follow-up link stays open for 60 days)',
      })
    }
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'SESSION_SECRET must be set (32 characters or more) when NODE_ENV is production',
      })
    }
  })

export type Env = z.infer<typeof envSchema>

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
    this.name = 'ConfigError'
  }
}

/** Parses the environment; throws a ConfigError whose lines each name one variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`NODE_ENV= npm start`) means "not set", as shells and .env files intend.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = envSchema.safeParse(set)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration')
    const got = source[name]
    const shown =
      got === undefined ? '' : ` (got "${got.length > 40 ? `${got.slice(0, 40)}…` : got}")`
    // Secrets are never echoed back.
    const safe = /KEY|SECRET|PASSWORD|DATABASE_URL/.test(name) ? '' : shown
    return `Configuration error: ${issue.message}${safe}`
  })
  throw new ConfigError(lines)
}

let cached: Env | undefined

/** The validated configuration, parsed once per process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
