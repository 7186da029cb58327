import { createHash } from 'node:crypto'
import { createCookie, type AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { hashPassword } from '../../app/accounts/passwords.server'
import {
  createStaffSession,
  destroyStaffSession,
  getStaffUser,
  requireRole,
} from '../../app/accounts/session.server'
import { checkTwoFactorCode, signIn } from '../../app/accounts/sign-in.server'
import {
  resetTwoFactor,
  turnOffOwnTwoFactor,
  turnOnTwoFactor,
  twoFactorState,
} from '../../app/accounts/two-factor-setup.server'
import { currentCode, decryptSecret } from '../../app/accounts/two-factor.server'
import { parseEnv, type Env } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { upsertUser, type Role } from '../../db/repositories/users'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { createTestServices, type TestServices } from '../setup/test-database'
import { notifyTestEnv } from '../support/notify'

const sessionSecret = 'x'.repeat(40)
const password = 'correct horse battery staple'

let services: TestServices
let context: AppLoadContext
let productionContext: AppLoadContext

function contextFor(env: Env): AppLoadContext {
  return {
    services: {
      env,
      db: services.db,
      search: services.search,
      sessionSecret,
      publicBaseUrl: 'http://localhost',
      log: createLogger('silent'),
    },
    requestState: { formHasErrors: false },
  } as AppLoadContext
}

beforeAll(async () => {
  services = await createTestServices()
  context = contextFor(parseEnv({ NODE_ENV: 'test' }))
  productionContext = contextFor(
    parseEnv({
      NODE_ENV: 'production',
      SESSION_SECRET: sessionSecret,
      SUPPORT_EMAIL: 'help@service.example.org',
      ...notifyTestEnv,
    }),
  )
})

afterAll(async () => {
  await services?.cleanUp()
})

let userSequence = 0
/** A fresh account of its own for each test, so lockouts never leak between tests. */
async function createUser(
  roles: Role[] = ['moderator'],
  options: { password?: string; email?: string } = {},
) {
  userSequence++
  const email = options.email ?? `staff${userSequence}@example.test`
  const { id } = await upsertUser(services.db, {
    email,
    name: `Staff member ${userSequence}`,
    roles,
    passwordHash: await hashPassword(options.password ?? password),
  })
  return { id, email }
}

const request = (path: string, cookie?: string) =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookieFrom = (setCookie: string) => setCookie.split(';')[0]!

async function thrown(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a throw')
    },
    (error: unknown) => error,
  )
}

test('the right password signs in and records a session.signed_in audit event', async () => {
  const user = await createUser()

  expect(await signIn(context, user.email, password)).toEqual({
    ok: true,
    userId: user.id,
    secondFactor: false,
  })

  const events = await services.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id'])
    .where('subject_id', '=', user.id)
    .execute()
  expect(events).toEqual([{ action: 'session.signed_in', actor_id: user.id }])
})

test('a wrong password and an unknown email get the same answer', async () => {
  const user = await createUser()

  const wrongPassword = await signIn(context, user.email, 'not the password')
  const unknownEmail = await signIn(context, 'nobody@example.test', password)

  expect(wrongPassword).toEqual({ ok: false, problem: 'wrong-details' })
  expect(unknownEmail).toEqual(wrongPassword)
})

test('five wrong passwords in a row lock the address, and then even the right password is refused', async () => {
  const user = await createUser()
  for (let attempt = 1; attempt <= 4; attempt++) {
    expect(await signIn(context, user.email, `wrong ${attempt}`)).toEqual({
      ok: false,
      problem: 'wrong-details',
    })
  }

  const fifth = await signIn(context, user.email, 'wrong 5')
  expect(fifth).toMatchObject({ ok: false, problem: 'locked' })
  expect(fifth.ok === false && fifth.problem === 'locked' && fifth.minutes).toBeGreaterThanOrEqual(
    1,
  )

  expect(await signIn(context, user.email.toUpperCase(), password)).toMatchObject({
    ok: false,
    problem: 'locked',
  })
})

test('an address with no account locks after the same failures, with the same answer', async () => {
  const user = await createUser()
  const unknown = `nobody-${userSequence}@example.test`
  const answers = async (email: string) => {
    const seen = []
    for (let attempt = 1; attempt <= 7; attempt++) {
      const result = await signIn(context, email, `wrong ${attempt}`)
      seen.push(result.ok ? 'ok' : result.problem)
    }
    return seen
  }

  const forAccount = await answers(user.email)
  const forNobody = await answers(unknown)

  expect(forAccount).toEqual([...Array(4).fill('wrong-details'), ...Array(3).fill('locked')])
  expect(forNobody).toEqual(forAccount)
  // Only hashes of the addresses are kept.
  const stored = await services.db.selectFrom('sign_in_lockouts').select('email_hash').execute()
  expect(stored.map((row) => row.email_hash)).toContain(
    createHash('sha256').update(unknown).digest('hex'),
  )
  expect(JSON.stringify(stored)).not.toContain('@')
})

