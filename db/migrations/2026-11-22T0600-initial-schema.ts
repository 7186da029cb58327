import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pgcrypto`.execute(db)

  await db.schema
    .createTable('establishments')
    .addColumn('urn', 'integer', (c) => c.primaryKey().check(sql`urn > 0`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('la_code', 'text', (c) => c.notNull().check(sql`la_code ~ '^[0-9]{3}$'`))
    .addColumn('la_name', 'text', (c) => c.notNull())
    .addColumn('establishment_number', 'text')
    .addColumn('type_code', 'integer', (c) => c.notNull())
    .addColumn('type_name', 'text', (c) => c.notNull())
    .addColumn('type_group_code', 'integer')
    .addColumn('type_group_name', 'text')
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('status_name', 'text', (c) => c.notNull())
    .addColumn('phase_code', 'integer', (c) => c.notNull())
    .addColumn('phase_name', 'text', (c) => c.notNull())
    .addColumn('statutory_low_age', 'integer')
    .addColumn('statutory_high_age', 'integer')
    .addColumn('trust_uid', 'text')
    .addColumn('trust_name', 'text')
    .addColumn('ukprn', 'text')
    .addColumn('street', 'text')
    .addColumn('locality', 'text')
    .addColumn('town', 'text')
    .addColumn('county', 'text')
    .addColumn('postcode', 'text')
    .addColumn('region_code', 'text', (c) => c.check(sql`region_code ~ '^[A-Z]$'`))
    .addColumn('region_name', 'text')
    .addColumn('resourced_provision', 'text')
    .addColumn('has_resourced_provision', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('has_sen_unit', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('number_of_pupils', 'integer')
    .addColumn('open_date', 'date')
    .addColumn('close_date', 'date')
    .addColumn('last_changed_date', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('establishments_name_idx')
    .on('establishments')
    .expression(sql`lower(name) text_pattern_ops`)
    .execute()
  await db.schema
    .createIndex('establishments_trust_uid_idx')
    .on('establishments')
    .column('trust_uid')
    .execute()
  await db.schema
    .createIndex('establishments_la_code_idx')
    .on('establishments')
    .column('la_code')
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email) AND email LIKE '%_@_%'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('roles', sql`text[]`, (c) =>
      c
        .notNull()
        .check(
          sql`roles <@ ARRAY['moderator','advisory','admin']::text[] AND cardinality(roles) >= 1`,
        ),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('failed_sign_in_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_signed_in_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`length(id) = 64`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute()
  await db.schema
    .createIndex('sessions_expires_at_idx')
    .on('sessions')
    .column('expires_at')
    .execute()

  await db.schema
    .createTable('calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('question_sections', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('calls_window_check', sql`closes_at > opens_at`)
    .execute()
  await db.schema
    .createIndex('calls_opens_at_idx')
    .on('calls')
    .columns(['opens_at', 'closes_at'])
    .execute()

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`reference ~ '^IIP-[0-9A-HJ-NP-Z]{4}-[0-9A-HJ-NP-Z]{4}$'`),
    )
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(
          sql`status IN ('draft','submitted','in_review','changes_requested','approved','published','rejected','withdrawn')`,
        ),
    )
    .addColumn('respondent_name', 'text')
    .addColumn('respondent_email', 'text')
    .addColumn('respondent_role', 'text')
    .addColumn('may_contact', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('organisation_kind', 'text', (c) =>
      c.check(sql`organisation_kind IN ('school','trust','local-authority','local-area','other')`),
    )
    .addColumn('organisation_name', 'text')
    .addColumn('establishment_urn', 'integer', (c) => c.references('establishments.urn'))
    // The working copy the respondent edits while drafting.
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Frozen at submission; a trigger below refuses any later change.
    .addColumn('original_answers', 'jsonb')
    .addColumn('assigned_to', 'uuid', (c) => c.references('users.id'))
    .addColumn('personal_data_flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'submissions_submitted_check',
      sql`status IN ('draft') OR (submitted_at IS NOT NULL AND original_answers IS NOT NULL)`,
    )
    .execute()
  await db.schema
    .createIndex('submissions_call_status_idx')
    .on('submissions')
    .columns(['call_id', 'status', 'submitted_at'])
    .execute()
  await db.schema
    .createIndex('submissions_establishment_urn_idx')
    .on('submissions')
    .column('establishment_urn')
    .execute()
  await db.schema
    .createIndex('submissions_assigned_to_idx')
    .on('submissions')
    .column('assigned_to')
    .execute()
  await sql`
    CREATE FUNCTION submissions_keep_original_answers() RETURNS trigger AS $$
    BEGIN
      IF OLD.original_answers IS NOT NULL AND NEW.original_answers IS DISTINCT FROM OLD.original_answers THEN
        RAISE EXCEPTION 'original answers of submission % cannot be changed', OLD.reference
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`.execute(db)
  await sql`
    CREATE TRIGGER submissions_keep_original_answers BEFORE UPDATE ON submissions
    FOR EACH ROW EXECUTE FUNCTION submissions_keep_original_answers()`.execute(db)

  await db.schema
    .createTable('submission_establishments')
    .addColumn('submission_id', 'uuid', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('urn', 'integer', (c) => c.notNull().references('establishments.urn'))
    .addPrimaryKeyConstraint('submission_establishments_pk', ['submission_id', 'urn'])
    .execute()
  await db.schema
    .createIndex('submission_establishments_urn_idx')
    .on('submission_establishments')
    .column('urn')
    .execute()

  await db.schema
    .createTable('case_studies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100`),
    )
    .addColumn('submission_id', 'uuid', (c) => c.unique().references('submissions.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status IN ('draft','published','unpublished')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('challenge', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('practice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('impact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key_factors', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('advice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cost_and_resources', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('measures', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('keywords', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('organisation_kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`organisation_kind IN ('school','trust','local-authority','local-area','other')`),
    )
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    // Only where the respondent consented is the organisation named in the library.
    .addColumn('organisation_named', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('establishment_urn', 'integer', (c) => c.references('establishments.urn'))
    .addColumn('la_code', 'text', (c) => c.check(sql`la_code ~ '^[0-9]{3}$'`))
    .addColumn('la_name', 'text')
    .addColumn('region_code', 'text', (c) =>
      c.check(sql`region_code IN ('A','B','D','E','F','G','H','J','K')`),
    )
    .addColumn('evidence_strength', 'smallint', (c) =>
      c.check(sql`evidence_strength BETWEEN 0 AND 4`),
    )
    .addColumn('is_fictional', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'case_studies_published_check',
      sql`status <> 'published' OR published_at IS NOT NULL`,
    )
    .execute()
  await db.schema
    .createIndex('case_studies_status_published_idx')
    .on('case_studies')
    .columns(['status', 'published_at'])
    .execute()
  await db.schema
    .createIndex('case_studies_establishment_urn_idx')
    .on('case_studies')
    .column('establishment_urn')
    .execute()
  await sql`
    CREATE INDEX case_studies_search_idx ON case_studies USING gin (
      to_tsvector('english', title || ' ' || summary || ' ' || challenge || ' ' || practice || ' ' || impact)
    ) WHERE status = 'published'`.execute(db)

  await db.schema
    .createTable('taxonomy_schemes')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[a-z_]+$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await db.schema
    .createTable('taxonomy_terms')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('scheme_code', 'text', (c) => c.notNull().references('taxonomy_schemes.code'))
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[A-Za-z0-9-]+$'`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('parent_id', 'integer', (c) => c.references('taxonomy_terms.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('taxonomy_terms_scheme_code_unique', ['scheme_code', 'code'])
    .execute()
  await db.schema
    .createIndex('taxonomy_terms_parent_id_idx')
    .on('taxonomy_terms')
    .column('parent_id')
    .execute()

  await db.schema
    .createTable('case_study_tags')
    .addColumn('case_study_id', 'uuid', (c) =>
      c.notNull().references('case_studies.id').onDelete('cascade'),
    )
    .addColumn('term_id', 'integer', (c) => c.notNull().references('taxonomy_terms.id'))
    .addPrimaryKeyConstraint('case_study_tags_pk', ['case_study_id', 'term_id'])
    .execute()
  await db.schema
    .createIndex('case_study_tags_term_id_idx')
    .on('case_study_tags')
    .column('term_id')
    .execute()

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id'))
    .addColumn('moderator_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`decision IN ('claim','request_changes','approve','publish','reject','unpublish')`,
        ),
    )
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'reviews_reject_reason_check',
      sql`decision <> 'reject' OR length(coalesce(reason, '')) > 0`,
    )
    .execute()
  await db.schema
    .createIndex('reviews_submission_id_idx')
    .on('reviews')
    .columns(['submission_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('reviews_moderator_id_idx')
    .on('reviews')
    .column('moderator_id')
    .execute()

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action ~ '^[a-z_.]+$'`))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('audit_events_subject_idx')
    .on('audit_events')
    .columns(['subject_type', 'subject_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('audit_events_actor_id_idx')
    .on('audit_events')
    .column('actor_id')
    .execute()

  // Transactional outbox: written in the same transaction as the change it reports, drained into
  // Meilisearch by the sync worker. No foreign key: a deleted case study must still leave the index.
  await db.schema
    .createTable('search_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_study_id', 'uuid', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('search_outbox_available_idx')
    .on('search_outbox')
    .columns(['available_at', 'id'])
    .execute()
  await db.schema
    .createIndex('search_outbox_case_study_id_idx')
    .on('search_outbox')
    .column('case_study_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'search_outbox',
    'audit_events',
    'reviews',
    'case_study_tags',
    'taxonomy_terms',
    'taxonomy_schemes',
    'case_studies',
    'submission_establishments',
    'submissions',
    'calls',
    'sessions',
    'users',
    'establishments',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql`DROP FUNCTION IF EXISTS submissions_keep_original_answers()`.execute(db)
}
