import type { AppLoadContext } from '@remix-run/node'
import { expect, test } from 'vitest'
import { cachedResults, resultsCacheMs } from '../../app/library/results-cache.server'

// The library's results cache, alone: what it keeps, what it shares and what it lets go.

const contextWith = (seconds?: number, nodeEnv: 'test' | 'production' = 'production') =>
  ({
    services: {
      env: { LIBRARY_CACHE_SECONDS: seconds, NODE_ENV: nodeEnv },
      search: { changes: { count: 0 } },
    },
  }) as unknown as AppLoadContext

function counting<T>(value: () => T) {
  const search = async () => {
    search.calls++
    return value()
  }
  search.calls = 0
  return search
}

test('5 seconds unless set; none under test unless set', () => {
  expect(resultsCacheMs({ NODE_ENV: 'production' })).toBe(5000)
  expect(resultsCacheMs({ NODE_ENV: 'development' })).toBe(5000)
  expect(resultsCacheMs({ NODE_ENV: 'test' })).toBe(0)
  expect(resultsCacheMs({ NODE_ENV: 'test', LIBRARY_CACHE_SECONDS: 3 })).toBe(3000)
  expect(resultsCacheMs({ NODE_ENV: 'production', LIBRARY_CACHE_SECONDS: 0 })).toBe(0)
})

test('concurrent requests for one search share one answer', async () => {
  const context = contextWith(5)
  const search = counting(() => ({ source: 'search' }))
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => cachedResults(context, 'q=a', search, () => true)),
  )
  expect(search.calls).toBe(1)
  expect(new Set(answers).size).toBe(1)
})

test('results the caller will not keep, and failures, are asked for again', async () => {
  const context = contextWith(5)
  const fallback = counting(() => ({ source: 'fallback' }))
  await cachedResults(context, 'k', fallback, (r) => r.source === 'search')
  await cachedResults(context, 'k', fallback, (r) => r.source === 'search')
  expect(fallback.calls).toBe(2)

  let fail = true
  const flaky = counting(() => {
    if (fail) throw new Error('Meilisearch away')
    return { source: 'search' }
  })
  await expect(cachedResults(context, 'f', flaky, () => true)).rejects.toThrow('away')
  fail = false
  await cachedResults(context, 'f', flaky, () => true)
  await cachedResults(context, 'f', flaky, () => true)
  expect(flaky.calls).toBe(2)
})

test('a change to the index by this process ends every kept result', async () => {
  const context = contextWith(60)
  const search = counting(() => ({}))
  await cachedResults(context, 'k', search, () => true)
  await cachedResults(context, 'k', search, () => true)
  expect(search.calls).toBe(1)
  ;(context.services.search as unknown as { changes: { count: number } }).changes.count++
  await cachedResults(context, 'k', search, () => true)
  expect(search.calls).toBe(2)
})

test('at most 500 searches are kept, the least recently used let go first', async () => {
  const context = contextWith(60)
  const search = counting(() => ({}))
  for (let i = 0; i < 500; i++) await cachedResults(context, `q${i}`, search, () => true)
  await cachedResults(context, 'q0', search, () => true) // used again: now the most recent
  await cachedResults(context, 'q500', search, () => true) // one more: q1 goes
  expect(search.calls).toBe(501)
  await cachedResults(context, 'q0', search, () => true)
  expect(search.calls).toBe(501)
  await cachedResults(context, 'q1', search, () => true)
  expect(search.calls).toBe(502)
})

test('with no cache, every search is asked for', async () => {
  const context = contextWith(0)
  const search = counting(() => ({}))
  await cachedResults(context, 'k', search, () => true)
  await cachedResults(context, 'k', search, () => true)
  expect(search.calls).toBe(2)
})
