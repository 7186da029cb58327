import { SingleBar, Presets } from 'cli-progress'
import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { countPublishedCaseStudies } from '../../../db/repositories/case-studies'
import { rebuildCaseStudyIndex } from '../../../search/reindex'

// `npm run search:reindex`: rebuilds the case-study index from Postgres and swaps it in.
await withServices(getEnv(), async ({ db, search }) => {
  const total = await countPublishedCaseStudies(db)
  const bar = new SingleBar(
    { format: 'Reindexing [{bar}] {value}/{total} case studies' },
    Presets.shades_classic,
  )
  bar.start(total, 0)
  const started = Date.now()
  const { indexed } = await rebuildCaseStudyIndex(db, search, ({ indexed }) => bar.update(indexed))
  bar.stop()
  console.log(
    `Indexed ${indexed} published case studies in ${((Date.now() - started) / 1000).toFixed(1)} s and swapped the new index in.`,
  )
})
