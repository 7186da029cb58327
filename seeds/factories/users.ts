import type { Kysely } from 'kysely'
import { upsertUser, type Role } from '../../db/repositories/users'
import type { DB } from '../../db/types'

/** A member of staff with one role and no password, for tests. Returns their id. */
export async function insertStaff(db: Kysely<DB>, role: Role, email = `${role}@staff.test`) {
  const user = await upsertUser(db, {
    email,
    name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`,
    roles: [role],
    passwordHash: null,
  })
  return user.id
}
