import { sql, type Kysely } from 'kysely'
import { findLiveTerms } from './taxonomy'
import type { DB } from '../types'

type Executor = Kysely<DB>

export async function insertSample(db: Executor, submissionId: string, requestedBy: string) {
  const inserted = await db
    .insertInto('double_coding_samples')
    .values({ submission_id: submissionId, requested_by: requestedBy })
    .onConflict((oc) => oc.column('submission_id').doNothing())
    .returning('submission_id')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function findSample(db: Executor, submissionId: string) {
  return db
    .selectFrom('double_coding_samples')
    .select(['submission_id', 'second_coder_id', 'coded_at', 'reconciled_at'])
    .where('submission_id', '=', submissionId)
    .executeTakeFirst()
}

export async function listSecondTags(db: Executor, submissionId: string) {
  return db
    .selectFrom('second_coding_tags as t')
    .innerJoin('taxonomy_terms as term', 'term.id', 't.term_id')
    .select(['term.scheme_code as scheme', 'term.code'])
    .where('t.submission_id', '=', submissionId)
    .execute()
}

export async function replaceSecondTags(
  trx: Executor,
  submissionId: string,
  coderId: string,
  wanted: { scheme: string; code: string }[],
) {
  const terms = await findLiveTerms(trx, wanted)
  await trx.deleteFrom('second_coding_tags').where('submission_id', '=', submissionId).execute()
  if (terms.length > 0)
    await trx
      .insertInto('second_coding_tags')
      .values(terms.map((t) => ({ submission_id: submissionId, term_id: t.id })))
      .execute()
  await trx
    .updateTable('double_coding_samples')
    .set({ second_coder_id: coderId, coded_at: sql`now()` })
    .where('submission_id', '=', submissionId)
    .execute()
}

/** Every sample with both codings' tags, for the agreement report. */
export async function listSamplesWithCodes(db: Executor) {
  return db
    .selectFrom('double_coding_samples as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .leftJoin('case_studies as cs', 'cs.submission_id', 's.id')
    .leftJoin('users as first', 'first.id', 's.assigned_to')
    .leftJoin('users as second', 'second.id', 'd.second_coder_id')
    .select([
      's.reference',
      'd.coded_at',
      'd.reconciled_at',
      'first.name as firstCoder',
      'second.name as secondCoder',
      sql<
        string[]
      >`coalesce((SELECT array_agg(t.scheme_code || ':' || t.code) FROM case_study_tags ct JOIN taxonomy_terms t ON t.id = ct.term_id WHERE ct.case_study_id = cs.id), '{}')`.as(
        'firstTags',
      ),
      sql<
        string[]
      >`coalesce((SELECT array_agg(t.scheme_code || ':' || t.code) FROM second_coding_tags sc JOIN taxonomy_terms t ON t.id = sc.term_id WHERE sc.submission_id = d.submission_id), '{}')`.as(
        'secondTags',
      ),
    ])
    .orderBy('d.created_at')
    .execute()
}

export async function markReconciled(db: Executor, submissionId: string, actorId: string) {
  const result = await db
    .updateTable('double_coding_samples')
    .set({ reconciled_by: actorId, reconciled_at: sql`now()` })
    .where('submission_id', '=', submissionId)
    .where('coded_at', 'is not', null)
    .where('reconciled_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
