import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

/** Sessions are stored by the SHA-256 of their token, so a copy of the table signs nobody in. */
export async function insertSession(
  db: Kysely<DB>,
  session: { idHash: string; userId: string; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({ id: session.idHash, user_id: session.userId, expires_at: session.expiresAt })
    .execute()
}

export async function findSessionUser(db: Kysely<DB>, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.roles', 's.expires_at', 's.last_seen_at'])
    .where('s.id', '=', idHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.active', '=', true)
    .executeTakeFirst()
}

export async function touchSession(db: Kysely<DB>, idHash: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', idHash)
    .execute()
}

export async function deleteSession(db: Kysely<DB>, idHash: string) {
  await db.deleteFrom('sessions').where('id', '=', idHash).execute()
}

export async function deleteExpiredSessions(db: Kysely<DB>) {
  await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute()
}

/** Ends every session of a person at once (deactivation). */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}
