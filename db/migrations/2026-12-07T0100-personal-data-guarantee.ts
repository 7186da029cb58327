import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// Children's personal data is checked by the server, not confirmed by a person:
// - a moderator may dismiss one finding at a time as a false positive, with a reason; the
//   dismissal covers that exact text at that place (its fingerprint), nothing else;
// - when the last check at the public boundary (the search index, the public pages and API, the
//   publication exports) finds an identifier in a published case study, it takes the case study
//   out of the library and raises an alert that staff see until it is published again;
// - each case study records the version of the scanning rules it last passed, so that new rules
//   rescan what was published under old ones.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('personal_data_dismissals')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_study_id', 'uuid', (c) =>
      c.notNull().references('case_studies.id').onDelete('cascade'),
    )
    .addColumn('fingerprint', 'text', (c) => c.notNull().check(sql`length(fingerprint) = 43`))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind NOT IN ('upn', 'uln', 'nhs-number')`),
    )
    .addColumn('match_text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`length(btrim(reason)) BETWEEN 1 AND 500`),
    )
    .addColumn('dismissed_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('personal_data_dismissals_fingerprint_key', [
      'case_study_id',
      'fingerprint',
    ])
    .execute()
  await db.schema
    .createIndex('personal_data_dismissals_dismissed_by_idx')
    .on('personal_data_dismissals')
    .column('dismissed_by')
    .execute()

  await db.schema
    .createTable('privacy_alerts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_study_id', 'uuid', (c) =>
      c.notNull().references('case_studies.id').onDelete('cascade'),
    )
    .addColumn('surface', 'text', (c) => c.notNull())
    // Where and what kind, never the identifier itself.
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('privacy_alerts_case_study_id_idx')
    .on('privacy_alerts')
    .column('case_study_id')
    .execute()
  await db.schema
    .createIndex('privacy_alerts_open_idx')
    .on('privacy_alerts')
    .column('raised_at')
    .where(sql.ref('resolved_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('privacy_alerts_resolved_by_idx')
    .on('privacy_alerts')
    .column('resolved_by')
    .execute()

  await db.schema
    .alterTable('case_studies')
    .addColumn('privacy_scan_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_studies').dropColumn('privacy_scan_version').execute()
  await db.schema.dropTable('privacy_alerts').execute()
  await db.schema.dropTable('personal_data_dismissals').execute()
}
