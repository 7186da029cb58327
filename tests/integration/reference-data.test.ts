import { afterAll, beforeAll, expect, test } from 'vitest'
import { taxonomySchemes, taxonomyTerms } from '../../app/reference/taxonomy'
import { createTestServices, type TestServices } from '../setup/test-database'

// The reference data arrives by migration (frozen copies, since migrations never import app
// code); app/reference/ is what the app and the seeds read. The two must never drift apart.

let t: TestServices

beforeAll(async () => {
  t = await createTestServices()
})

afterAll(async () => {
  await t?.cleanUp()
})

test('a freshly migrated database holds exactly the taxonomy in app/reference/taxonomy.ts', async () => {
  const schemes = await t.db
    .selectFrom('taxonomy_schemes')
    .select(['code', 'name', 'description'])
    .orderBy('code')
    .execute()
  expect(schemes).toEqual(
    [...taxonomySchemes]
      .map(({ code, name, description }) => ({ code, name, description }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  )

  const terms = await t.db
    .selectFrom('taxonomy_terms as t')
    .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
    .select([
      't.scheme_code',
      't.code',
      't.label',
      't.description',
      't.position',
      'p.code as parent',
    ])
    .orderBy('t.scheme_code')
    .orderBy('t.position')
    .execute()
  const positions = new Map<string, number>()
  const expected = taxonomyTerms.map((term) => {
    const position = positions.get(term.scheme) ?? 0
    positions.set(term.scheme, position + 1)
    return {
      scheme_code: term.scheme,
      code: term.code,
      label: term.label,
      description: term.description,
      position,
      parent: term.parent,
    }
  })
  expect(terms).toEqual(
    expected.sort((a, b) => a.scheme_code.localeCompare(b.scheme_code) || a.position - b.position),
  )
})
