import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

export type TokenPurpose = 'session' | 'return' | 'status'

export async function insertRespondentToken(
  db: Kysely<DB>,
  token: { hash: string; submissionId: string; purpose: TokenPurpose; expiresAt: Date },
) {
  await db
    .insertInto('respondent_tokens')
    .values({
      token_hash: token.hash,
      submission_id: token.submissionId,
      purpose: token.purpose,
      expires_at: token.expiresAt,
    })
    .execute()
}

/** The response a live token of one of the given purposes opens, if any. */
export async function findRespondentToken(
  db: Kysely<DB>,
  hash: string,
  purposes: TokenPurpose[],
  now = new Date(),
) {
  return db
    .selectFrom('respondent_tokens')
    .select(['submission_id', 'purpose', 'expires_at'])
    .where('token_hash', '=', hash)
    .where('purpose', 'in', purposes)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

export async function deleteRespondentToken(db: Kysely<DB>, hash: string) {
  await db.deleteFrom('respondent_tokens').where('token_hash', '=', hash).execute()
}

export async function deleteExpiredRespondentTokens(db: Kysely<DB>) {
  await db
    .deleteFrom('respondent_tokens')
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute()
}
