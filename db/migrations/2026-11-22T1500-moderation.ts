import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// Moderation: an edit version on case-study drafts (optimistic locking), the moment a moderator
// confirmed that flagged personal data was dealt with, and staff-only notes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('case_studies')
    .addColumn('version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`version >= 1`),
    )
    .execute()
  await db.schema
    .alterTable('submissions')
    .addColumn('personal_data_resolved_at', 'timestamptz')
    .addColumn('personal_data_resolved_by', 'uuid', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('submissions_personal_data_resolved_by_idx')
    .on('submissions')
    .column('personal_data_resolved_by')
    .execute()

  // The queue lists one status oldest first: read in order from this index, a page stops after
  // its rows instead of sorting (and unpacking the answers of) every submission in that status.
  await db.schema
    .createIndex('submissions_status_submitted_idx')
    .on('submissions')
    .columns(['status', 'submitted_at', 'reference'])
    .execute()

  await db.schema
    .createTable('submission_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) BETWEEN 1 AND 5000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('submission_notes_submission_id_idx')
    .on('submission_notes')
    .columns(['submission_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('submission_notes_author_id_idx')
    .on('submission_notes')
    .column('author_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('submission_notes').execute()
  await db.schema.dropIndex('submissions_status_submitted_idx').execute()
  await db.schema.dropIndex('submissions_personal_data_resolved_by_idx').execute()
  await db.schema
    .alterTable('submissions')
    .dropColumn('personal_data_resolved_at')
    .dropColumn('personal_data_resolved_by')
    .execute()
  await db.schema.alterTable('case_studies').dropColumn('version').execute()
}
