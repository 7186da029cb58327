import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// What the call for evidence needs beyond the foundation: idempotent starts, personal-data
// findings, withdrawal, hashed respondent links and supporting files.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    // A random value from the start page's form: a double click or a resent form finds the draft
    // it already made instead of making a second.
    .addColumn('start_token', 'text', (c) => c.unique().check(sql`length(start_token) <= 64`))
    .addColumn('personal_data_findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute()
  await db.schema
    .alterTable('submissions')
    .addCheckConstraint(
      'submissions_withdrawn_check',
      sql`status <> 'withdrawn' OR withdrawn_at IS NOT NULL`,
    )
    .execute()

  // Respondents have no accounts. A link or cookie carries a random token; only its SHA-256 is
  // stored, so a copy of the database cannot be used to open anyone's response.
  await db.schema
    .createTable('respondent_tokens')
    .addColumn('token_hash', 'text', (c) =>
      c.primaryKey().check(sql`token_hash ~ '^[0-9a-f]{64}$'`),
    )
    .addColumn('submission_id', 'uuid', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose IN ('session','return','status')`),
    )
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('respondent_tokens_submission_id_idx')
    .on('respondent_tokens')
    .column('submission_id')
    .execute()
  await db.schema
    .createIndex('respondent_tokens_expires_at_idx')
    .on('respondent_tokens')
    .column('expires_at')
    .execute()

  // File bodies live outside the web root, named by their SHA-256; this row is what the
  // respondent attached and what they called it.
  await db.schema
    .createTable('submission_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', (c) =>
      c.notNull().check(sql`length(file_name) BETWEEN 1 AND 255`),
    )
    .addColumn('media_type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`media_type IN ('application/pdf','application/vnd.openxmlformats-officedocument.wordprocessingml.document','application/vnd.openxmlformats-officedocument.spreadsheetml.sheet','application/vnd.openxmlformats-officedocument.presentationml.presentation','image/jpeg','image/png')`,
        ),
    )
    .addColumn('size_bytes', 'integer', (c) =>
      c.notNull().check(sql`size_bytes BETWEEN 1 AND 10485760`),
    )
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('submission_files_submission_sha256_unique', ['submission_id', 'sha256'])
    .execute()
  await db.schema
    .createIndex('submission_files_sha256_idx')
    .on('submission_files')
    .column('sha256')
    .execute()

  // Counters for rate limits (rate-limiter-flexible's Postgres store, in its own layout), shared
  // by every app instance.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
  await db.schema.dropTable('submission_files').execute()
  await db.schema.dropTable('respondent_tokens').execute()
  await db.schema.alterTable('submissions').dropConstraint('submissions_withdrawn_check').execute()
  await db.schema
    .alterTable('submissions')
    .dropColumn('start_token')
    .dropColumn('personal_data_findings')
    .dropColumn('withdrawn_at')
    .execute()
}
