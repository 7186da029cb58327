import { type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// "Similar practice" finds case studies by tag; with case_study_id in the index the lookup needs
// no visit to the table. It leads with term_id, so it also serves the foreign key.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('case_study_tags_term_case_idx')
    .on('case_study_tags')
    .columns(['term_id', 'case_study_id'])
    .execute()
  await db.schema.dropIndex('case_study_tags_term_id_idx').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('case_study_tags_term_id_idx')
    .on('case_study_tags')
    .column('term_id')
    .execute()
  await db.schema.dropIndex('case_study_tags_term_case_idx').execute()
}
