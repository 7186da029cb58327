import { afterAll, beforeAll, expect, test } from 'vitest'
import { deleteExpiredSessions, insertSession } from '../../db/repositories/sessions'
import { upsertUser } from '../../db/repositories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(() => t.cleanUp())

test('purging removes expired sessions and keeps live ones', async () => {
  const { id } = await upsertUser(t.db, {
    email: 'purge@example.org',
    name: 'Purge',
    roles: ['moderator'],
    passwordHash: null,
  })
  await insertSession(t.db, {
    idHash: 'a'.repeat(64),
    userId: id,
    expiresAt: new Date(Date.now() - 1000),
  })
  await insertSession(t.db, {
    idHash: 'b'.repeat(64),
    userId: id,
    expiresAt: new Date(Date.now() + 3_600_000),
  })
  await deleteExpiredSessions(t.db)
  const left = await t.db.selectFrom('sessions').select('id').execute()
  expect(left.map((s) => s.id)).toEqual(['b'.repeat(64)])
})
