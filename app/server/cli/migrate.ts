import { getEnv } from '../../utils/env.server'
import { withServices } from '../services'
import { migrateJobQueue } from '../../../db/job-queue'
import { migrateToLatest } from '../../../db/migrate'

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
