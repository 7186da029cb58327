import { randomBytes } from 'node:crypto'
import getPort from 'get-port'
import { afterAll, expect, inject, test } from 'vitest'
import { createDb } from '../../db/client'
import { startAppProcess, type AppProcess } from '../setup/app-process'
import { cloneTemplateDatabase } from '../setup/test-database'

let app: AppProcess | undefined

afterAll(async () => {
  await app?.stop()
})

/** The count the library states on its page, or null when the page did not say. */
const libraryCount = (html: string) => {
  const text = /id="results"[^>]*>([^<]*)</.exec(html)?.[1]
  if (text === undefined) return null
  if (text === 'No case studies found') return 0
  const count = /^([\d,]+) case stud/.exec(text)?.[1]
  return count === undefined ? null : Number(count.replace(/,/g, ''))
}

test('a fresh start loads the demo data and never serves an empty library, before or after it says it is ready', async () => {
  // An empty database, as on a newcomer's first `npm start`: the app loads the demo data itself.
  const database = `first_${randomBytes(4).toString('hex')}`
  const databaseUrl = await cloneTemplateDatabase(database)
  const port = await getPort()
  const url = `http://127.0.0.1:${port}`

  // Asks for /library from the moment the app is launched until the test has seen enough.
  const answers: { count: number | null; status: number }[] = []
  let asking = true
  const asker = (async () => {
    while (asking) {
      const answer = await fetch(`${url}/library`)
        .then(async (response) => ({
          count: libraryCount(await response.text()),
          status: response.status,
        }))
        .catch(() => null)
      if (answer) answers.push(answer)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()

  app = await startAppProcess({
    databaseUrl,
    meiliUrl: inject('meiliUrl'),
    meiliMasterKey: inject('meiliMasterKey'),
    indexPrefix: `${database}_`,
    port,
    // Returns as soon as /healthz answers: whatever the app serves from then on is what a
    // newcomer would see.
    waitForSearch: false,
  })
  await expect.poll(() => app!.output(), { timeout: 60_000 }).toMatch(/is running at/)
  // A few more answers after the ready line.
  const seenAtReady = answers.length
  await expect.poll(() => answers.length, { timeout: 30_000 }).toBeGreaterThan(seenAtReady + 5)
  asking = false
  await asker

  const db = createDb(databaseUrl, { max: 1 })
  const published = await db
    .selectFrom('case_studies')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n))
  await db.destroy()
  expect(published).toBeGreaterThan(100)

  // Every answer the app gave, from its first, listed every published case study.
  expect(answers.length).toBeGreaterThan(5)
  expect(answers.filter((a) => a.status !== 200 || a.count !== published)).toEqual([])

  // It said what it was doing while the index caught up, and said it was ready only after.
  const output = app.output()
  const indexed = output.indexOf(`Search index: ${published} of ${published} case studies indexed.`)
  expect(output).toContain(`Search index: indexing ${published} case studies`)
  expect(indexed).toBeGreaterThan(-1)
  expect(output.indexOf('is running at')).toBeGreaterThan(indexed)
})
