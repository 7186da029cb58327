import { existsSync } from 'node:fs'
import { SingleBar, Presets } from 'cli-progress'
import { migrateToLatest } from '../../../db/migrate'
import { withDatabase } from '../services'
import { getEnv } from '../../utils/env.server'
import { countDataLines } from '../../establishments/read-gias-csv.server'
import { importEstablishments } from '../../establishments/import-establishments.server'

// `npm run import:schools -- FILE.csv`: imports a GIAS "all establishment data" CSV.
const file = process.argv[2]
if (!file) {
  console.error(
    'Give the CSV to import, for example: npm run import:schools -- edubasealldata20250109.csv',
  )
  process.exit(1)
}
if (!existsSync(file)) {
  console.error(`No file at ${file}`)
  process.exit(1)
}

try {
  await withDatabase(getEnv(), async (db) => {
    await migrateToLatest(db)
    const total = await countDataLines(file)
    const bar = new SingleBar(
      {
        format:
          'Importing schools [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left',
        hideCursor: true,
      },
      Presets.shades_classic,
    )
    bar.start(total, 0)
    const summary = await importEstablishments(db, file, (rows) =>
      bar.update(Math.min(rows, total)),
    )
    bar.update(total)
    bar.stop()
    console.log(`\nRows read: ${summary.rows}`)
    console.log(`Imported (new): ${summary.inserted}`)
    console.log(`Updated: ${summary.updated}`)
    console.log(`Unchanged: ${summary.unchanged}`)
    console.log(`Skipped: ${summary.skipped.length}`)
    const shown = summary.skipped.slice(0, 50)
    for (const skip of shown) console.log(`  line ${skip.line}: ${skip.reason}`)
    if (summary.skipped.length > shown.length)
      console.log(`  …and ${summary.skipped.length - shown.length} more`)
  })
} catch (error) {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
