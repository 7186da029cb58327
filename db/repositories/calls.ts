import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

const callColumns = [
  'id',
  'slug',
  'title',
  'summary',
  'description',
  'opens_at',
  'closes_at',
] as const

/** The call to show on the home page: an open one, else the next to open, else the latest to close. */
export async function findCurrentCall(db: Kysely<DB>, now = new Date()) {
  return db
    .selectFrom('calls')
    .select(callColumns)
    .orderBy(
      sql`CASE WHEN ${now} >= opens_at AND ${now} < closes_at THEN 0 WHEN opens_at > ${now} THEN 1 ELSE 2 END`,
    )
    .orderBy(sql`CASE WHEN opens_at > ${now} THEN opens_at END`, 'asc')
    .orderBy('closes_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function findCallBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('calls').select(callColumns).where('slug', '=', slug).executeTakeFirst()
}

export async function listCalls(db: Kysely<DB>) {
  return db
    .selectFrom('calls')
    .select(['id', 'slug', 'title'])
    .orderBy('opens_at', 'desc')
    .execute()
}

/** Every call with how many responses it has had, newest first, for administrators. */
export async function listCallsForAdmin(db: Kysely<DB>) {
  return db
    .selectFrom('calls as c')
    .select(['c.id', 'c.slug', 'c.title', 'c.opens_at', 'c.closes_at'])
    .select((eb) =>
      eb
        .selectFrom('submissions as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.call_id', '=', 'c.id')
        .where('s.status', '!=', 'draft')
        .as('responses'),
    )
    .orderBy('c.opens_at', 'desc')
    .execute()
}

export async function findCallForAdmin(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('calls')
    .select([...callColumns, 'question_sections'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

export interface CallValues {
  slug: string
  title: string
  summary: string
  description: string
  opensAt: Date
  closesAt: Date
  sections: string[]
}

const callRow = (values: CallValues) => ({
  slug: values.slug,
  title: values.title,
  summary: values.summary,
  description: values.description,
  opens_at: values.opensAt,
  closes_at: values.closesAt,
  question_sections: values.sections,
})

/** Inserts a call; undefined if its slug is taken. */
export async function insertCallRow(db: Kysely<DB>, values: CallValues) {
  return db
    .insertInto('calls')
    .values(callRow(values))
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(['id', 'slug'])
    .executeTakeFirst()
}

export async function updateCallRow(db: Kysely<DB>, id: string, values: CallValues) {
  await db
    .updateTable('calls')
    .set({ ...callRow(values), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

/** Moves a call's closing time (closing it early: `closesAt` is now). */
export async function setCallClosesAt(db: Kysely<DB>, id: string, closesAt: Date) {
  await db.updateTable('calls').set({ closes_at: closesAt }).where('id', '=', id).execute()
}

/** A call's address and closing time, by id; throws if there is no such call. */
export async function findCallDeadlineById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('calls')
    .select(['slug', 'closes_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}
