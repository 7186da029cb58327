import { migrateToLatest } from '../../db/migrate'
import { withDatabase } from '../../app/server/services'
import { getEnv } from '../../app/utils/env.server'
import { seedDemoData } from '../seed'

// `npm run db:seed`: idempotent; adds whatever demo data is missing.
await withDatabase(getEnv(), async (db) => {
  await migrateToLatest(db)
  await seedDemoData(db, getEnv(), (message) => console.log(message))
})