test('a successful sign-in clears the count of failures', async () => {
  const user = await createUser()
  for (let attempt = 1; attempt <= 4; attempt++) await signIn(context, user.email, 'wrong')
  expect(await signIn(context, user.email, password)).toMatchObject({ ok: true })
  for (let attempt = 1; attempt <= 4; attempt++) {
    expect(await signIn(context, user.email, 'wrong')).toEqual({
      ok: false,
      problem: 'wrong-details',
    })
  }
})

test('a deactivated account cannot sign in', async () => {
  const user = await createUser()
  await services.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute()

  expect(await signIn(context, user.email, password)).toEqual({
    ok: false,
    problem: 'wrong-details',
  })
})

test('in production a demo password is refused even for an account that has it', async () => {
  const demo = demoAccounts[0]!
  const user = await createUser(['moderator'], { email: demo.email, password: demo.password })

  expect(await signIn(productionContext, demo.email, demo.password)).toEqual({
    ok: false,
    problem: 'demo-password',
  })
  // Outside production the same account and password work, so it is production that refuses them.
  expect(await signIn(context, demo.email, demo.password)).toMatchObject({
    ok: true,
    userId: user.id,
  })
})

test('a new session cookie is HttpOnly and SameSite=Lax', async () => {
  const user = await createUser()

  const setCookie = await createStaffSession(context, user.id)

  expect(setCookie).toMatch(/^iip_session=/)
  expect(setCookie).toMatch(/;\s*HttpOnly/i)
  expect(setCookie).toMatch(/;\s*SameSite=Lax/i)
})

test('the session cookie signs its user in until the session is destroyed', async () => {
  const user = await createUser(['advisory'])
  const cookie = cookieFrom(await createStaffSession(context, user.id))

  expect(await getStaffUser(request('/admin', cookie), context)).toEqual({
    id: user.id,
    email: user.email,
    name: expect.any(String),
    roles: ['advisory'],
  })

  const cleared = await destroyStaffSession(request('/sign-out', cookie), context)
  expect(cleared).toMatch(/^iip_session=;/)
  expect(await getStaffUser(request('/admin', cookie), context)).toBeNull()
})

test('the sessions table stores the SHA-256 of the token, never the token itself', async () => {
  const user = await createUser()
  const cookie = cookieFrom(await createStaffSession(context, user.id))
  // Read the token the way the app does: the same cookie name and secret.
  const token: unknown = await createCookie('iip_session', { secrets: [sessionSecret] }).parse(
    cookie,
  )
  expect(token).toEqual(expect.any(String))

  const sessions = await services.db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', user.id)
    .execute()

  expect(sessions).toHaveLength(1)
  expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/)
  expect(sessions[0]!.id).toBe(
    createHash('sha256')
      .update(token as string)
      .digest('hex'),
  )
  expect(JSON.stringify(sessions)).not.toContain(token as string)
})

