import type { AppLoadContext } from '@remix-run/node'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { splitTerms, synonymGroupSchema } from '../../app/admin/synonyms.schema'
import {
  applySynonymsToSearch,
  removeSynonymGroup,
  saveSynonymGroup,
  synonymsStatus,
} from '../../app/admin/synonyms.server'
import { listSynonymGroups } from '../../db/repositories/search-synonyms'
import { createSearchService } from '../../search/client'
import { applyCaseStudySettings, waitOk } from '../../search/index-settings'
import { synonymGroups } from '../../app/reference/synonyms'
import { insertStaff } from '../../seeds/factories/users'
import { migrations } from '../../db/migrations/index'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let context: AppLoadContext
let adminId: string
beforeAll(async () => {
  t = await createTestServices()
  context = { services: { db: t.db, search: t.search } } as unknown as AppLoadContext
  adminId = await insertStaff(t.db, 'admin')
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  await waitOk(
    t.search.client
      .index(t.search.caseStudiesIndex)
      .addDocuments([
        { id: 'quux', title: 'Quuxification for every pupil', summary: 'A made-up word.' },
      ])
      .waitTask({ timeout: 30_000 }),
  )
})
afterAll(() => t.cleanUp())

const queuedApplies = async () => {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks k ON k.id = j.task_id
    WHERE k.identifier = 'search_synonyms'`.execute(t.db)
  return rows[0]!.n
}
const hits = async (q: string) =>
  (await t.search.client.index(t.search.caseStudiesIndex).search(q)).hits.map((hit) => hit.id)

test('the reference-data migration fills an empty table once, and leaves administrators’ groups alone afterwards', async () => {
  const seeded = await listSynonymGroups(t.db)
  expect(seeded.map((group) => group.terms)).toEqual(synonymGroups.map((group) => [...group]))
  await t.db.transaction().execute((trx) => migrations['2026-12-07T0500-reference-data']!.up(trx))
  expect(await listSynonymGroups(t.db)).toEqual(seeded)
})

test('lines become lower-case terms, tidied and without repeats; bad groups get specific messages', () => {
  expect(splitTerms('  ASD \r\n\nAutistic   spectrum\nasd\n')).toEqual(['asd', 'autistic spectrum'])
  const message = (terms: unknown) => {
    const parsed = synonymGroupSchema.safeParse({ terms })
    return parsed.success ? null : parsed.error.issues[0]!.message
  }
  expect(message('autism')).toBe('Enter at least 2 words or phrases, one on each line')
  expect(message(undefined)).toBe('Enter at least 2 words or phrases, one on each line')
  expect(message(['a', 'b'])).toBe('Enter at least 2 words or phrases, one on each line')
  expect(message(`ta\n${'x'.repeat(81)}`)).toMatch(/too long: each word or phrase must be 80/)
  expect(message('ta\n<script>alert(1)</script>')).toMatch(/can only include letters, numbers/)
  expect(message(Array.from({ length: 31 }, (_, i) => `term ${i}`).join('\n'))).toMatch(
    /30 words or phrases or fewer/,
  )
  expect(message('SALT\nspeech & language therapy\nO’Brien method')).toBeNull()
  // Anything at all gives a result or a message, never an exception.
  fc.assert(
    fc.property(fc.anything(), (value) => {
      synonymGroupSchema.safeParse({ terms: value })
    }),
  )
})

test('a new group is saved, audited and queued once, and once applied, search finds one word by the other', async () => {
  expect(await hits('zorblax')).toEqual([])
  expect(await saveSynonymGroup(t.db, adminId, null, ['zorblax', 'quuxification'])).toMatchObject({
    ok: true,
  })
  expect(await queuedApplies()).toBe(1)
  expect((await synonymsStatus(context)).state).toBe('waiting')

  await applySynonymsToSearch(t.db, t.search)

  expect((await synonymsStatus(context)).state).toBe('in-use')
  expect(await hits('zorblax')).toEqual(['quux'])
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'after'])
    .where('action', '=', 'search.synonyms_added')
    .execute()
  expect(audit).toEqual([
    {
      action: 'search.synonyms_added',
      actor_id: adminId,
      after: { terms: ['zorblax', 'quuxification'] },
    },
  ])
})

test('a term already in another group is refused with the group named; changes and removals are applied', async () => {
  const group = (await listSynonymGroups(t.db)).find((g) => g.terms.includes('zorblax'))!
  expect(await saveSynonymGroup(t.db, adminId, null, ['frobnicate', 'ASD'.toLowerCase()])).toEqual({
    ok: false,
    field: 'terms',
    message: expect.stringMatching(/^“asd” is already in the group “autism, autistic, asd, asc …”/),
  })
  expect(await saveSynonymGroup(t.db, adminId, group.id, ['blorft', 'quuxification'])).toEqual({
    ok: true,
    id: group.id,
  })
  // Several changes before the job runs: still one job, which applies the latest.
  expect(await queuedApplies()).toBe(1)
  await applySynonymsToSearch(t.db, t.search)
  expect(await hits('zorblax')).toEqual([])
  expect(await hits('blorft')).toEqual(['quux'])

  expect(await removeSynonymGroup(t.db, adminId, group.id)).toBe(true)
  expect(await removeSynonymGroup(t.db, adminId, group.id)).toBe(false)
  await applySynonymsToSearch(t.db, t.search)
  expect(await hits('blorft')).toEqual([])
  expect((await synonymsStatus(context)).state).toBe('in-use')
})

test('with Meilisearch not answering, the page says so rather than failing', async () => {
  // Nothing listens on port 9 (discard) here: connections are refused at once.
  const offline = {
    services: {
      db: t.db,
      search: createSearchService({
        url: 'http://127.0.0.1:9',
        masterKey: 'x'.repeat(16),
        indexPrefix: '',
      }),
    },
  } as unknown as AppLoadContext
  expect((await synonymsStatus(offline)).state).toBe('search-unavailable')
})
