import { afterAll, beforeAll, expect, test } from 'vitest'
import { callFormSchema } from '../../app/admin/call.schema'
import { closeCallNow, createCall, updateCall } from '../../app/admin/calls.server'
import { insertStaff } from '../../seeds/factories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let adminId: string
const day = 86_400_000
beforeAll(async () => {
  t = await createTestServices()
  adminId = await insertStaff(t.db, 'admin')
})
afterAll(() => t.cleanUp())

const values = (slug: string, opensAt: Date, closesAt: Date) => ({
  slug,
  title: 'A call',
  summary: 'Summary',
  description: 'Description',
  opensAt,
  closesAt,
  sections: ['about-you', 'organisation', 'practice', 'story', 'consent', 'impact'],
})

const auditOf = (action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['before', 'after', 'actor_id'])
    .where('action', '=', action)
    .execute()

test('the form reads London times, including across the clock change, and refuses impossible dates', () => {
  const form = (overrides: Record<string, unknown>) =>
    callFormSchema.safeParse({
      title: 'T',
      slug: 'Next-Call',
      summary: 'S',
      description: 'D',
      opensDay: '28',
      opensMonth: '3',
      opensYear: '2027',
      opensTime: '10:30',
      closesDay: '1',
      closesMonth: '5',
      closesYear: '2027',
      closesTime: '23:59',
      ...overrides,
    })
  const ok = form({})
  expect(ok.success && ok.data.opensAt.toISOString()).toBe('2027-03-28T09:30:00.000Z')
  expect(ok.success && ok.data.slug).toBe('next-call')
  const bad = form({ opensDay: '31', opensMonth: '2', closesTime: '24:00', slug: 'no spaces' })
  expect(bad.success).toBe(false)
  const messages = bad.success ? [] : bad.error.issues.map((i) => i.message)
  expect(messages).toContain('The date the call opens must be a real date')
  expect(messages).toContain(
    'Enter the time the call closes as hours and minutes, like 10:30 or 23:59',
  )
  expect(messages).toContain(
    'The address can only use letters, numbers and single hyphens, like inclusion-2027',
  )
})

test('a call is created once per address, and the creation is audited', async () => {
  const now = Date.now()
  const created = await createCall(
    t.db,
    adminId,
    values('call-one', new Date(now + day), new Date(now + 30 * day)),
  )
  expect(created).toEqual({ ok: true, slug: 'call-one' })
  const again = await createCall(
    t.db,
    adminId,
    values('call-one', new Date(now + day), new Date(now + 30 * day)),
  )
  expect(again).toMatchObject({ ok: false, field: 'slug' })
  expect(await auditOf('call.created')).toHaveLength(1)
})

test('changing an open call’s dates is audited as such; its address cannot change', async () => {
  const now = new Date()
  await createCall(
    t.db,
    adminId,
    values('open-call', new Date(now.getTime() - day), new Date(now.getTime() + day)),
  )
  const later = new Date(now.getTime() + 7 * day)
  const moved = await updateCall(
    t.db,
    adminId,
    'open-call',
    values('open-call', new Date(now.getTime() - day), later),
    now,
  )
  expect(moved.ok).toBe(true)
  const [event] = await auditOf('call.open_dates_changed')
  expect(event!.after).toMatchObject({ closesAt: later.toISOString() })
  expect(event!.actor_id).toBe(adminId)
  const renamed = await updateCall(
    t.db,
    adminId,
    'open-call',
    values('renamed', new Date(now.getTime() - day), later),
    now,
  )
  expect(renamed).toMatchObject({ ok: false, field: 'slug' })
})

test('closing a call early sets its closing time to now, only while it is open, audited', async () => {
  const now = new Date()
  await createCall(
    t.db,
    adminId,
    values('closing', new Date(now.getTime() - day), new Date(now.getTime() + day)),
  )
  expect(await closeCallNow(t.db, adminId, 'closing', now)).toBe(true)
  const call = await t.db
    .selectFrom('calls')
    .select('closes_at')
    .where('slug', '=', 'closing')
    .executeTakeFirstOrThrow()
  expect(new Date(call.closes_at).getTime()).toBe(now.getTime())
  expect(await closeCallNow(t.db, adminId, 'closing', new Date(now.getTime() + 1000))).toBe(false)
  expect(await auditOf('call.closed_early')).toHaveLength(1)
})
