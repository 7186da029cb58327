import { afterAll, inject } from 'vitest'
import { createDb, type Database } from '../../db/client'

/** A small pool on the database of the app under test, for one test file, closed after its tests. */
export function appDatabaseForFile(): Database {
  const db = createDb(inject('appDatabaseUrl'), { max: 2 })
  afterAll(() => db.destroy())
  return db
}
