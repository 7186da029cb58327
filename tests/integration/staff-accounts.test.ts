import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { changeStaff, inviteStaff, setPasswordWithLink } from '../../app/accounts/staff.server'
import { createLogger } from '../../app/utils/logger.server'
import { insertSession } from '../../db/repositories/sessions'
import { upsertUser } from '../../db/repositories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let context: AppLoadContext
let adminId: string
beforeAll(async () => {
  t = await createTestServices()
  context = {
    services: { db: t.db, publicBaseUrl: 'https://iip.example', log: createLogger('silent') },
  } as unknown as AppLoadContext
  adminId = (await upsertUser(t.db, {
    email: 'only.admin@admins.test',
    name: 'Only Admin',
    roles: ['admin'],
    passwordHash: null,
  }))!.id
})
afterAll(() => t.cleanUp())

const userId = async (email: string) =>
  (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id

test('an invitation makes an account without a password, once per address, and emails a link', async () => {
  expect(
    await inviteStaff(context, adminId, {
      name: 'Mo',
      email: 'Mo@Mods.test',
      roles: ['moderator'],
    }),
  ).toEqual({ ok: true })
  expect(
    await inviteStaff(context, adminId, { name: 'Mo', email: 'mo@mods.test', roles: ['advisory'] }),
  ).toMatchObject({ ok: false, field: 'email' })
  const { rows } = await sql<{ payload: { to: string; body: string } }>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks k ON k.id = j.task_id
    WHERE k.identifier = 'send_email'`.execute(t.db)
  expect(rows).toHaveLength(1)
  const token = rows[0]!.payload.body.match(/set-password\/(\S+)/)![1]!
  expect(await setPasswordWithLink(t.db, 'x'.repeat(43), 'long enough password')).toBe(false)
  expect(await setPasswordWithLink(t.db, token, 'long enough password')).toBe(true)
  expect(await setPasswordWithLink(t.db, token, 'another long password')).toBe(false)
  const stored = await t.db
    .selectFrom('account_links')
    .select('token_hash')
    .executeTakeFirstOrThrow()
  expect(stored.token_hash).not.toContain(token)
})

test('the service keeps an administrator, and deactivating ends every session at once', async () => {
  expect(await changeStaff(t.db, adminId, adminId, { roles: ['moderator'] })).toMatchObject({
    ok: false,
  })
  const mo = await userId('mo@mods.test')
  await insertSession(t.db, {
    idHash: 'a'.repeat(64),
    userId: mo,
    expiresAt: new Date(Date.now() + 3_600_000),
  })
  expect(await changeStaff(t.db, adminId, mo, { active: false })).toEqual({ ok: true })
  const sessions = await t.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', mo)
    .execute()
  expect(sessions).toHaveLength(0)
  // Another admin may remove the only other admin's role only while one remains.
  await changeStaff(t.db, adminId, mo, { active: true, roles: ['admin'] })
  expect(await changeStaff(t.db, mo, adminId, { roles: ['advisory'] })).toEqual({ ok: true })
  expect(await changeStaff(t.db, adminId, mo, { active: false })).toMatchObject({
    ok: false,
    message: 'The service must keep an administrator',
  })
  const events = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_type', '=', 'user')
    .execute()
  expect(events.map((e) => e.action)).toEqual(
    expect.arrayContaining([
      'user.invited',
      'user.password_set',
      'user.deactivated',
      'user.roles_changed',
    ]),
  )
})
