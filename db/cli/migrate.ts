import { getEnv } from '../../app/utils/env.server'
import { withDatabase } from '../../app/server/services'
import { migrateToLatest } from '../migrate'

// `npm run db:migrate`: migrates DATABASE_URL, or the embedded cluster under DATA_DIR.
await withDatabase(getEnv(), async (db) => {
  const result = await migrateToLatest(db)
  const applied = result.results?.filter((r) => r.status === 'Success') ?? []
  console.log(
    applied.length === 0
      ? 'The database is up to date.'
      : `Applied ${applied.length} migration(s): ${applied.map((r) => r.migrationName).join(', ')}`,
  )
})
