import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { searchLibraryInterpreted } from '../../app/library/interpretation.server'
import { parseLibraryQuery } from '../../app/library/library-query'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { createSearchService } from '../../search/client'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch, enqueueCaseStudySync } from '../../search/outbox'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { createTestServices, type TestServices } from '../setup/test-database'

// The library's shared results cache (app/library/results-cache.server.ts) on real Postgres and
// Meilisearch: the same search within its seconds is answered from the cache; a change this
// process makes to the index is seen at once; a change made elsewhere within the seconds.

let t: TestServices
const contextWith = (seconds: string, search = t.search) =>
  ({
    services: {
      env: parseEnv({ NODE_ENV: 'test', LIBRARY_CACHE_SECONDS: seconds }),
      db: t.db,
      search,
      sessionSecret: 'x'.repeat(40),
      publicBaseUrl: 'http://localhost',
      log: createLogger('silent'),
    },
    requestState: { formHasErrors: false },
  }) as unknown as AppLoadContext

const query = (params: string) => parseLibraryQuery(new URLSearchParams(params)).query

async function publish(title: string) {
  const { id } = await insertCaseStudy(t.db, buildCaseStudy({ title }))
  await enqueueCaseStudySync(t.db, [id])
  return id
}

beforeAll(async () => {
  t = await createTestServices()
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  await publish('Quernstone reading partners in the juniors')
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
})
afterAll(() => t.cleanUp())

test('the same search within the cache’s seconds is answered from the cache', async () => {
  const context = contextWith('60')
  const first = await searchLibraryInterpreted(context, query('q=quernstone'))
  expect(first.total).toBe(1)
  expect(await searchLibraryInterpreted(context, query('q=quernstone'))).toBe(first)
  // Another search, or the same one for the API (no highlighting), is its own.
  expect(await searchLibraryInterpreted(context, query('q=quernstone&page=2'))).not.toBe(first)
  expect(await searchLibraryInterpreted(context, query('q=quernstone'), 20, false)).not.toBe(first)
})

test('a case study this process publishes is found by the next search, cache or not', async () => {
  const context = contextWith('60')
  expect((await searchLibraryInterpreted(context, query('q=wrenfold'))).total).toBe(0)
  await publish('Wrenfold sensory circuits before registration')
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
  expect((await searchLibraryInterpreted(context, query('q=wrenfold'))).total).toBe(1)
})

test('a change made by another instance shows once the cache’s seconds have passed', async () => {
  const cached = contextWith('60')
  expect((await searchLibraryInterpreted(cached, query('q=thistledown'))).total).toBe(0)
  // Another instance: its own connection to the same index, syncing the outbox.
  const elsewhere = createSearchService({
    url: t.search.client.config.host,
    masterKey: String(t.search.client.config.apiKey),
    indexPrefix: t.search.indexPrefix,
  })
  await publish('Thistledown lunchtime club for pupils who find the hall too loud')
  while ((await drainOutboxBatch(t.db, elsewhere)).synced > 0);
  // Within the seconds, this instance shows what it read...
  expect((await searchLibraryInterpreted(cached, query('q=thistledown'))).total).toBe(0)
  // ...and after them (here 1 s, long past), what the index holds.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const shortLived = contextWith('1')
  expect((await searchLibraryInterpreted(shortLived, query('q=thistledown'))).total).toBe(1)
})

test('with LIBRARY_CACHE_SECONDS=0, every search goes to Meilisearch', async () => {
  const context = contextWith('0')
  const first = await searchLibraryInterpreted(context, query('q=quernstone'))
  expect(await searchLibraryInterpreted(context, query('q=quernstone'))).not.toBe(first)
})
