import type { AppLoadContext } from '@remix-run/node'
import {
  findUserForSignIn,
  recordFailedSignIn,
  recordSuccessfulSignIn,
} from '../../db/repositories/users'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { isDemoPassword } from '../../seeds/demo-accounts'
import { decoyPasswordHash, verifyPassword } from './passwords.server'

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; problem: 'wrong-details' | 'demo-password' }
  | { ok: false; problem: 'locked'; minutes: number }

export async function signIn(
  context: AppLoadContext,
  email: string,
  password: string,
): Promise<SignInResult> {
  const { db, env } = context.services
  if (env.NODE_ENV === 'production' && isDemoPassword(password))
    return { ok: false, problem: 'demo-password' }

  const user = await findUserForSignIn(db, email)
  if (!user || !user.active || !user.password_hash) {
    await verifyPassword(await decoyPasswordHash(), password)
    return { ok: false, problem: 'wrong-details' }
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) {
    return { ok: false, problem: 'locked', minutes: minutesUntil(new Date(user.locked_until)) }
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const after = await recordFailedSignIn(db, user.id)
    await recordAuditEvent(db, {
      actorId: null,
      action: 'session.sign_in_failed',
      subjectType: 'user',
      subjectId: user.id,
    })
    if (after?.locked_until && new Date(after.locked_until) > new Date()) {
      return { ok: false, problem: 'locked', minutes: minutesUntil(new Date(after.locked_until)) }
    }
    return { ok: false, problem: 'wrong-details' }
  }
  await recordSuccessfulSignIn(db, user.id)
  await recordAuditEvent(db, {
    actorId: user.id,
    action: 'session.signed_in',
    subjectType: 'user',
    subjectId: user.id,
  })
  return { ok: true, userId: user.id }
}

const minutesUntil = (when: Date) => Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000))
