import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Database } from '../../db/client'
import { parseEnv } from '../../app/utils/env.server'
import { regions } from '../../app/reference/regions'
import { demoAccounts } from '../../app/accounts/demo-accounts'
import { seedDemoData, seedDemoDataIfEmpty } from '../../seeds/seed'
import { createTestServices, type TestServices } from '../setup/test-database'

import { notifyTestEnv } from '../support/notify'

const testEnv = parseEnv({ NODE_ENV: 'test' })
const productionEnv = parseEnv({
  NODE_ENV: 'production',
  SESSION_SECRET: 's'.repeat(40),
  SUPPORT_EMAIL: 'help@service.example.org',
  ...notifyTestEnv,
})
const quiet = () => {}

// `seeded` has the demo data loaded once in beforeAll; `empty` starts with only the taxonomy.
let seededServices: TestServices
let emptyServices: TestServices
let seeded: Database
let empty: Database

beforeAll(async () => {
  ;[seededServices, emptyServices] = await Promise.all([createTestServices(), createTestServices()])
  seeded = seededServices.db
  empty = emptyServices.db
  await seedDemoData(seeded, testEnv, quiet)
})

afterAll(async () => {
  await Promise.all([seededServices?.cleanUp(), emptyServices?.cleanUp()])
})

const tables = [
  'establishments',
  'calls',
  'users',
  'case_studies',
  'case_study_tags',
  'search_outbox',
  'taxonomy_terms',
  'audit_events',
] as const

async function countRows(db: Database): Promise<Record<(typeof tables)[number], number>> {
  const counts = await Promise.all(
    tables.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      return [table, Number(row.n)] as const
    }),
  )
  return Object.fromEntries(counts) as Record<(typeof tables)[number], number>
}

/** The wall-clock time in London at an instant, as numbers. */
function inLondon(instant: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant)
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  }
}

test('the demo data loads the 640 establishments of the schools register sample', async () => {
  expect((await countRows(seeded)).establishments).toBe(640)
})

test('the demo call is open now, from 10:30 on 15 March to midnight at the end of 1 May, London time', async () => {
  const calls = await seeded.selectFrom('calls').select(['opens_at', 'closes_at']).execute()
  expect(calls).toHaveLength(1)
  const opensAt = new Date(calls[0]!.opens_at)
  const closesAt = new Date(calls[0]!.closes_at)
  const now = Date.now()

  expect(opensAt.getTime()).toBeLessThanOrEqual(now)
  expect(closesAt.getTime()).toBeGreaterThan(now)
  const opens = inLondon(opensAt)
  expect(opens).toMatchObject({ month: 3, day: 15, hour: 10, minute: 30 })
  expect(inLondon(closesAt)).toEqual({ year: opens.year + 1, month: 5, day: 2, hour: 0, minute: 0 })
})

test('the demo data has one staff account per role, with argon2id hashes and no plain passwords', async () => {
  const users = await seeded.selectFrom('users').selectAll().orderBy('email').execute()

  expect(users.flatMap((user) => user.roles).sort()).toEqual(['admin', 'advisory', 'moderator'])
  for (const user of users) expect(user.roles).toHaveLength(1)
  for (const user of users) expect(user.password_hash).toMatch(/^\$argon2id\$/)
  const stored = JSON.stringify(users)
  for (const account of demoAccounts) expect(stored).not.toContain(account.password)
})

test('the demo data has 160 published fictional case studies spread over all 9 regions', async () => {
  const caseStudies = await seeded
    .selectFrom('case_studies')
    .select(['status', 'is_fictional', 'published_at', 'region_code'])
    .where('submission_id', 'is', null)
    .execute()

  expect(caseStudies).toHaveLength(160)
  expect(
    caseStudies.filter((cs) => cs.status === 'published' && cs.is_fictional && cs.published_at),
  ).toHaveLength(160)
  expect([...new Set(caseStudies.map((cs) => cs.region_code))].sort()).toEqual(
    regions.map((r) => r.code).sort(),
  )
})

