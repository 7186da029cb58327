import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// Search synonyms become data an administrator edits: each group lists words and phrases that
// should find each other. (The default groups arrive by the 2026-12-07T0500-reference-data migration.)

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_synonym_groups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('terms', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(terms) BETWEEN 2 AND 50`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_synonym_groups').execute()
}
