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
