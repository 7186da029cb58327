import { getEnv } from '../../app/utils/env.server'
import { withServices } from '../../app/server/services'
import { migrateJobQueue } from '../job-queue'
import { migrateToLatest } from '../migrate'

// `npm run db:migrate`: migrates DATABASE_URL, or the embedded cluster under DATA_DIR.
await withServices(getEnv(), async ({ db, pgPool }) => {
  const result = await migrateToLatest(db)
  await migrateJobQueue(pgPool)
  const applied = result.results?.filter((r) => r.status === 'Success') ?? []
  console.log(
    applied.length === 0
      ? 'The database is up to date.'
      : `Applied ${applied.length} migration(s): ${applied.map((r) => r.migrationName).join(', ')}`,
  )
})
