import { parseArgs } from 'node:util'
import { Presets, SingleBar } from 'cli-progress'
import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { migrateToLatest } from '../../../db/migrate'
import { rebuildCaseStudyIndex } from '../../../search/reindex'
import { seedSyntheticCorpus } from '../../../seeds/synthetic-corpus'

// `npm run seed:bench -- --count 50000`: a large synthetic corpus in the configured database (the
// embedded one by default), indexed, for benchmarks and for trying the library at scale.
const { values } = parseArgs({ options: { count: { type: 'string', default: '50000' } } })
const count = Number(values.count)
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--count must be a whole number from 1 to 1,000,000')
  process.exit(1)
}

await withServices(getEnv(), async ({ db, search }) => {
  await migrateToLatest(db)
  const inserting = new SingleBar(
    { format: 'Inserting [{bar}] {value}/{total} case studies | {eta_formatted} left' },
    Presets.shades_classic,
  )
  inserting.start(count, 0)
  await seedSyntheticCorpus(db, count, (n) => inserting.update(n))
  inserting.stop()
  // One bulk rebuild is much faster than draining the outbox row by row.
  await db.deleteFrom('search_outbox').execute()
  const indexing = new SingleBar(
    { format: 'Indexing  [{bar}] {value} case studies indexed' },
    Presets.shades_classic,
  )
  indexing.start(count, 0)
  const { indexed } = await rebuildCaseStudyIndex(db, search, ({ indexed }) =>
    indexing.update(Math.min(indexed, count)),
  )
  indexing.stop()
  console.log(
    `Added ${count.toLocaleString('en-GB')} synthetic case studies; ${indexed.toLocaleString('en-GB')} published case studies are now indexed.`,
  )
})
