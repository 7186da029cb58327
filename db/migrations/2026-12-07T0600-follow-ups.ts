import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// A living library: schools that agreed are asked 6 and 12 months after first publication how the
// practice is going, and a moderator may publish what they say as a new version.
// - submissions.follow_up_consent: the respondent agreed, on the consent page, to be asked;
// - follow_ups: one invitation per case study per round (the unique constraint is what makes the
//   scheduled job safe under retries and several instances), its single-use link kept only as a
//   hash, the school's answers, and the update's moderation state (with an edit version for
//   optimistic locking of the moderator's next-version draft);
// - case_study_versions: the published text of every version, so each has a permalink;
// - case_studies: the current public version's number, when it was last reviewed and whether the
//   practice is still running.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    .addColumn('follow_up_consent', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  await db.schema
    .alterTable('case_studies')
    .addColumn('public_version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`public_version >= 1`),
    )
    .addColumn('last_reviewed_at', 'timestamptz')
    .addColumn('practice_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('running')
        .check(sql`practice_status IN ('running', 'changed', 'stopped')`),
    )
    .addColumn('practice_status_since', 'timestamptz')
    .execute()

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_study_id', 'uuid', (c) =>
      c.notNull().references('case_studies.id').onDelete('cascade'),
    )
    .addColumn('round', 'smallint', (c) => c.notNull().check(sql`round BETWEEN 1 AND 10`))
    .addColumn('months', 'smallint', (c) => c.notNull().check(sql`months BETWEEN 1 AND 240`))
    // sha256 of the emailed link's token, hex: the token itself is never stored.
    .addColumn('token_hash', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`token_hash ~ '^[0-9a-f]{64}$'`),
    )
    .addColumn('invited_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('link_used_at', 'timestamptz')
    .addColumn('session_hash', 'text', (c) =>
      c.unique().check(sql`session_hash ~ '^[0-9a-f]{64}$'`),
    )
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('personal_data_findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('personal_data_flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('invited')
        .check(sql`status IN ('invited', 'submitted', 'in_review', 'published', 'recorded')`),
    )
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('assigned_to', 'uuid', (c) => c.references('users.id'))
    // The moderator's next version of the case study, started from the published one on claiming.
    .addColumn('draft', 'jsonb')
    .addColumn('edit_version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`edit_version >= 1`),
    )
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('published_version', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('follow_ups_case_study_round_key', ['case_study_id', 'round'])
    .addCheckConstraint(
      'follow_ups_sent_has_date',
      sql`status = 'invited' OR submitted_at IS NOT NULL`,
    )
    .execute()
  await db.schema
    .createIndex('follow_ups_status_idx')
    .on('follow_ups')
    .columns(['status', 'submitted_at'])
    .execute()
  await db.schema
    .createIndex('follow_ups_assigned_to_idx')
    .on('follow_ups')
    .column('assigned_to')
    .execute()
  await db.schema
    .createIndex('follow_ups_decided_by_idx')
    .on('follow_ups')
    .column('decided_by')
    .execute()

  await db.schema
    .createTable('case_study_versions')
    .addColumn('case_study_id', 'uuid', (c) =>
      c.notNull().references('case_studies.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    // The published fields of this version, exactly as the library showed them.
    .addColumn('published_values', 'jsonb', (c) => c.notNull())
    .addColumn('evidence_strength', 'smallint', (c) =>
      c.check(sql`evidence_strength BETWEEN 0 AND 4`),
    )
    .addColumn('practice_status', 'text', (c) =>
      c.notNull().check(sql`practice_status IN ('running', 'changed', 'stopped')`),
    )
    // What changed in this version, in the moderator's words, for the public history.
    .addColumn('change_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('follow_up_id', 'uuid', (c) => c.references('follow_ups.id').onDelete('set null'))
    .addPrimaryKeyConstraint('case_study_versions_pkey', ['case_study_id', 'number'])
    .execute()
  await db.schema
    .createIndex('case_study_versions_follow_up_id_idx')
    .on('case_study_versions')
    .column('follow_up_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_study_versions').execute()
  await db.schema.dropTable('follow_ups').execute()
  await db.schema
    .alterTable('case_studies')
    .dropColumn('practice_status_since')
    .dropColumn('practice_status')
    .dropColumn('last_reviewed_at')
    .dropColumn('public_version')
    .execute()
  await db.schema.alterTable('submissions').dropColumn('follow_up_consent').execute()
}
