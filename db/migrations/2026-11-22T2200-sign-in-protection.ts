import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// Lockout after failed sign-ins moves from the account to the address typed, so that an address
// with no account locks exactly like one with an account and the message reveals nothing. The
// address is kept only as a SHA-256 hash.
//
// Staff may add an authenticator app (TOTP). Its secret is stored encrypted (AES-256-GCM); the
// last time step used is kept so that a code cannot be used twice.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_lockouts')
    .addColumn('email_hash', 'text', (c) => c.primaryKey().check(sql`length(email_hash) = 64`))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.alterTable('users').dropColumn('failed_sign_in_count').execute()
  await db.schema.alterTable('users').dropColumn('locked_until').execute()
  await db.schema
    .alterTable('users')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_pending_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'bigint')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .dropColumn('totp_secret')
    .dropColumn('totp_pending_secret')
    .dropColumn('totp_enabled_at')
    .dropColumn('totp_last_step')
    .execute()
  await db.schema
    .alterTable('users')
    .addColumn('failed_sign_in_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .execute()
  await db.schema.dropTable('sign_in_lockouts').execute()
}
