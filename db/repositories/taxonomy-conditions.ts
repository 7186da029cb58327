import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'

/** One entry of the conditions vocabulary, as the application uses it. */
export interface ConditionRow {
  id: number
  name: string
  kind: 'condition' | 'phrase'
  otherNames: string[]
  abbreviations: string[]
  needs: string[]
  note: string | null
}

export interface ConditionValues {
  name: string
  kind: 'condition' | 'phrase'
  otherNames: string[]
  abbreviations: string[]
  needs: string[]
  note: string | null
}

const columns = [
  'id',
  'name',
  'kind',
  'other_names as otherNames',
  'abbreviations',
  'need_codes as needs',
  'note',
] as const

/** The whole vocabulary, in alphabetical order of name. */
export async function listConditions(db: Kysely<DB>): Promise<ConditionRow[]> {
  const rows = await db
    .selectFrom('taxonomy_conditions')
    .select(columns)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute()
  return rows as ConditionRow[]
}

export async function findCondition(db: Kysely<DB>, id: number) {
  const row = await db
    .selectFrom('taxonomy_conditions')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst()
  return row as ConditionRow | undefined
}

const toColumns = (values: ConditionValues) => ({
  name: values.name,
  kind: values.kind,
  other_names: values.otherNames,
  abbreviations: values.abbreviations,
  need_codes: values.needs,
  note: values.note,
})

export async function insertCondition(db: Kysely<DB>, values: ConditionValues) {
  const row = await db
    .insertInto('taxonomy_conditions')
    .values(toColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateCondition(db: Kysely<DB>, id: number, values: ConditionValues) {
  await db
    .updateTable('taxonomy_conditions')
    .set({ ...toColumns(values), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function deleteCondition(db: Kysely<DB>, id: number) {
  await db.deleteFrom('taxonomy_conditions').where('id', '=', id).execute()
}

/** Serialises changes to the vocabulary, for the rest of the transaction. */
export async function lockConditions(db: Kysely<DB>) {
  await sql`SELECT pg_advisory_xact_lock(hashtext('taxonomy conditions'))`.execute(db)
}

/** The need terms conditions may point at: live ones, with their labels, in taxonomy order. */
export async function listNeedTerms(db: Kysely<DB>) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['code', 'label', 'retired_at as retiredAt'])
    .where('scheme_code', '=', 'need')
    .orderBy('position')
    .execute()
}
