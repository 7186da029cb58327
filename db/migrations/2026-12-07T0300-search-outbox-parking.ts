import type { Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// A change whose document Meilisearch keeps refusing on its own is parked (a dead letter): set
// aside with its error, so that it no longer holds back the changes drained with it, shown to
// administrators on the search index page, and tried again when one of them asks.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_outbox').addColumn('parked_at', 'timestamptz').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_outbox').dropColumn('parked_at').execute()
}
