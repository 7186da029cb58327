import { readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { migrations } from '../../db/migrations/index'

test('every migration file is listed in db/migrations/index.ts, in name order', () => {
  const dir = path.resolve(import.meta.dirname, '../../db/migrations')
  const files = readdirSync(dir)
    .filter((file) => file !== 'index.ts' && file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()
  expect(Object.keys(migrations)).toEqual(files)
})

test('migrations never import application code', async () => {
  const { readFile } = await import('node:fs/promises')
  const dir = path.resolve(import.meta.dirname, '../../db/migrations')
  for (const file of readdirSync(dir).filter((f) => f !== 'index.ts')) {
    const source = await readFile(path.join(dir, file), 'utf8')
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    expect(
      imports.filter((specifier) => specifier !== 'kysely'),
      file,
    ).toEqual([])
  }
})
