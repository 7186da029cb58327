import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  lockCaseStudyPublication,
  setCaseStudyPublication,
} from '../../db/repositories/case-studies'
import type { DB } from '../../db/types'
import { enqueueCaseStudySync } from '../../search/outbox'

/**
 * The one way a case study is published or unpublished; a moderator's decision calls it inside
 * its own transaction. It changes what the library shows, so the case study, an audit event and
 * a search-outbox row are written in one transaction: all three happen or none does. A decision
 * records its own audit event (on the submission), so it asks for none here.
 */
export async function setCaseStudyPublished(
  db: Kysely<DB>,
  input: {
    caseStudyId: string
    actorId: string | null
    published: boolean
    slug?: string
    auditedByDecision?: boolean
  },
): Promise<void> {
  const run = async (trx: Kysely<DB>) => {
    const before = await lockCaseStudyPublication(trx, input.caseStudyId)
    if (!before) throw new Error(`No case study ${input.caseStudyId}`)
    const status = input.published ? 'published' : 'unpublished'
    await setCaseStudyPublication(trx, input.caseStudyId, {
      published: input.published,
      slug: input.slug ?? before.slug,
    })
    if (!input.auditedByDecision)
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: input.published ? 'case_study.published' : 'case_study.unpublished',
        subjectType: 'case_study',
        subjectId: input.caseStudyId,
        before: { status: before.status },
        after: { status },
      })
    await enqueueCaseStudySync(trx, [input.caseStudyId])
  }
  if (db.isTransaction) await run(db)
  else await db.transaction().execute(run)
}
