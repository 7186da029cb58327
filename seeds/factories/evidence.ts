import { sql, type Kysely } from 'kysely'
import { generateReference } from '../../app/submissions/reference'
import type { DB } from '../../db/types'
import { buildCaseStudy, insertCaseStudy, type CaseStudyInput } from './case-studies'
import { completeAnswers, insertCompleteDraft } from './submissions'

export interface ModeratedResponseInput {
  callId: string
  urn: number
  status: 'in_review' | 'changes_requested' | 'approved' | 'published' | 'rejected' | 'withdrawn'
  consent: 'named' | 'anonymised' | 'evidence-only'
  mayContact?: boolean
  /** Agreed on the consent page to be asked how the practice is going. */
  followUpConsent?: boolean
  email?: string
  submittedAt?: Date
  caseStudy?: Partial<CaseStudyInput>
}

/**
 * A response that a moderator has turned into a case study, at any point after claiming: the
 * submission (sent, with the respondent's consent) and its case study, tagged. Shared by the
 * evidence tests and the demo data.
 */
export async function insertModeratedResponse(db: Kysely<DB>, input: ModeratedResponseInput) {
  const email = input.email ?? `senco-${input.urn}@school.example`
  const published = input.status === 'published'
  const caseStudy = buildCaseStudy({
    status: published ? 'published' : 'draft',
    publishedAt: published ? (input.submittedAt ?? new Date()) : null,
    establishmentUrn: input.urn,
    organisationNamed: input.consent === 'named',
    isFictional: false,
    ...input.caseStudy,
  })
  const base = completeAnswers(
    {
      practice: caseStudy.tags.practice?.[0] ?? 'resourced-provision',
      need: caseStudy.tags.need?.[0] ?? 'ASD',
      phase: caseStudy.tags.phase?.[0] ?? 'primary',
    },
    [input.urn],
  )
  const answers = {
    ...base,
    consent: { ...(base.consent as Record<string, unknown>), publication: input.consent },
  }
  return db.transaction().execute(async (trx) => {
    const submission = await insertCompleteDraft(trx, {
      callId: input.callId,
      reference: generateReference(),
      urn: input.urn,
      email,
      answers,
    })
    await trx
      .updateTable('submissions')
      .set({
        status: input.status,
        may_contact: input.mayContact ?? true,
        follow_up_consent: input.followUpConsent ?? false,
        submitted_at: input.submittedAt ?? sql`now()`,
        original_answers: sql`answers`,
        withdrawn_at: input.status === 'withdrawn' ? sql`now()` : null,
      })
      .where('id', '=', submission.id)
      .execute()
    await trx
      .insertInto('submission_establishments')
      .values({ submission_id: submission.id, urn: input.urn })
      .execute()
    const { id } = await insertCaseStudy(trx, caseStudy)
    await trx
      .updateTable('case_studies')
      .set({ submission_id: submission.id })
      .where('id', '=', id)
      .execute()
    return { submissionId: submission.id, reference: submission.reference, caseStudyId: id }
  })
}
