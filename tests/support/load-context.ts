import type { AppLoadContext } from '@remix-run/node'
import { parseEnv } from '../../app/utils/env.server'
import { createLogger } from '../../app/utils/logger.server'
import { upsertUser } from '../../db/repositories/users'
import type { TestServices } from '../setup/test-database'

export const TEST_PUBLIC_BASE_URL = 'https://inclusion.example.org'

/** The load context a route's server code gets, on a test file's own database and index. */
export function testLoadContext(t: TestServices): AppLoadContext {
  return {
    services: {
      env: parseEnv({ NODE_ENV: 'test' }),
      db: t.db,
      search: t.search,
      publicBaseUrl: TEST_PUBLIC_BASE_URL,
      log: createLogger('silent'),
    },
    requestState: { formHasErrors: false },
  } as unknown as AppLoadContext
}

/** A staff account with one role, for tests that act as that person; returns its id. */
export async function insertStaff(
  t: TestServices,
  role: 'advisory' | 'moderator' | 'admin',
  email = `${role}@staff.test`,
) {
  const user = await upsertUser(t.db, {
    email,
    name: `${role[0]!.toUpperCase()}${role.slice(1)} Tester`,
    roles: [role],
    passwordHash: null,
  })
  return user!.id
}
