import { expect, test } from 'vitest'
import { ConfigError, parseEnv } from '../../app/utils/env.server'
import { notifyTestEnv } from '../support/notify'

const problems = (env: Record<string, string>) => {
  try {
    parseEnv(env)
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).lines
  }
}

test('with nothing set the defaults describe a laptop: port 3000, embedded servers, development', () => {
  const env = parseEnv({})
  expect(env).toMatchObject({
    PORT: 3000,
    NODE_ENV: 'development',
    DATA_DIR: '.data',
    OUTBOX_WORKER: 'on',
  })
  expect(env.DATABASE_URL).toBeUndefined()
  expect(env.MEILI_URL).toBeUndefined()
})

test('a port that is not a number gives one line naming PORT and what it expects', () => {
  expect(problems({ PORT: 'abc' })).toEqual([
    'Configuration error: PORT must be a whole number between 1 and 65535 (got "abc")',
  ])
})

test('a port out of range is refused', () => {
  expect(problems({ PORT: '70000' })).toHaveLength(1)
  expect(problems({ PORT: '0' })).toHaveLength(1)
})

test('a Meilisearch URL without its master key names the missing key', () => {
  expect(problems({ MEILI_URL: 'http://search.internal:7700' })).toEqual([
    'Configuration error: MEILI_MASTER_KEY must be set when MEILI_URL is set',
  ])
})

const notify = notifyTestEnv

test('production without a session secret is refused', () => {
  expect(
    problems({ NODE_ENV: 'production', SUPPORT_EMAIL: 'help@service.example.org', ...notify }),
  ).toEqual([
    'Configuration error: SESSION_SECRET must be set (32 characters or more) when NODE_ENV is production',
  ])
})

test('a database URL that is not a postgres URL is refused without echoing it back', () => {
  const [line] = problems({ DATABASE_URL: 'mysql://user:secret@db/x' })
  expect(line).toMatch(/DATABASE_URL must be a URL starting postgres:\/\/ or postgresql:\/\//)
  expect(line).not.toContain('secret')
})

test('several problems give one line each', () => {
  expect(problems({ PORT: 'x', LOG_LEVEL: 'loud', OUTBOX_WORKER: 'maybe' })).toHaveLength(3)
})

test('empty strings count as unset for optional URLs', () => {
  expect(parseEnv({ DATABASE_URL: '', MEILI_URL: '' }).DATABASE_URL).toBeUndefined()
})

test('an empty variable counts as unset, so its default applies', () => {
  expect(parseEnv({ NODE_ENV: '', PORT: '' })).toMatchObject({
    NODE_ENV: 'development',
    PORT: 3000,
  })
})

test('production needs a real support address, not the placeholder', () => {
  const secret = 's'.repeat(40)
  expect(problems({ NODE_ENV: 'production', SESSION_SECRET: secret, ...notify })).toEqual([
    'Configuration error: SUPPORT_EMAIL must be set to a real address when NODE_ENV is production',
  ])
  expect(
    problems({
      NODE_ENV: 'production',
      SESSION_SECRET: secret,
      SUPPORT_EMAIL: 'inclusion@school.example.org',
      ...notify,
    }),
  ).toEqual([])
})

test('production sends email through GOV.UK Notify, so its key is required', () => {
  expect(
    problems({
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      SUPPORT_EMAIL: 'inclusion@school.example.org',
    }),
  ).toEqual([
    'Configuration error: NOTIFY_API_KEY must be set when NODE_ENV is production (emails go through GOV.UK Notify)',
  ])
})

test('a Notify key without its template (or the other way round) is refused', () => {
  expect(problems({ NOTIFY_API_KEY: notify.NOTIFY_API_KEY })).toEqual([
    'Configuration error: NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID must be set together',
  ])
})
