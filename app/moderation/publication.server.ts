import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/types'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import { enqueueCaseStudySync } from '../../search/outbox'

/**
 * Publishing and unpublishing change what the library shows, so each writes the case study, an
 * audit event and a search-outbox row in one transaction: all three happen or none does.
 */
export async function setCaseStudyPublished(
  db: Kysely<DB>,
  input: { caseStudyId: string; actorId: string | null; published: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('case_studies')
      .select(['status', 'published_at'])
      .where('id', '=', input.caseStudyId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) throw new Error(`No case study ${input.caseStudyId}`)
    const status = input.published ? 'published' : 'unpublished'
    await trx
      .updateTable('case_studies')
      .set({
        status,
        published_at: input.published ? sql`coalesce(published_at, now())` : sql`published_at`,
        updated_at: sql`now()`,
      })
      .where('id', '=', input.caseStudyId)
      .execute()
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: input.published ? 'case_study.published' : 'case_study.unpublished',
      subjectType: 'case_study',
      subjectId: input.caseStudyId,
      before: { status: before.status },
      after: { status },
    })
    await enqueueCaseStudySync(trx, [input.caseStudyId])
  })
}