test('a tampered session cookie signs nobody in', async () => {
  const user = await createUser()
  const cookie = cookieFrom(await createStaffSession(context, user.id))
  const [name, value] = cookie.split('=') as [string, string]
  const flipped = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`

  expect(await getStaffUser(request('/admin', `${name}=${flipped}`), context)).toBeNull()
  // A copy of the sessions table is no use either: its hash, even correctly signed, is not a token.
  const { id: stolenHash } = await services.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow()
  const forged = cookieFrom(
    await createCookie('iip_session', { secrets: [sessionSecret] }).serialize(stolenHash),
  )
  expect(await getStaffUser(request('/admin', forged), context)).toBeNull()
  // The untampered cookie still works, so the refusals above are about the tampering.
  expect(await getStaffUser(request('/admin', cookie), context)).toMatchObject({ id: user.id })
})

test('requireRole sends an anonymous visitor to sign in, to come back afterwards', async () => {
  const error = await thrown(requireRole(request('/admin/queue?page=2'), context, ['moderator']))

  expect(error).toBeInstanceOf(Response)
  const response = error as Response
  expect(response.status).toBe(302)
  expect(response.headers.get('Location')).toBe(
    `/sign-in?returnTo=${encodeURIComponent('/admin/queue?page=2')}`,
  )
})

test('requireRole refuses a moderator a page for admins with a 403', async () => {
  const moderator = await createUser(['moderator'])
  const cookie = cookieFrom(await createStaffSession(context, moderator.id))

  const error = await thrown(requireRole(request('/admin', cookie), context, ['admin']))

  expect(error).toBeInstanceOf(Response)
  expect((error as Response).status).toBe(403)
  expect(await requireRole(request('/admin', cookie), context, ['moderator'])).toMatchObject({
    id: moderator.id,
  })
})

test('requireRole lets an admin through any role check', async () => {
  const admin = await createUser(['admin'])
  const cookie = cookieFrom(await createStaffSession(context, admin.id))

  for (const roles of [
    ['moderator'],
    ['advisory'],
    ['admin'],
    ['moderator', 'advisory'],
  ] as Role[][]) {
    expect(await requireRole(request('/admin', cookie), context, roles)).toMatchObject({
      id: admin.id,
      roles: ['admin'],
    })
  }
})

/** Sets up two-factor sign-in as a person would, proving it with the code of the moment. */
async function withTwoFactor() {
  const user = await createUser()
  const first = await twoFactorState(context, user)
  const again = await twoFactorState(context, user)
  expect(first).toMatchObject({ enabled: false })
  expect(again).toEqual(first)
  const row = await services.db
    .selectFrom('users')
    .select('totp_pending_secret')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow()
  const secret = decryptSecret(sessionSecret, row.totp_pending_secret!)
  // Stored encrypted: the key shown on the page is nowhere in the row.
  expect(row.totp_pending_secret).not.toContain(secret)
  expect(first.enabled === false && first.setup.key.replaceAll(' ', '')).toBe(secret)
  expect(first.enabled === false && first.setup.svg).toMatch(/^<svg[^>]*viewBox/)

  expect(await turnOnTwoFactor(context, user.id, '000000')).toBe(false)
  expect(await turnOnTwoFactor(context, user.id, currentCode(secret))).toBe(true)
  return { ...user, secret }
}

test('with two-factor on, the right password alone starts no session; the code then signs in, once', async () => {
  const user = await withTwoFactor()

  expect(await signIn(context, user.email, password)).toEqual({
    ok: true,
    userId: user.id,
    secondFactor: true,
  })
  // The next step's code (a step either side is accepted): the current one proved the set-up.
  const code = currentCode(user.secret, Date.now() + 30_000)
  expect(await checkTwoFactorCode(context, user.id, code)).toMatchObject({ ok: true })
  // The same code cannot be used again, nor an older one.
  expect(await checkTwoFactorCode(context, user.id, code)).toEqual({
    ok: false,
    problem: 'wrong-details',
  })

  const actions = await services.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', user.id)
    .orderBy('id')
    .execute()
  expect(actions.map((a) => a.action)).toEqual([
    'user.two_factor_enabled',
    'session.signed_in',
    'session.two_factor_failed',
  ])
})

test('wrong codes count towards the lockout of the address', async () => {
  const user = await withTwoFactor()
  const answers = []
  for (let attempt = 1; attempt <= 6; attempt++) {
    const result = await checkTwoFactorCode(context, user.id, '123456')
    answers.push(result.ok ? 'ok' : result.problem)
  }
  expect(answers.slice(0, 4)).toEqual(Array(4).fill('wrong-details'))
  expect(answers.slice(4)).toEqual(['locked', 'locked'])
  expect(
    await checkTwoFactorCode(context, user.id, currentCode(user.secret, Date.now() + 30_000)),
  ).toMatchObject({
    problem: 'locked',
  })
})

test('turning two-factor off needs a current code; an administrator can reset it', async () => {
  const user = await withTwoFactor()
  const admin = await createUser(['admin'])

  expect(await turnOffOwnTwoFactor(context, user.id, '000000')).toBe(false)
  expect(
    await turnOffOwnTwoFactor(context, user.id, currentCode(user.secret, Date.now() + 30_000)),
  ).toBe(true)
  expect(await signIn(context, user.email, password)).toMatchObject({ secondFactor: false })

  const other = await withTwoFactor()
  expect(await resetTwoFactor(context, admin.id, other.id)).toBe(true)
  expect(await resetTwoFactor(context, admin.id, other.id)).toBe(false)
  expect(await signIn(context, other.email, password)).toMatchObject({ secondFactor: false })
  const reset = await services.db
    .selectFrom('audit_events')
    .select(['actor_id', 'action'])
    .where('subject_id', '=', other.id)
    .where('action', '=', 'user.two_factor_reset')
    .execute()
  expect(reset).toEqual([{ actor_id: admin.id, action: 'user.two_factor_reset' }])
})
