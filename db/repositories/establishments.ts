import { sql, type Kysely } from 'kysely'
import type { DB } from '../types'
import type { EstablishmentInput } from '../../app/establishments/parse-establishment'

export interface UpsertCounts {
  inserted: number
  updated: number
  unchanged: number
}

const toRow = (e: EstablishmentInput) => ({
  urn: e.urn,
  name: e.name,
  la_code: e.laCode,
  la_name: e.laName,
  establishment_number: e.establishmentNumber,
  type_code: e.typeCode,
  type_name: e.typeName,
  type_group_code: e.typeGroupCode,
  type_group_name: e.typeGroupName,
  status_code: e.statusCode,
  status_name: e.statusName,
  phase_code: e.phaseCode,
  phase_name: e.phaseName,
  statutory_low_age: e.statutoryLowAge,
  statutory_high_age: e.statutoryHighAge,
  trust_uid: e.trustUid,
  trust_name: e.trustName,
  ukprn: e.ukprn,
  street: e.street,
  locality: e.locality,
  town: e.town,
  county: e.county,
  postcode: e.postcode,
  region_code: e.regionCode,
  region_name: e.regionName,
  resourced_provision: e.resourcedProvision,
  has_resourced_provision: e.hasResourcedProvision,
  has_sen_unit: e.hasSenUnit,
  number_of_pupils: e.numberOfPupils,
  open_date: e.openDate,
  close_date: e.closeDate,
  last_changed_date: e.lastChangedDate,
})

type Row = ReturnType<typeof toRow>
const updatable = Object.keys(toRow({} as EstablishmentInput)).filter(
  (c) => c !== 'urn',
) as (keyof Row)[]

/**
 * Inserts new establishments and updates changed ones in one statement. A row whose values are all
 * unchanged is left alone (its updated_at too), which is what makes a re-import cheap and honest.
 */
export async function upsertEstablishments(
  db: Kysely<DB>,
  inputs: EstablishmentInput[],
): Promise<UpsertCounts> {
  if (inputs.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
  // The register can list a URN twice; the last row wins, as it would row by row.
  const byUrn = new Map(inputs.map((input) => [input.urn, toRow(input)]))
  const rows = [...byUrn.values()]
  const changed = await db
    .insertInto('establishments')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('urn')
        .doUpdateSet((eb) => ({
          ...Object.fromEntries(updatable.map((column) => [column, eb.ref(`excluded.${column}`)])),
          updated_at: sql`now()`,
        }))
        .where(
          sql<boolean>`(${sql.join(updatable.map((c) => sql.ref(`establishments.${c}`)))}) IS DISTINCT FROM (${sql.join(updatable.map((c) => sql.ref(`excluded.${c}`)))})`,
        ),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute()
  const inserted = changed.filter((row) => row.inserted).length
  return { inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length }
}

/** What "schools like mine" needs to know of a school: its phase, region and kind of provision. */
export async function findEstablishmentContext(db: Kysely<DB>, urn: number) {
  return db
    .selectFrom('establishments')
    .select([
      'urn',
      'name',
      'phase_code',
      'region_code',
      'has_resourced_provision',
      'has_sen_unit',
      'type_group_code',
      'type_code',
    ])
    .where('urn', '=', urn)
    .executeTakeFirst()
}

/** Text for a LIKE pattern: trimmed, lower case, with LIKE's own characters escaped. */
const likeText = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)

/** Open schools whose name starts with, then contains, the text: for finding one's own school. */
export async function searchEstablishmentsByName(db: Kysely<DB>, text: string, limit = 10) {
  const needle = likeText(text)
  return db
    .selectFrom('establishments')
    .select(['urn', 'name', 'town', 'la_name'])
    .where('status_code', 'in', [1, 3, 4])
    .where(sql<boolean>`lower(name) LIKE ${`%${needle}%`}`)
    .orderBy(sql`lower(name) LIKE ${`${needle}%`}`, 'desc')
    .orderBy('name')
    .limit(limit)
    .execute()
}

/**
 * One page of the open schools a respondent's search finds, and how many match in all (the
 * register's real count, not the page's). Every word typed must appear in the school's name, town
 * or local authority, so adding a town narrows a common word such as "primary". Schools whose name
 * starts with the text come first, then those whose name holds it whole, then the rest; by name
 * within each, and by URN where names repeat, so that pages never overlap.
 */
export async function searchOpenSchools(
  db: Kysely<DB>,
  text: string,
  { limit, offset = 0 }: { limit: number; offset?: number },
) {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)
  if (words.length === 0) return { total: 0, schools: [] }
  const whole = likeText(text)
  const matching = db
    .selectFrom('establishments')
    .where('status_code', 'in', [1, 3, 4])
    .where((eb) =>
      eb.and(
        words.map(
          (word) =>
            sql<boolean>`concat_ws(' ', lower(name), lower(town), lower(la_name)) LIKE ${`%${likeText(word)}%`}`,
        ),
      ),
    )
  const [counted, schools] = await Promise.all([
    matching.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    matching
      .select(['urn', 'name', 'town', 'la_name', 'phase_name'])
      .orderBy(sql`lower(name) LIKE ${`${whole}%`}`, 'desc')
      .orderBy(sql`lower(name) LIKE ${`%${whole}%`}`, 'desc')
      .orderBy('name')
      .orderBy('urn')
      .limit(limit)
      .offset(offset)
      .execute(),
  ])
  return { total: counted.total, schools }
}

/** Schools by URN with what a response shows of them (closed schools included: history counts). */
export async function findEstablishmentsByUrn(db: Kysely<DB>, urns: number[]) {
  if (urns.length === 0) return []
  return db
    .selectFrom('establishments')
    .select([
      'urn',
      'name',
      'town',
      'la_name',
      'phase_name',
      'type_name',
      'region_name',
      'postcode',
    ])
    .where('urn', 'in', urns)
    .orderBy('name')
    .execute()
}

/** Trusts whose name contains the text, with how many open schools each has in the register. */
export async function searchTrustsByName(db: Kysely<DB>, text: string, limit = 10) {
  const needle = likeText(text)
  return db
    .selectFrom('establishments')
    .select(['trust_uid', 'trust_name', sql<number>`count(*)::int`.as('schools')])
    .where('trust_uid', 'is not', null)
    .where('status_code', 'in', [1, 3, 4])
    .where(sql<boolean>`lower(trust_name) LIKE ${`%${needle}%`}`)
    .groupBy(['trust_uid', 'trust_name'])
    .orderBy('trust_name')
    .limit(limit)
    .execute()
}

export async function findTrustSchoolUrns(db: Kysely<DB>, trustUid: string) {
  const rows = await db
    .selectFrom('establishments')
    .select('urn')
    .where('trust_uid', '=', trustUid)
    .where('status_code', 'in', [1, 3, 4])
    .execute()
  return rows.map((r) => r.urn)
}

/** Where a school is: its local authority and region, for a case study's context. */
export async function findEstablishmentPlace(db: Kysely<DB>, urn: number) {
  return db
    .selectFrom('establishments')
    .select(['la_code', 'la_name', 'region_code'])
    .where('urn', '=', urn)
    .executeTakeFirst()
}
