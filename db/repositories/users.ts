import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export type Role = 'moderator' | 'advisory' | 'admin'

const staffColumns = ['id', 'email', 'name', 'roles', 'active'] as const

export async function findUserForSignIn(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .select([...staffColumns, 'password_hash', 'totp_enabled_at'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst()
}

/** Upserts an account by email (used by seeds and, later, invitations). */
export async function upsertUser(
  db: Kysely<DB>,
  user: { email: string; name: string; roles: Role[]; passwordHash: string | null },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      roles: user.roles,
      password_hash: user.passwordHash,
    })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        name: user.name,
        roles: user.roles,
        password_hash: user.passwordHash,
        active: true,
        updated_at: sql`now()`,
      }),
    )
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

export async function recordSuccessfulSignIn(db: Kysely<DB>, userId: string) {
  await db
    .updateTable('users')
    .set({ last_signed_in_at: sql`now()` })
    .where('id', '=', userId)
    .execute()
}

export async function listStaff(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'roles', 'active', 'last_signed_in_at', 'password_hash'])
    .orderBy('name')
    .execute()
}

export async function findStaffById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'roles', 'active', 'last_signed_in_at', 'totp_enabled_at'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** A new member of staff with no password yet; undefined if the address has an account. */
export async function insertInvitedUser(
  db: Kysely<DB>,
  user: { email: string; name: string; roles: Role[] },
) {
  return db
    .insertInto('users')
    .values({ email: user.email.toLowerCase(), name: user.name, roles: user.roles })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id'])
    .executeTakeFirst()
}

export async function updateStaff(
  db: Kysely<DB>,
  id: string,
  changes: { roles?: Role[]; active?: boolean; passwordHash?: string },
) {
  await db
    .updateTable('users')
    .set({
      ...(changes.roles ? { roles: changes.roles } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(changes.passwordHash ? { password_hash: changes.passwordHash } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

/** Active administrators other than this person. */
export async function countOtherActiveAdmins(db: Kysely<DB>, exceptId: string) {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('active', '=', true)
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertAccountLink(
  db: Kysely<DB>,
  link: { tokenHash: string; userId: string; expiresAt: Date },
) {
  await db
    .insertInto('account_links')
    .values({ token_hash: link.tokenHash, user_id: link.userId, expires_at: link.expiresAt })
    .execute()
}

/** The account a link sets the password of, if it is unused and unexpired. */
export async function findAccountLink(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('account_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.user_id', 'u.name', 'u.email', 'u.active'])
    .where('l.token_hash', '=', tokenHash)
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

export async function useAccountLink(db: Kysely<DB>, tokenHash: string) {
  const result = await db
    .updateTable('account_links')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// Two-factor sign-in. Secrets arrive and leave encrypted; this module never sees them in clear.

export async function findTwoFactor(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'active', 'totp_secret', 'totp_pending_secret', 'totp_enabled_at'])
    .select(sql<number | null>`totp_last_step::float8`.as('totp_last_step'))
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function setPendingTwoFactor(db: Kysely<DB>, id: string, encryptedSecret: string) {
  await db
    .updateTable('users')
    .set({ totp_pending_secret: encryptedSecret, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

/** The pending secret becomes the one in use, with the step of the code that proved it. */
export async function enableTwoFactor(db: Kysely<DB>, id: string, step: number) {
  const result = await db
    .updateTable('users')
    .set({
      totp_secret: sql`totp_pending_secret`,
      totp_pending_secret: null,
      totp_enabled_at: sql`now()`,
      totp_last_step: step,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('totp_pending_secret', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function disableTwoFactor(db: Kysely<DB>, id: string) {
  const result = await db
    .updateTable('users')
    .set({
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('totp_enabled_at', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Records a used step; false if that step (or a later one) was already used, so a replay fails. */
export async function useTwoFactorStep(db: Kysely<DB>, id: string, step: number) {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
