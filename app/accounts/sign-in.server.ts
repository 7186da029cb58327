import type { AppLoadContext } from '@remix-run/node'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  clearFailedSignIns,
  lockedUntil,
  recordFailedSignIn,
} from '../../db/repositories/sign-in-lockouts'
import {
  findTwoFactor,
  findUserForSignIn,
  recordSuccessfulSignIn,
  useTwoFactorStep,
} from '../../db/repositories/users'
import { isDemoPassword } from './demo-accounts'
import { decoyPasswordHash, verifyPassword } from './passwords.server'
import { acceptedStep, decryptSecret } from './two-factor.server'

export type SignInResult =
  | { ok: true; userId: string; secondFactor: boolean }
  | { ok: false; problem: 'wrong-details' | 'demo-password' }
  | { ok: false; problem: 'locked'; minutes: number }

/**
 * Checks an address and password. Failures are counted against the address typed, whether or
 * not it has an account, and from the fifth in a row it is locked for longer each time; so a
 * wrong password, an unknown address, a deactivated account and a lockout all look the same to
 * someone guessing, whichever the address.
 */
export async function signIn(
  context: AppLoadContext,
  email: string,
  password: string,
): Promise<SignInResult> {
  const { db, env } = context.services
  if (env.NODE_ENV === 'production' && isDemoPassword(password))
    return { ok: false, problem: 'demo-password' }

  const locked = await lockedUntil(db, email)
  if (locked) return { ok: false, problem: 'locked', minutes: minutesUntil(locked) }

  const user = await findUserForSignIn(db, email)
  const passwordRight = await verifyPassword(
    user?.password_hash ?? (await decoyPasswordHash()),
    password,
  )
  if (!user || !user.active || !user.password_hash || !passwordRight) {
    return failed(context, email, user?.id ?? null, 'session.sign_in_failed')
  }
  if (user.totp_enabled_at) return { ok: true, userId: user.id, secondFactor: true }
  await signedIn(context, email, user.id)
  return { ok: true, userId: user.id, secondFactor: false }
}

/** The second step for an account with an authenticator app: the six-digit code. */
export async function checkTwoFactorCode(
  context: AppLoadContext,
  userId: string,
  code: string,
): Promise<SignInResult> {
  const { db, sessionSecret } = context.services
  const user = await findTwoFactor(db, userId)
  if (!user || !user.active || !user.totp_secret) return { ok: false, problem: 'wrong-details' }
  const locked = await lockedUntil(db, user.email)
  if (locked) return { ok: false, problem: 'locked', minutes: minutesUntil(locked) }
  const step = acceptedStep(
    decryptSecret(sessionSecret, user.totp_secret),
    code,
    user.totp_last_step,
  )
  if (step === null || !(await useTwoFactorStep(db, user.id, step)))
    return failed(context, user.email, user.id, 'session.two_factor_failed')
  await signedIn(context, user.email, user.id)
  return { ok: true, userId: user.id, secondFactor: true }
}

async function failed(
  context: AppLoadContext,
  email: string,
  userId: string | null,
  action: string,
): Promise<SignInResult> {
  const { db } = context.services
  const locked = await recordFailedSignIn(db, email)
  if (userId)
    await recordAuditEvent(db, { actorId: null, action, subjectType: 'user', subjectId: userId })
  if (locked) return { ok: false, problem: 'locked', minutes: minutesUntil(locked) }
  return { ok: false, problem: 'wrong-details' }
}

async function signedIn(context: AppLoadContext, email: string, userId: string) {
  const { db } = context.services
  await clearFailedSignIns(db, email)
  await recordSuccessfulSignIn(db, userId)
  await recordAuditEvent(db, {
    actorId: userId,
    action: 'session.signed_in',
    subjectType: 'user',
    subjectId: userId,
  })
}

const minutesUntil = (when: Date) => Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000))

/** What a failed sign-in tells the person: never whether the address has an account. */
export function signInProblemMessage(result: SignInResult & { ok: false }): string {
  if (result.problem === 'locked')
    return `Sign-in for this email address is paused after too many failed attempts. Try again in ${result.minutes} ${result.minutes === 1 ? 'minute' : 'minutes'}.`
  return 'Enter the email address and password for your account'
}

/** A pause is a 429 with Retry-After; anything else a 400. */
export function signInProblemInit(result: SignInResult & { ok: false }): ResponseInit {
  return result.problem === 'locked'
    ? { status: 429, headers: { 'Retry-After': String(result.minutes * 60) } }
    : { status: 400 }
}
