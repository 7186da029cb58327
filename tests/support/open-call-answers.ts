import type { Kysely } from 'kysely'
import type { DB } from '../../db/types'
import type { ResponseAnswers } from './respondent-client'

/**
 * The open call in a seeded database, and valid answers for it: the first live practice, need
 * and phase terms, and open schools from the register in turn.
 */
export async function openCallAnswers(db: Kysely<DB>) {
  const now = new Date()
  const call = await db
    .selectFrom('calls')
    .select(['id', 'slug', 'closes_at'])
    .where('opens_at', '<=', now)
    .where('closes_at', '>', now)
    .orderBy('opens_at', 'desc')
    .executeTakeFirstOrThrow(() => new Error('No open call in the seeded database'))
  const term = async (scheme: string, child = false) => {
    let query = db
      .selectFrom('taxonomy_terms')
      .select('code')
      .where('scheme_code', '=', scheme)
      .where('retired_at', 'is', null)
    if (child) query = query.where('parent_id', 'is not', null)
    const row = await query.orderBy('position').orderBy('id').executeTakeFirstOrThrow()
    return row.code
  }
  const [practiceType, need, phase] = [
    await term('practice'),
    await term('need', true),
    await term('phase'),
  ]
  const urns = (
    await db
      .selectFrom('establishments')
      .select('urn')
      .where('status_code', 'in', [1, 3, 4])
      .orderBy('urn')
      .execute()
  ).map((row) => row.urn)
  if (urns.length === 0) throw new Error('No open schools in the seeded database')
  const answersFor = (email: string, i: number): ResponseAnswers => ({
    email,
    urn: urns[i % urns.length]!,
    practiceType,
    need,
    phase,
  })
  return { call, answersFor, practiceType, need, phase, schools: urns.length }
}
