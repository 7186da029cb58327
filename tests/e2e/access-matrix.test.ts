import { readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, inject, test } from 'vitest'
import { appDatabaseForFile } from '../support/app-database'
import {
  matrix,
  outcomeOf,
  samples,
  urlFor,
  visitor,
  VISITORS,
  type Outcome,
} from '../support/route-access'

// Every route in app/routes, requested as each kind of visitor, against the access matrix in
// tests/support/route-access.ts. A route folder with no row there fails this test: adding a
// route means deciding who may see it.

const db = appDatabaseForFile()

test('every route, generated from the route folders, answers each kind of visitor as the access matrix says', async () => {
  const routes = readdirSync(path.resolve(import.meta.dirname, '../../app/routes'))
  const missing = routes.filter((route) => !(route in matrix))
  expect(missing, 'routes with no row in the access matrix').toEqual([])
  const stale = Object.keys(matrix).filter((route) => !routes.includes(route))
  expect(stale, 'rows for routes that no longer exist').toEqual([])

  const values = await samples(db)
  const visitors = VISITORS
  const seen: Record<string, Outcome[]> = {}
  for (const [v, kind] of visitors.entries()) {
    const client = await visitor(inject('baseUrl'), kind)
    for (const route of routes) {
      const url = urlFor(route, values)
      const result = await client.get(url)
      ;(seen[route] ??= [])[v] = outcomeOf(result.status, result.location, 'inclusion-in-practice')
      expect(result.status, `${kind} ${url}`).not.toBe(500)
    }
  }
  const wrong = routes.flatMap((route) =>
    visitors.flatMap((kind, v) =>
      seen[route]![v] === matrix[route]![v]
        ? []
        : [
            `${kind} ${urlFor(route, values)}: expected ${matrix[route]![v]}, got ${seen[route]![v]}`,
          ],
    ),
  )
  expect(wrong).toEqual([])
  console.log(
    `access matrix: ${routes.length} routes × ${visitors.length} kinds of visitor = ${routes.length * visitors.length} requests, each as expected.`,
  )
})
