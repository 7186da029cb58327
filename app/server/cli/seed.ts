import { migrateJobQueue } from '../../../db/job-queue'
import { migrateToLatest } from '../../../db/migrate'
import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { seedDemoData } from '../../../seeds/seed'

// `npm run db:seed`: idempotent; adds whatever demo data is missing.
await withServices(getEnv(), async ({ db, pgPool }) => {
  await migrateToLatest(db)
  await migrateJobQueue(pgPool)
  await seedDemoData(db, getEnv(), (message) => console.log(message))
})
