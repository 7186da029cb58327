import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDb } from '../../../db/client'
import { startEmbeddedPostgres } from '../../../db/embedded-postgres'
import { generateDbTypes } from '../../../db/generate-types'
import { migrateToLatest } from '../../../db/migrate'

// Migrates a throwaway cluster and writes db/types.ts from it, so the types always follow the
// migrations rather than whatever state a developer's database is in.
const dir = await mkdtemp(path.join(tmpdir(), 'iip-types-'))
const server = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres') })
const db = createDb(server.url, { max: 2 })
try {
  await migrateToLatest(db)
  const source = await generateDbTypes(db)
  const target = path.resolve(import.meta.dirname, '..', '..', '..', 'db', 'types.ts')
  await writeFile(target, source)
  console.log(`Wrote ${path.relative(process.cwd(), target)}`)
} finally {
  await db.destroy()
  await server.stop()
  await rm(dir, { recursive: true, force: true })
}
