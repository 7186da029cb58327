import type { AppLoadContext } from '@remix-run/node'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  disableTwoFactor,
  enableTwoFactor,
  findTwoFactor,
  setPendingTwoFactor,
  useTwoFactorStep,
} from '../../db/repositories/users'
import {
  acceptedStep,
  decryptSecret,
  encryptSecret,
  newTotpSecret,
  setupDetails,
} from './two-factor.server'

// Turning two-factor sign-in on and off for one's own account, and an administrator turning it
// off for someone who has lost their phone. Each change is audited.

export type TwoFactorState =
  { enabled: true; since: Date } | { enabled: false; setup: { svg: string; key: string } }

/** On, since when; or off, with a secret ready to scan (made once and kept until it is used). */
export async function twoFactorState(
  context: AppLoadContext,
  user: { id: string; email: string },
): Promise<TwoFactorState> {
  const { db, sessionSecret } = context.services
  const row = await findTwoFactor(db, user.id)
  if (row?.totp_enabled_at) return { enabled: true, since: new Date(row.totp_enabled_at) }
  let secret = row?.totp_pending_secret
    ? decryptSecret(sessionSecret, row.totp_pending_secret)
    : null
  if (!secret) {
    secret = newTotpSecret()
    await setPendingTwoFactor(db, user.id, encryptSecret(sessionSecret, secret))
  }
  return { enabled: false, setup: await setupDetails(secret, user.email) }
}

/** Turns it on if the code proves the app holds the pending secret. */
export async function turnOnTwoFactor(context: AppLoadContext, userId: string, code: string) {
  const { db, sessionSecret } = context.services
  const row = await findTwoFactor(db, userId)
  if (!row?.totp_pending_secret) return false
  const step = acceptedStep(decryptSecret(sessionSecret, row.totp_pending_secret), code, null)
  if (step === null || !(await enableTwoFactor(db, userId, step))) return false
  await recordAuditEvent(db, {
    actorId: userId,
    action: 'user.two_factor_enabled',
    subjectType: 'user',
    subjectId: userId,
  })
  return true
}

/** Turns it off for oneself, with a current code (so a borrowed session is not enough). */
export async function turnOffOwnTwoFactor(context: AppLoadContext, userId: string, code: string) {
  const { db, sessionSecret } = context.services
  const row = await findTwoFactor(db, userId)
  if (!row?.totp_secret) return false
  const step = acceptedStep(decryptSecret(sessionSecret, row.totp_secret), code, row.totp_last_step)
  if (step === null || !(await useTwoFactorStep(db, userId, step))) return false
  return turnOff(context, userId, userId, 'user.two_factor_disabled')
}

/** An administrator turns it off for someone who has lost their authenticator app. */
export async function resetTwoFactor(context: AppLoadContext, actorId: string, userId: string) {
  return turnOff(context, actorId, userId, 'user.two_factor_reset')
}

async function turnOff(context: AppLoadContext, actorId: string, userId: string, action: string) {
  const { db } = context.services
  if (!(await disableTwoFactor(db, userId))) return false
  await recordAuditEvent(db, { actorId, action, subjectType: 'user', subjectId: userId })
  return true
}
