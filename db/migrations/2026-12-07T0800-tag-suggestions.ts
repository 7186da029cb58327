import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// Suggested tags, with an audit of what people did with them:
// - suggestion_models: each trained classifier (plain JSON) and what it learned from; every app
//   instance uses the newest, and a background job trains a new one as moderators publish;
// - tag_suggestions: every suggestion shown on a submission's review page (scheme, term or
//   rating, confidence in words, score, the model's version and the reason shown), and what the
//   moderator did with it: accepted or dismissed. A row from a moderator rather than the model
//   records a term they tagged that was not suggested. A suggestion never changes the tags by
//   itself: only a moderator's accept does.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('suggestion_models')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('trained_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('trained_on', 'integer', (c) => c.notNull().check(sql`trained_on >= 0`))
    // What the training set looked like (count and last change of published case studies), so
    // the job can tell cheaply whether there is anything new to learn from.
    .addColumn('source_stamp', 'text', (c) => c.notNull())
    .addColumn('model', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('suggestion_models_trained_at_idx')
    .on('suggestion_models')
    .column('trained_at')
    .execute()

  await db.schema
    .createTable('tag_suggestions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .defaultTo('model')
        .check(sql`source IN ('model', 'moderator')`),
    )
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.check(sql`confidence IN ('likely', 'possible')`))
    .addColumn('score', 'real')
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('reason', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('shown_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decision', 'text', (c) =>
      c.check(sql`decision IN ('accepted', 'dismissed', 'tagged')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('tag_suggestions_submission_term_key', ['submission_id', 'scheme', 'code'])
    .addCheckConstraint(
      'tag_suggestions_source_shape',
      sql`(source = 'model' AND confidence IS NOT NULL AND score IS NOT NULL)
        OR (source = 'moderator' AND decision = 'tagged')`,
    )
    .addCheckConstraint(
      'tag_suggestions_decided_together',
      sql`(decision IS NULL) = (decided_at IS NULL)`,
    )
    .execute()
  await db.schema
    .createIndex('tag_suggestions_decided_by_idx')
    .on('tag_suggestions')
    .column('decided_by')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tag_suggestions').execute()
  await db.schema.dropTable('suggestion_models').execute()
}