test('the demo case studies keep their measures as JSON arrays, not as JSON text', async () => {
  const rows = await seeded.selectFrom('case_studies').select('measures').execute()

  expect(rows.filter((row) => !Array.isArray(row.measures))).toEqual([])
  expect(rows.filter((row) => (row.measures as unknown[]).length > 0).length).toBeGreaterThan(0)
})

test('the demo case studies are tagged with every need and every practice in the taxonomy', async () => {
  const terms = await seeded
    .selectFrom('taxonomy_terms')
    .select(['scheme_code', 'code'])
    .where('scheme_code', 'in', ['need', 'practice'])
    .orderBy('scheme_code')
    .orderBy('code')
    .execute()
  const used = await seeded
    .selectFrom('case_study_tags as cst')
    .innerJoin('taxonomy_terms as t', 't.id', 'cst.term_id')
    .select(['t.scheme_code', 't.code'])
    .distinct()
    .where('t.scheme_code', 'in', ['need', 'practice'])
    .orderBy('t.scheme_code')
    .orderBy('t.code')
    .execute()

  expect(terms.length).toBeGreaterThan(20)
  expect(used).toEqual(terms)
})

test('the demo data notes each published case study once in the search outbox', async () => {
  const caseStudies = await seeded
    .selectFrom('case_studies')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute()
  const outbox = await seeded
    .selectFrom('search_outbox')
    .select('case_study_id as id')
    .orderBy('case_study_id')
    .execute()
  expect(outbox).toEqual(caseStudies)
})

test('seeding the demo data a second time changes no counts', async () => {
  const before = await countRows(seeded)
  await seedDemoData(seeded, testEnv, quiet)
  expect(await countRows(seeded)).toEqual(before)
})

test('seedDemoDataIfEmpty leaves a database with data in it alone', async () => {
  const before = await countRows(seeded)
  expect(await seedDemoDataIfEmpty(seeded, testEnv, quiet)).toBe(false)
  expect(await countRows(seeded)).toEqual(before)
})

test('the demo data is refused in production, and nothing is created', async () => {
  const before = await countRows(empty)

  await expect(seedDemoData(empty, productionEnv, quiet)).rejects.toThrow(/production/)

  expect(before).toMatchObject({ establishments: 0, calls: 0, users: 0, case_studies: 0 })
  expect(await countRows(empty)).toEqual(before)
})

test('seedDemoDataIfEmpty loads the demo data into an empty database', async () => {
  expect((await countRows(empty)).users).toBe(0)

  expect(await seedDemoDataIfEmpty(empty, testEnv, quiet)).toBe(true)

  expect(await countRows(empty)).toMatchObject({
    establishments: 640,
    calls: 1,
    users: 3,
    // 160 published, and the drafts of the 8 demo submissions a moderator has claimed (4 approved).
    case_studies: 168,
  })
})

test('the demo queue has at least 36 submissions awaiting review, some flagged and two alike', async () => {
  const rows = await seeded
    .selectFrom('submissions')
    .select(['status', 'personal_data_flagged', 'establishment_urn', 'original_answers'])
    .execute()
  const byStatus = (status: string) => rows.filter((r) => r.status === status).length
  expect(rows).toHaveLength(48)
  expect(byStatus('submitted')).toBeGreaterThanOrEqual(36)
  expect(byStatus('in_review')).toBe(4)
  expect(byStatus('approved')).toBe(4)
  expect(byStatus('rejected')).toBe(2)
  expect(rows.filter((r) => r.personal_data_flagged).length).toBeGreaterThan(3)
  const titles = rows.map(
    (r) =>
      `${r.establishment_urn}:${(r.original_answers as { practice: { title: string } }).practice.title}`,
  )
  expect(new Set(titles).size).toBe(rows.length - 1)
})
