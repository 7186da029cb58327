import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

// Lockout follows the address typed, whether or not it has an account, so the answer never tells
// a guesser which addresses are real. Only a hash of the address is stored.

const emailHash = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex')

/** When sign-in for this address is locked until, if it is locked now. */
export async function lockedUntil(db: Kysely<DB>, email: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sign_in_lockouts')
    .select('locked_until')
    .where('email_hash', '=', emailHash(email))
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return row?.locked_until ? new Date(row.locked_until) : null
}

/**
 * Counts a failed sign-in and, from the fifth in a row, locks the address for longer each time:
 * 1, 2, 4, 8 … minutes, at most an hour. Returns the lock's end if it is now locked.
 */
export async function recordFailedSignIn(db: Kysely<DB>, email: string): Promise<Date | null> {
  const row = await db
    .insertInto('sign_in_lockouts')
    .values({ email_hash: emailHash(email), failed_count: 1 })
    .onConflict((oc) =>
      oc.column('email_hash').doUpdateSet({
        failed_count: sql`sign_in_lockouts.failed_count + 1`,
        locked_until: sql`CASE WHEN sign_in_lockouts.failed_count + 1 >= 5
          THEN now() + least(interval '1 minute' * power(2, sign_in_lockouts.failed_count + 1 - 5),
                             interval '1 hour')
          ELSE sign_in_lockouts.locked_until END`,
        updated_at: sql`now()`,
      }),
    )
    .returning('locked_until')
    .executeTakeFirstOrThrow()
  return row.locked_until && new Date(row.locked_until) > new Date()
    ? new Date(row.locked_until)
    : null
}

/** A successful sign-in, or a new password, forgets the failures. */
export async function clearFailedSignIns(db: Kysely<DB>, email: string) {
  await db.deleteFrom('sign_in_lockouts').where('email_hash', '=', emailHash(email)).execute()
}
