import type { Kysely } from 'kysely'
import type { DB } from '../db/types'
import { generateSyntheticCaseStudies } from './data/demo-case-studies'
import { insertCaseStudiesInBulk } from './factories/case-studies'
import { importEstablishments } from '../app/establishments/import-establishments.server'
import { demoToCaseStudyInput, listOpenSchools, schoolsSampleFile } from './seed'

/**
 * Adds `count` synthetic, clearly fictional case studies (all tags, varied lengths) for benchmarks,
 * attributed to the schools register sample. A new seed each run keeps slugs unique across runs.
 */
export async function seedSyntheticCorpus(
  db: Kysely<DB>,
  count: number,
  onProgress: (inserted: number) => void = () => {},
  seed = Date.now() % 1_000_000,
): Promise<number> {
  let schools = await listOpenSchools(db)
  if (schools.length === 0) {
    await importEstablishments(db, schoolsSampleFile)
    schools = await listOpenSchools(db)
  }
  const demos = generateSyntheticCaseStudies(count, seed)
  let inserted = 0
  for (let start = 0; start < demos.length; start += 1000) {
    const inputs = demos
      .slice(start, start + 1000)
      .map((demo, i) => demoToCaseStudyInput(demo, schools, start + i))
    await insertCaseStudiesInBulk(db, inputs)
    inserted += inputs.length
    onProgress(inserted)
  }
  return inserted
}
