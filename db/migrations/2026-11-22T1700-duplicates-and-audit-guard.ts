import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// Possible duplicates are found by organisation and by trigram similarity of titles (a GiST
// index, which answers "the nearest few" directly rather than every match); and the audit
// log becomes append-only at the database, whatever code runs against it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
  await sql`
    CREATE INDEX submissions_title_trgm_idx ON submissions
    USING gist ((lower(original_answers->'practice'->>'title')) gist_trgm_ops)
    WHERE status <> 'draft'`.execute(db)
  await sql`
    CREATE INDEX submissions_organisation_name_idx ON submissions (lower(organisation_name))
    WHERE status <> 'draft'`.execute(db)

  await sql`
    CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'audit events are never changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
    END $$ LANGUAGE plpgsql`.execute(db)
  await sql`
    CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER audit_events_append_only ON audit_events`.execute(db)
  await sql`DROP FUNCTION audit_events_append_only()`.execute(db)
  await sql`DROP INDEX submissions_organisation_name_idx`.execute(db)
  await sql`DROP INDEX submissions_title_trgm_idx`.execute(db)
}
