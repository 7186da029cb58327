import { parseArgs } from 'node:util'
import { getEnv } from '../../utils/env.server'
import { RestoreRefused } from '../../backups/restore-checks.server'
import { restoreBackup } from '../../backups/restore.server'
import { withServices } from '../services'
import { phaseBars } from './progress'

// `npm run restore -- FILE`: restores a backup into an empty DATA_DIR (or empty DATABASE_URL),
// checking every checksum first, then rebuilds the search index.
const env = getEnv()
const { positionals } = parseArgs({ allowPositionals: true })
const file = positionals[0]
if (!file) {
  process.stderr.write('Usage: npm run restore -- FILE (a backup made by npm run backup)\n')
  process.exit(1)
}
const started = Date.now()
const bars = phaseBars({
  checking: { title: 'Checking the backup', unit: '', bytes: true },
  preparing: { title: 'Creating the schema', unit: 'steps' },
  loading: { title: 'Restoring', unit: '', bytes: true },
  indexing: { title: 'Rebuilding search', unit: 'case studies' },
})
try {
  const { manifest, indexed, notes } = await restoreBackup(env, file, withServices, (p) =>
    bars.update(p),
  )
  bars.stop()
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0)
  console.log(
    [
      `Restored the backup taken at ${manifest.createdAt}: ${manifest.tables.length} tables (${rows} rows, every checksum matching) and ${manifest.files.length} uploaded files${indexed === null ? '' : `; ${indexed} case studies in the search index`}.`,
      `  Into ${env.DATABASE_URL ? 'the database at DATABASE_URL' : `DATA_DIR ${env.DATA_DIR}`} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      ...notes.map((note) => `  Note: ${note}`),
      'Start the platform with npm start.',
    ].join('\n'),
  )
} catch (error) {
  bars.stop()
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(
    error instanceof RestoreRefused ? `${message}\n` : `Restore failed: ${message}\n`,
  )
  process.exit(1)
}
