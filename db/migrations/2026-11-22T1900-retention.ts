import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// Data protection: when a respondent's contact details were removed (by retention or an
// erasure request), and two narrow exceptions for a transaction that declares it is scrubbing
// personal data: it may replace an audit event's before/after values (nothing else; deleting an
// event stays impossible), and it may take the approver's name and role out of the frozen
// original answers (nothing else in them).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('contact_removed_at', 'timestamptz').execute()
  await sql`
    CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE'
        AND current_setting('iip.scrubbing_personal_data', true) = 'on'
        AND NEW.id = OLD.id AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
        AND NEW.action = OLD.action AND NEW.subject_type = OLD.subject_type
        AND NEW.subject_id = OLD.subject_id AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit events are never changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
    END $$ LANGUAGE plpgsql`.execute(db)
  await sql`
    CREATE OR REPLACE FUNCTION submissions_keep_original_answers() RETURNS trigger AS $$
    BEGIN
      IF OLD.original_answers IS NOT NULL AND NEW.original_answers IS DISTINCT FROM OLD.original_answers
        AND NOT (current_setting('iip.scrubbing_personal_data', true) = 'on'
          AND NEW.original_answers = OLD.original_answers #- '{consent,approverName}' #- '{consent,approverRole}') THEN
        RAISE EXCEPTION 'original answers of submission % cannot be changed', OLD.reference
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION submissions_keep_original_answers() RETURNS trigger AS $$
    BEGIN
      IF OLD.original_answers IS NOT NULL AND NEW.original_answers IS DISTINCT FROM OLD.original_answers THEN
        RAISE EXCEPTION 'original answers of submission % cannot be changed', OLD.reference
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`.execute(db)
  await sql`
    CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'audit events are never changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
    END $$ LANGUAGE plpgsql`.execute(db)
  await db.schema.alterTable('submissions').dropColumn('contact_removed_at').execute()
}
