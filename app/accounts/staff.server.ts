import { createHash, randomBytes } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { deleteSessionsOfUser } from '../../db/repositories/sessions'
import {
  countOtherActiveAdmins,
  findAccountLink,
  findStaffById,
  insertAccountLink,
  insertInvitedUser,
  updateStaff,
  useAccountLink,
  type Role,
} from '../../db/repositories/users'
import type { DB } from '../../db/types'
import { queueEmail } from '../notifications/email.server'
import { clearFailedSignIns } from '../../db/repositories/sign-in-lockouts'
import { hashPassword } from './passwords.server'

const LINK_DAYS = 7
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export type StaffResult = { ok: true } | { ok: false; field: string; message: string }

/**
 * Invites a member of staff: an account with the chosen roles and no password, and an email
 * with a single-use link, valid for 7 days, to set one. Audited.
 */
export async function inviteStaff(
  context: AppLoadContext,
  actorId: string,
  invite: { name: string; email: string; roles: Role[] },
): Promise<StaffResult> {
  const { db, publicBaseUrl } = context.services
  return db.transaction().execute(async (trx) => {
    const user = await insertInvitedUser(trx, invite)
    if (!user)
      return { ok: false, field: 'email', message: 'There is already an account for this address' }
    const token = randomBytes(32).toString('base64url')
    await insertAccountLink(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + LINK_DAYS * 86_400_000),
    })
    await queueEmail(trx, {
      to: invite.email,
      subject: 'Your Inclusion in Practice staff account',
      body: [
        `Hello ${invite.name},`,
        `You have been given a staff account on Inclusion in Practice. Set your password here (the link works once, for ${LINK_DAYS} days):`,
        `${publicBaseUrl}/set-password/${token}`,
        'If you did not expect this, you can ignore this email.',
      ].join('\n\n'),
      reference: `invite-${user.id}`,
    })
    await recordAuditEvent(trx, {
      actorId,
      action: 'user.invited',
      subjectType: 'user',
      subjectId: user.id,
      after: { roles: invite.roles },
    })
    return { ok: true }
  })
}

/** Who a set-password link is for, if it can still be used. */
export async function findPasswordLink(db: Kysely<DB>, token: string) {
  return findAccountLink(db, hashToken(token))
}

/** Sets a password through a link, which is then used up. */
export async function setPasswordWithLink(
  db: Kysely<DB>,
  token: string,
  password: string,
): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const link = await findAccountLink(trx, hashToken(token))
    if (!link || !link.active || !(await useAccountLink(trx, hashToken(token)))) return false
    await updateStaff(trx, link.user_id, { passwordHash })
    await clearFailedSignIns(trx, link.email)
    await recordAuditEvent(trx, {
      actorId: link.user_id,
      action: 'user.password_set',
      subjectType: 'user',
      subjectId: link.user_id,
    })
    return true
  })
}

/**
 * Changes someone's roles, or deactivates or reactivates them. Deactivating ends their sessions
 * at once. Nobody can take away their own administrator role or deactivate themselves, and the
 * service always keeps an active administrator.
 */
export async function changeStaff(
  db: Kysely<DB>,
  actorId: string,
  userId: string,
  change: { roles?: Role[]; active?: boolean },
): Promise<StaffResult> {
  return db.transaction().execute(async (trx) => {
    const user = await findStaffById(trx, userId)
    if (!user) return { ok: false, field: 'roles', message: 'This account no longer exists' }
    const wasAdmin = user.roles.includes('admin') && user.active
    const staysAdmin =
      (change.roles ?? user.roles).includes('admin') && (change.active ?? user.active)
    if (wasAdmin && !staysAdmin) {
      if (userId === actorId)
        return {
          ok: false,
          field: change.roles ? 'roles' : 'active',
          message: 'You cannot remove your own administrator role or deactivate yourself',
        }
      if ((await countOtherActiveAdmins(trx, userId)) === 0)
        return { ok: false, field: 'roles', message: 'The service must keep an administrator' }
    }
    await updateStaff(trx, userId, change)
    if (change.active === false) await deleteSessionsOfUser(trx, userId)
    await recordAuditEvent(trx, {
      actorId,
      action:
        change.active === false
          ? 'user.deactivated'
          : change.active === true
            ? 'user.reactivated'
            : 'user.roles_changed',
      subjectType: 'user',
      subjectId: userId,
      before: { roles: user.roles, active: user.active },
      after: { roles: change.roles ?? user.roles, active: change.active ?? user.active },
    })
    return { ok: true }
  })
}
