import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export type Role = 'moderator' | 'advisory' | 'admin'

const staffColumns = ['id', 'email', 'name', 'roles', 'active'] as const

export async function findUserForSignIn(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .select([...staffColumns, 'password_hash', 'failed_sign_in_count', 'locked_until'])
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
        failed_sign_in_count: 0,
        locked_until: null,
        updated_at: sql`now()`,
      }),
    )
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

/** Counts a failed sign-in and, from the fifth in a row, locks the account for longer each time. */
export async function recordFailedSignIn(db: Kysely<DB>, userId: string) {
  return db
    .updateTable('users')
    .set({
      failed_sign_in_count: sql`failed_sign_in_count + 1`,
      locked_until: sql`CASE WHEN failed_sign_in_count + 1 >= 5
        THEN now() + least(interval '1 minute' * power(2, failed_sign_in_count + 1 - 5), interval '1 hour')
        ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .returning(['failed_sign_in_count', 'locked_until'])
    .executeTakeFirst()
}

export async function recordSuccessfulSignIn(db: Kysely<DB>, userId: string) {
  await db
    .updateTable('users')
    .set({ failed_sign_in_count: 0, locked_until: null, last_signed_in_at: sql`now()` })
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
    .select(['id', 'name', 'email', 'roles', 'active', 'last_signed_in_at'])
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
      ...(changes.passwordHash
        ? { password_hash: changes.passwordHash, failed_sign_in_count: 0, locked_until: null }
        : {}),
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
