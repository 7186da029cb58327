import { afterAll, beforeAll, expect, test } from 'vitest'
import { importEstablishments } from '../../app/establishments/import-establishments.server'
import { searchOpenSchools } from '../../db/repositories/establishments'
import { schoolsSampleFile } from '../../seeds/seed'
import { createTestServices, type TestServices } from '../setup/test-database'

let services: TestServices

beforeAll(async () => {
  services = await createTestServices()
  await importEstablishments(services.db, schoolsSampleFile)
})

afterAll(async () => {
  await services?.cleanUp()
})

/** Open schools (status 1, 3 or 4) whose name, town or local authority holds every word. */
async function expectedUrns(words: string[]) {
  const rows = await services.db
    .selectFrom('establishments')
    .select(['urn', 'name', 'town', 'la_name', 'status_code'])
    .execute()
  return rows
    .filter((r) => [1, 3, 4].includes(r.status_code))
    .filter((r) =>
      words.every((w) =>
        [r.name, r.town ?? '', r.la_name].join(' ').toLowerCase().includes(w.toLowerCase()),
      ),
    )
    .map((r) => r.urn)
    .sort()
}

test('a common word: the total is the register’s count, and the pages hold every match once', async () => {
  const expected = await expectedUrns(['primary'])
  expect(expected.length).toBeGreaterThan(100)
  const seen: number[] = []
  for (let offset = 0; ; offset += 20) {
    const page = await searchOpenSchools(services.db, 'primary', { limit: 20, offset })
    expect(page.total).toBe(expected.length)
    if (page.schools.length === 0) break
    expect(page.schools.length).toBeLessThanOrEqual(20)
    seen.push(...page.schools.map((s) => s.urn))
  }
  expect([...seen].sort()).toEqual(expected)
})

test('every word must match, in the name, town or local authority; names starting with the text come first', async () => {
  const narrowed = await searchOpenSchools(services.db, '  Primary   Brookford ', { limit: 20 })
  expect(narrowed.schools.map((s) => s.urn).sort()).toEqual(
    await expectedUrns(['primary', 'brookford']),
  )
  expect(narrowed.schools.map((s) => s.name)).toContain('Westwell Primary School')

  const westwell = await searchOpenSchools(services.db, 'westwell', { limit: 20 })
  expect(westwell.schools[0]!.name.toLowerCase().startsWith('westwell')).toBe(true)
})

test('LIKE’s own characters are taken literally, and nothing typed finds nothing', async () => {
  expect((await searchOpenSchools(services.db, '%', { limit: 20 })).total).toBe(0)
  expect((await searchOpenSchools(services.db, '_', { limit: 20 })).total).toBe(0)
  expect(await searchOpenSchools(services.db, '   ', { limit: 20 })).toEqual({
    total: 0,
    schools: [],
  })
})
