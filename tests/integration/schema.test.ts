import { readFile } from 'node:fs/promises'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Database } from '../../db/client'
import { generateDbTypes } from '../../db/generate-types'
import { createTestServices, type TestServices } from '../setup/test-database'

let services: TestServices
let db: Database
let callId: string

beforeAll(async () => {
  services = await createTestServices()
  db = services.db
  callId = (
    await db
      .insertInto('calls')
      .values(validCall('schema-call'))
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
})

afterAll(async () => {
  await services?.cleanUp()
})

// References use 0-9 and A-Z without I and O; these test references use a subset of that.
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
let referenceSequence = 0
/** A fresh valid reference each time, such as IIP-TEST-2223. */
function nextReference(): string {
  referenceSequence++
  let n = referenceSequence
  let group = ''
  for (let i = 0; i < 4; i++, n = Math.floor(n / alphabet.length))
    group = alphabet[n % alphabet.length] + group
  return `IIP-TEST-${group}`
}

function validCall(slug: string) {
  return {
    slug,
    title: 'A call',
    summary: 'Summary',
    description: 'Description',
    opens_at: new Date('2026-03-15T10:30:00Z'),
    closes_at: new Date('2026-05-01T23:00:00Z'),
  }
}

function validSubmittedSubmission() {
  return {
    reference: nextReference(),
    call_id: callId,
    status: 'submitted',
    answers: { story: 'working copy' },
    original_answers: { story: 'as sent' },
    submitted_at: new Date(),
  }
}

let slugSequence = 0
function validPublishedCaseStudy() {
  slugSequence++
  return {
    slug: `schema-case-study-${slugSequence}`,
    title: 'A case study',
    summary: 'Summary',
    organisation_kind: 'school',
    organisation_name: 'Example School',
    status: 'published',
    published_at: new Date(),
    evidence_strength: 4,
  }
}

let emailSequence = 0
function validUser() {
  emailSequence++
  return { email: `person${emailSequence}@example.test`, name: 'A person', roles: ['moderator'] }
}

/** Fails unless the database refuses the write with exactly this CHECK constraint. */
async function expectCheckViolation(write: Promise<unknown>, constraint: string) {
  const error: unknown = await write.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, `expected ${constraint} to refuse the write`).not.toBeNull()
  expect(error).toMatchObject({ code: '23514', constraint_name: constraint })
}

test('db/types.ts matches the migrated schema', async () => {
  const committed = await readFile(new URL('../../db/types.ts', import.meta.url), 'utf8')
  expect(await generateDbTypes(db)).toBe(committed)
})

test('the valid rows the CHECK tests start from are accepted', async () => {
  await db.insertInto('calls').values(validCall('another-valid-call')).execute()
  await db.insertInto('submissions').values(validSubmittedSubmission()).execute()
  await db.insertInto('case_studies').values(validPublishedCaseStudy()).execute()
  await db.insertInto('users').values(validUser()).execute()
})

test('a submission status of "sent" is refused by the database', async () => {
  await expectCheckViolation(
    db
      .insertInto('submissions')
      .values({ ...validSubmittedSubmission(), status: 'sent' })
      .execute(),
    'submissions_status_check',
  )
})

test('a case study evidence strength of 5 is refused by the database', async () => {
  await expectCheckViolation(
    db
      .insertInto('case_studies')
      .values({ ...validPublishedCaseStudy(), evidence_strength: 5 })
      .execute(),
    'case_studies_evidence_strength_check',
  )
})

test('a published case study without published_at is refused by the database', async () => {
  await expectCheckViolation(
    db
      .insertInto('case_studies')
      .values({ ...validPublishedCaseStudy(), published_at: null })
      .execute(),
    'case_studies_published_check',
  )
})

test('a user role of "superuser" is refused by the database', async () => {
  await expectCheckViolation(
    db
      .insertInto('users')
      .values({ ...validUser(), roles: ['moderator', 'superuser'] })
      .execute(),
    'users_roles_check',
  )
})

test('a call that closes before it opens is refused by the database', async () => {
  await expectCheckViolation(
    db
      .insertInto('calls')
      .values({
        ...validCall('backwards-call'),
        opens_at: new Date('2026-05-01T00:00:00Z'),
        closes_at: new Date('2026-03-15T00:00:00Z'),
      })
      .execute(),
    'calls_window_check',
  )
})

test('a submission reference not in IIP-XXXX-XXXX form is refused by the database', async () => {
  for (const reference of [
    'IIP-12345678',
    'iip-abcd-2345',
    'IIP-ABCD-234',
    'IIP-ABCD-234O',
    'IIP-ABCI-2345',
    'XYZ-ABCD-2345',
  ]) {
    await expectCheckViolation(
      db
        .insertInto('submissions')
        .values({ ...validSubmittedSubmission(), reference })
        .execute(),
      'submissions_reference_check',
    )
  }
})

test('a submission whose original answers are changed after submission is refused by the database', async () => {
  const { id } = await db
    .insertInto('submissions')
    .values(validSubmittedSubmission())
    .returning('id')
    .executeTakeFirstOrThrow()

  // Raised by a trigger, so there is no constraint name, only the check_violation code.
  const error: unknown = await db
    .updateTable('submissions')
    .set({ original_answers: { story: 'rewritten' } })
    .where('id', '=', id)
    .execute()
    .then(
      () => null,
      (e: unknown) => e,
    )
  expect(error).toMatchObject({
    code: '23514',
    message: expect.stringMatching(/original answers of submission IIP-/),
  })

  await db
    .updateTable('submissions')
    .set({ answers: { story: 'edited by a moderator' } })
    .where('id', '=', id)
    .execute()
  const row = await db
    .selectFrom('submissions')
    .select(['answers', 'original_answers'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row).toEqual({
    answers: { story: 'edited by a moderator' },
    original_answers: { story: 'as sent' },
  })
})

const foreignKeysWithoutIndex = sql<{
  table_name: string
  constraint_name: string
  column_name: string
}>`
  SELECT c.conrelid::regclass::text AS table_name, c.conname AS constraint_name, a.attname AS column_name
  FROM pg_catalog.pg_constraint c
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  WHERE c.contype = 'f'
    AND c.connamespace = 'public'::regnamespace
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
    )
  ORDER BY 1, 2`

test('every foreign key column leads an index', async () => {
  const { rows } = await foreignKeysWithoutIndex.execute(db)
  expect(rows).toEqual([])
})

test('the foreign key index check notices a foreign key without an index', async () => {
  class RollBack extends Error {}
  let found: unknown[] = []
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`CREATE TABLE fk_probe (call_id uuid REFERENCES calls (id))`.execute(trx)
      found = (await foreignKeysWithoutIndex.execute(trx)).rows
      throw new RollBack()
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error
    })
  expect(found).toEqual([
    { table_name: 'fk_probe', constraint_name: 'fk_probe_call_id_fkey', column_name: 'call_id' },
  ])
})
