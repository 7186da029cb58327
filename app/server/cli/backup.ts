import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { createBackup, defaultBackupFile } from '../../backups/backup.server'
import { phaseBars } from './progress'

// `npm run backup [-- --out FILE]`: a consistent backup of the database and the uploaded files,
// as one file (BACKUP_DIR/backup-<time>.tar unless told otherwise).
const env = getEnv()
const { values, positionals } = parseArgs({
  options: { out: { type: 'string' } },
  allowPositionals: true,
})
const file = path.resolve(values.out ?? positionals[0] ?? defaultBackupFile(env))
const started = Date.now()
const bars = phaseBars({
  tables: { title: 'Copying tables', unit: 'tables' },
  files: { title: 'Copying uploaded files', unit: 'files' },
})
try {
  await withServices(env, async (services) => {
    const manifest = await createBackup(services, file, (progress) => bars.update(progress))
    bars.stop()
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0)
    const size = (await stat(file)).size
    console.log(
      [
        `Backed up ${manifest.tables.length} tables (${rows} rows) and ${manifest.files.length} uploaded files, as at ${manifest.createdAt}.`,
        `  ${file} (${(size / 1024 / 1024).toFixed(1)}MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        ...(manifest.missingFiles.length > 0
          ? [
              `  Warning: ${manifest.missingFiles.length} file(s) the database refers to are missing or damaged in ${path.resolve(env.UPLOADS_DIR ?? path.join(env.DATA_DIR, 'uploads'))}.`,
            ]
          : []),
        `Restore it with: npm run restore -- ${file}`,
      ].join('\n'),
    )
  })
} catch (error) {
  bars.stop()
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
