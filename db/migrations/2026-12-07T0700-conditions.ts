import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// The conditions vocabulary joins the taxonomy: conditions, diagnoses and everyday descriptions
// ("muscular dystrophy", "glue ear", "won't go to school"), each pointing at the census need
// types it is recorded under, so the library can show practice for the need when few case
// studies name the condition. Administrators edit it; the next migration fills it.
// - other_names are matched whatever the capitals; abbreviations only when typed in capitals,
//   because they are also everyday words (ADD, ME);
// - need_codes are need codes of the taxonomy (checked by the application: an array cannot
//   carry a foreign key);
// - note says why a condition points where it does, above all where the guidance is ambiguous.
//
// Search synonym groups gain one-way terms: abbreviations that find the group's words but are
// not found by them (TA finds teaching assistant; teaching assistant does not find "ta").

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('taxonomy_conditions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 80`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('condition', 'phrase')`))
    .addColumn('other_names', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`cardinality(other_names) <= 40`),
    )
    .addColumn('abbreviations', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`cardinality(abbreviations) <= 10`),
    )
    .addColumn('need_codes', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(need_codes) BETWEEN 1 AND 14`),
    )
    .addColumn('note', 'text', (c) => c.check(sql`length(note) <= 500`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE UNIQUE INDEX taxonomy_conditions_name_key ON taxonomy_conditions (lower(name))`.execute(
    db,
  )

  await db.schema
    .alterTable('search_synonym_groups')
    .addColumn('one_way_terms', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`cardinality(one_way_terms) <= 50`),
    )
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_synonym_groups').dropColumn('one_way_terms').execute()
  await db.schema.dropTable('taxonomy_conditions').execute()
}
