import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { setTermRetired } from '../../app/admin/taxonomy.server'
import { forgetHomeSummary, loadHomeSummary } from '../../app/library/home-summary.server'
import { countPublishedCaseStudies } from '../../db/repositories/case-studies'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { insertStaff } from '../../seeds/factories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

// What the home page says about the library, read once for every visitor for a few seconds:
// shared, corrected at once by a taxonomy change on this instance, and never kept when it fails.

let t: TestServices
let context: AppLoadContext
let adminId: string
beforeAll(async () => {
  t = await createTestServices()
  adminId = await insertStaff(t.db, 'admin')
  context = { services: { db: t.db } } as AppLoadContext
})
afterAll(() => t.cleanUp())

test('the count and the needs by area are read once and shared; a new read counts what is new', async () => {
  await insertCaseStudy(t.db, buildCaseStudy({ tags: { need: ['ASD'] } }))
  await insertCaseStudy(t.db, buildCaseStudy({ status: 'draft' }))
  const published = await countPublishedCaseStudies(t.db)
  const first = await loadHomeSummary(context)
  const [again, alsoAgain] = await Promise.all([loadHomeSummary(context), loadHomeSummary(context)])
  expect(again).toBe(first)
  expect(alsoAgain).toBe(first)
  expect(first.published).toBe(published)
  const social = first.needAreas.find((area) => area.needs.some((need) => need.code === 'SEMH'))
  expect(social?.needs.map((need) => need.code)).toContain('SEMH')

  await insertCaseStudy(t.db, buildCaseStudy())
  expect((await loadHomeSummary(context)).published).toBe(published)
  forgetHomeSummary(t.db)
  expect((await loadHomeSummary(context)).published).toBe(published + 1)
})

test('a need retired by an administrator leaves the home page at once', async () => {
  expect(codes(await loadHomeSummary(context))).toContain('MSI')
  await setTermRetired(t.db, adminId, 'need', 'MSI', true)
  expect(codes(await loadHomeSummary(context))).not.toContain('MSI')
  await setTermRetired(t.db, adminId, 'need', 'MSI', false)
})

test('a read that fails is not kept: the next view reads again', async () => {
  // The database handle refuses the next query it is asked to build, once, as a lost connection.
  let failNext = true
  const flaky = new Proxy(t.db, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (failNext && property === 'selectFrom') {
          failNext = false
          throw new Error('connection lost')
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  const flakyContext = { services: { db: flaky } } as AppLoadContext
  await expect(loadHomeSummary(flakyContext)).rejects.toThrow('connection lost')
  expect((await loadHomeSummary(flakyContext)).published).toBeGreaterThan(0)
})

const codes = (summary: Awaited<ReturnType<typeof loadHomeSummary>>) =>
  summary.needAreas.flatMap((area) => area.needs.map((need) => need.code))
