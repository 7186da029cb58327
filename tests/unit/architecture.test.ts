import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// The floors of the house, checked on every file rather than promised in a README:
// - app/, db/ and search/ never import seeds/ (demo data); only the start-up code in app/server/
//   loads demo data, into an empty database;
// - nor tests/: fixtures the service needs (such as the tag suggester's hand-written training
//   examples) live in app/;
// - nothing outside app/server/ (the launcher, service wiring, jobs and command-line entry
//   points) imports it;
// - routes reach the database and search through app/db.server.ts and app/search.server.ts.

const root = path.resolve(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

/** Every module a file imports, as a path from the repository root (packages left out). */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8')
  const specifiers = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'/g),
    ...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((match) => match[1]!)
  return specifiers
    .filter((specifier) => specifier.startsWith('.') || specifier.startsWith('~/'))
    .map((specifier) =>
      specifier.startsWith('~/')
        ? path.join('app', specifier.slice(2))
        : path.relative(root, path.resolve(root, path.dirname(file), specifier)),
    )
}

const files = ['app', 'db', 'search'].flatMap(sourceFiles)
const startUp = (file: string) => file.startsWith('app/server/')

test('the check sees the files and their imports', () => {
  expect(files.length).toBeGreaterThan(200)
  expect(importsOf('app/server/main.ts')).toContain('seeds/seed')
})

test('app/, db/ and search/ never import seeds/, except the start-up code that loads demo data', () => {
  const offenders = files
    .filter((file) => !startUp(file))
    .flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('seeds/'))
        .map((target) => `${file} → ${target}`),
    )
  expect(offenders).toEqual([])
})

test('app/, db/ and search/ never import tests/: what the service ships with lives in app/', () => {
  const offenders = files.flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith('tests/'))
      .map((target) => `${file} → ${target}`),
  )
  expect(offenders).toEqual([])
})

test('nothing below the start-up code imports it', () => {
  const offenders = files
    .filter((file) => !startUp(file))
    .flatMap((file) =>
      importsOf(file)
        .filter(startUp)
        .map((target) => `${file} → ${target}`),
    )
  expect(offenders).toEqual([])
})

test('routes reach the database and search through app/db.server.ts and app/search.server.ts', () => {
  const offenders = files
    .filter((file) => file.startsWith('app/routes/'))
    .flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('db/') || target.startsWith('search/'))
        .map((target) => `${file} → ${target}`),
    )
  expect(offenders).toEqual([])
})
