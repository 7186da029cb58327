import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// Double coding: a sample of submissions tagged a second time, independently, to measure how
// reliably moderators apply the coding frame.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('double_coding_samples')
    .addColumn('submission_id', 'uuid', (c) =>
      c.primaryKey().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('second_coder_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('coded_at', 'timestamptz')
    .addColumn('reconciled_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reconciled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'double_coding_samples_coded_check',
      sql`coded_at IS NULL OR second_coder_id IS NOT NULL`,
    )
    .execute()
  for (const column of ['requested_by', 'second_coder_id', 'reconciled_by']) {
    await db.schema
      .createIndex(`double_coding_samples_${column}_idx`)
      .on('double_coding_samples')
      .column(column)
      .execute()
  }

  // The second coder's tags, kept apart from the case study's own until reconciled.
  await db.schema
    .createTable('second_coding_tags')
    .addColumn('submission_id', 'uuid', (c) =>
      c.notNull().references('double_coding_samples.submission_id').onDelete('cascade'),
    )
    .addColumn('term_id', 'integer', (c) => c.notNull().references('taxonomy_terms.id'))
    .addPrimaryKeyConstraint('second_coding_tags_pk', ['submission_id', 'term_id'])
    .execute()
  await db.schema
    .createIndex('second_coding_tags_term_id_idx')
    .on('second_coding_tags')
    .column('term_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('second_coding_tags').execute()
  await db.schema.dropTable('double_coding_samples').execute()
}
