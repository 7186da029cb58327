import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
// Search index rebuilds asked for from the admin pages: who asked, when, and how far along.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_rebuilds')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('total', 'integer')
    .addColumn('indexed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute()
  await db.schema
    .createIndex('search_rebuilds_requested_by_idx')
    .on('search_rebuilds')
    .column('requested_by')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_rebuilds').execute()
}
