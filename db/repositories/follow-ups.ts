import { sql, type Kysely } from 'kysely'
import type { DB, Json } from '../types'

// Follow-ups: one invitation per case study per round, the school's answers, and the update's
// moderation. The unique (case_study_id, round) constraint is what keeps invitations to one per
// round whatever the job runners do; every state change is a conditional UPDATE, so two runners
// or two moderators racing change a row once.

type Executor = Kysely<DB>

/**
 * Published case studies whose respondent agreed to follow-ups and can still be emailed, first
 * published at least `firstMonths` ago, with the rounds already sent.
 */
export async function listFollowUpCandidates(
  db: Executor,
  input: { publishedBefore: Date; roundCount: number },
) {
  return db
    .selectFrom('case_studies as cs')
    .innerJoin('submissions as s', 's.id', 'cs.submission_id')
    .select([
      'cs.id as caseStudyId',
      'cs.published_at as publishedAt',
      sql<
        number[]
      >`coalesce((SELECT array_agg(f.round ORDER BY f.round)::int[] FROM follow_ups f WHERE f.case_study_id = cs.id), '{}')`.as(
        'rounds',
      ),
    ])
    .where('cs.status', '=', 'published')
    .where('cs.published_at', '<=', input.publishedBefore)
    .where('s.follow_up_consent', '=', true)
    .where('s.respondent_email', 'is not', null)
    .where('s.contact_removed_at', 'is', null)
    .where(
      sql<boolean>`(SELECT count(*) FROM follow_ups f WHERE f.case_study_id = cs.id) < ${input.roundCount}`,
    )
    .orderBy('cs.published_at')
    .execute()
}

/**
 * What an invitation email needs, read in the transaction that records the invitation. The
 * respondent's row is share-locked until that transaction ends, so an erasure (or retention)
 * removing their details either waits for the email job to be committed, and then drops it, or
 * goes first, and then this finds nobody to email.
 */
export async function findInvitationRecipient(db: Executor, caseStudyId: string) {
  return db
    .selectFrom('case_studies as cs')
    .innerJoin('submissions as s', 's.id', 'cs.submission_id')
    .select(['cs.title', 'cs.slug', 's.reference', 's.respondent_email', 's.respondent_name'])
    .where('cs.id', '=', caseStudyId)
    .where('cs.status', '=', 'published')
    .where('s.follow_up_consent', '=', true)
    .where('s.contact_removed_at', 'is', null)
    .forShare('s')
    .executeTakeFirst()
}

/** Records an invitation unless this round has one already; returns its id only if it is new. */
export async function insertInvitation(
  db: Executor,
  input: {
    caseStudyId: string
    round: number
    months: number
    tokenHash: string
    invitedAt: Date
    expiresAt: Date
  },
) {
  const row = await db
    .insertInto('follow_ups')
    .values({
      case_study_id: input.caseStudyId,
      round: input.round,
      months: input.months,
      token_hash: input.tokenHash,
      invited_at: input.invitedAt,
      expires_at: input.expiresAt,
    })
    .onConflict((oc) => oc.columns(['case_study_id', 'round']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** Invitations that are open, unanswered and unreminded, sent before `sentBefore`. */
export async function listRemindersDue(db: Executor, input: { sentBefore: Date; now: Date }) {
  return db
    .selectFrom('follow_ups')
    .select(['id', 'case_study_id as caseStudyId', 'round', 'months', 'expires_at as expiresAt'])
    .where('status', '=', 'invited')
    .where('reminded_at', 'is', null)
    .where('invited_at', '<=', input.sentBefore)
    .where('expires_at', '>', input.now)
    .orderBy('invited_at')
    .execute()
}

/**
 * Marks one invitation reminded and gives it a fresh link (the old one stops working), if it is
 * still due a reminder: of two runners, only one gets the row back.
 */
export async function markReminded(
  db: Executor,
  input: { id: string; tokenHash: string; sentBefore: Date; now: Date },
) {
  return db
    .updateTable('follow_ups')
    .set({
      reminded_at: input.now,
      token_hash: input.tokenHash,
      link_used_at: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', input.id)
    .where('status', '=', 'invited')
    .where('reminded_at', 'is', null)
    .where('invited_at', '<=', input.sentBefore)
    .where('expires_at', '>', input.now)
    .returning(['id', 'case_study_id as caseStudyId', 'round', 'months', 'expires_at as expiresAt'])
    .executeTakeFirst()
}

const followUpColumns = [
  'f.id',
  'f.case_study_id',
  'f.round',
  'f.months',
  'f.status',
  'f.invited_at',
  'f.expires_at',
  'f.reminded_at',
  'f.link_used_at',
  'f.answers',
  'f.personal_data_findings',
  'f.personal_data_flagged',
  'f.submitted_at',
  'cs.title',
  'cs.slug',
] as const

/** The invitation an emailed link names (whatever its state: the page says why it cannot open). */
export async function findInvitationByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('case_studies as cs', 'cs.id', 'f.case_study_id')
    .select(followUpColumns)
    .where('f.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/**
 * Uses an emailed link once: it opens a session (whose hash replaces any earlier one) if the link
 * is unused, unexpired and the follow-up not yet sent. Returns the follow-up's id, or nothing.
 */
export async function redeemInvitationLink(
  db: Executor,
  input: { tokenHash: string; sessionHash: string; now: Date },
) {
  const row = await db
    .updateTable('follow_ups')
    .set({ link_used_at: input.now, session_hash: input.sessionHash, updated_at: sql`now()` })
    .where('token_hash', '=', input.tokenHash)
    .where('link_used_at', 'is', null)
    .where('status', '=', 'invited')
    .where('expires_at', '>', input.now)
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** The follow-up a browser session opens, with the case study it is about. */
export async function findFollowUpBySession(db: Executor, sessionHash: string) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('case_studies as cs', 'cs.id', 'f.case_study_id')
    .select(followUpColumns)
    .where('f.session_hash', '=', sessionHash)
    .executeTakeFirst()
}

/** The postcodes of the schools a case study's response covers (public, so not personal data). */
export async function findFollowUpSchoolPostcodes(db: Executor, caseStudyId: string) {
  const rows = await db
    .selectFrom('case_studies as cs')
    .innerJoin('submission_establishments as se', 'se.submission_id', 'cs.submission_id')
    .innerJoin('establishments as e', 'e.urn', 'se.urn')
    .select('e.postcode')
    .where('cs.id', '=', caseStudyId)
    .where('e.postcode', 'is not', null)
    .limit(1000)
    .execute()
  return rows.map((r) => r.postcode!)
}

/** Saves the school's answers and their scan while the follow-up is still being written. */
export async function saveFollowUpAnswers(
  db: Executor,
  input: { id: string; answers: Json; findings: Json; flagged: boolean },
) {
  const result = await db
    .updateTable('follow_ups')
    .set({
      answers: input.answers,
      personal_data_findings: input.findings,
      personal_data_flagged: input.flagged,
      updated_at: sql`now()`,
    })
    .where('id', '=', input.id)
    .where('status', '=', 'invited')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Sends the follow-up: once, and only while its link's time has not run out. */
export async function markFollowUpSubmitted(
  db: Executor,
  input: { id: string; now: Date; findings: Json; flagged: boolean },
) {
  const row = await db
    .updateTable('follow_ups')
    .set({
      status: 'submitted',
      submitted_at: input.now,
      personal_data_findings: input.findings,
      personal_data_flagged: input.flagged,
      updated_at: sql`now()`,
    })
    .where('id', '=', input.id)
    .where('status', '=', 'invited')
    .where('expires_at', '>', input.now)
    .returning('id')
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * For retention: of these submissions, those whose respondent agreed to follow-ups, with what
 * decides whether a follow-up is still to come (the case study's first publication and the last
 * round's invitation, if sent).
 */
export async function findFollowUpConsents(
  db: Executor,
  submissionIds: string[],
  lastRound: number,
) {
  if (submissionIds.length === 0) return []
  return db
    .selectFrom('submissions as s')
    .leftJoin('case_studies as cs', 'cs.submission_id', 's.id')
    .leftJoin('follow_ups as f', (join) =>
      join.onRef('f.case_study_id', '=', 'cs.id').on('f.round', '=', lastRound),
    )
    .select([
      's.id',
      's.status as submissionStatus',
      'cs.status as caseStudyStatus',
      'cs.published_at as publishedAt',
      'f.status as lastRoundStatus',
      'f.expires_at as lastRoundExpiresAt',
    ])
    .where('s.id', 'in', submissionIds)
    .where('s.follow_up_consent', '=', true)
    .execute()
}

// Moderating updates.

/** Updates in one status, oldest first, with the case study each is about and who holds it. */
export async function listFollowUpQueue(db: Executor, input: { status: string; limit?: number }) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('case_studies as cs', 'cs.id', 'f.case_study_id')
    .leftJoin('submissions as s', 's.id', 'cs.submission_id')
    .leftJoin('users as u', 'u.id', 'f.assigned_to')
    .select([
      'f.id',
      'f.round',
      'f.months',
      'f.status',
      'f.submitted_at',
      'f.personal_data_flagged',
      'cs.title',
      'cs.slug',
      // The moderation pages' reference: the submission's, or the slug of a team-written case study.
      sql<string>`coalesce(s.reference, cs.slug)`.as('reference'),
      'u.name as assignee',
    ])
    .where('f.status', '=', input.status)
    .orderBy('f.submitted_at')
    .orderBy('f.id')
    .limit(input.limit ?? 200)
    .execute()
}

/** How many updates wait in each status a moderator acts on. */
export async function countFollowUpsByStatus(db: Executor) {
  const rows = await db
    .selectFrom('follow_ups')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .where('status', 'in', ['submitted', 'in_review', 'published', 'recorded'])
    .groupBy('status')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Record<string, number>
}

/**
 * The case study whose updates a moderation reference names (a submission's reference, or the
 * slug of a case study the team wrote), with its rounds; `submission` is set when the reference
 * is a submission's, even one with no case study yet.
 */
export async function findFollowUpsByReference(db: Executor, reference: string) {
  const submission = await db
    .selectFrom('submissions')
    .select(['id', 'reference'])
    .where('reference', '=', reference)
    .executeTakeFirst()
  const caseStudy = await db
    .selectFrom('case_studies')
    .select(['id', 'title', 'slug'])
    .$call((q) =>
      submission ? q.where('submission_id', '=', submission.id) : q.where('slug', '=', reference),
    )
    .executeTakeFirst()
  const rounds = caseStudy
    ? await db
        .selectFrom('follow_ups')
        .select(['id', 'round', 'months', 'status'])
        .where('case_study_id', '=', caseStudy.id)
        .orderBy('round')
        .execute()
    : []
  return { submission, caseStudy, rounds }
}

/** One update with everything its review page shows beside it. */
export async function findFollowUpForReview(db: Executor, id: string) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('case_studies as cs', 'cs.id', 'f.case_study_id')
    .leftJoin('users as u', 'u.id', 'f.assigned_to')
    .select([
      'f.id',
      'f.case_study_id',
      'f.round',
      'f.months',
      'f.status',
      'f.answers',
      'f.personal_data_findings',
      'f.personal_data_flagged',
      'f.submitted_at',
      'f.draft',
      'f.edit_version',
      'f.published_version',
      'u.name as assignee',
      'cs.status as case_study_status',
      'cs.slug',
      'cs.published_at',
      'cs.public_version',
      'cs.evidence_strength',
      'cs.practice_status',
      'cs.organisation_named',
      'cs.title',
      'cs.summary',
      'cs.challenge',
      'cs.practice',
      'cs.impact',
      'cs.key_factors',
      'cs.advice',
      'cs.cost_and_resources',
      'cs.measures',
      'cs.keywords',
      'cs.organisation_name',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst()
}

/** An update, locked for the rest of the transaction (the decision's row lock). */
export async function lockFollowUp(trx: Executor, id: string) {
  return trx
    .selectFrom('follow_ups')
    .select([
      'id',
      'case_study_id',
      'round',
      'months',
      'status',
      'answers',
      'draft',
      'edit_version',
      'assigned_to',
      'submitted_at',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateFollowUpReview(
  trx: Executor,
  id: string,
  change: {
    status: string
    assignedTo?: string
    draft?: Json
    decidedBy?: string
    decidedAt?: Date
    publishedVersion?: number
  },
) {
  await trx
    .updateTable('follow_ups')
    .set({
      status: change.status,
      ...(change.assignedTo ? { assigned_to: change.assignedTo } : {}),
      ...(change.draft !== undefined ? { draft: change.draft } : {}),
      ...(change.decidedBy ? { decided_by: change.decidedBy, decided_at: change.decidedAt } : {}),
      ...(change.publishedVersion ? { published_version: change.publishedVersion } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

/** Saves the next version's draft only if nobody has saved since it was opened. */
export async function updateFollowUpDraftIfVersion(
  trx: Executor,
  id: string,
  editVersion: number,
  draft: Json,
) {
  const result = await trx
    .updateTable('follow_ups')
    .set({ draft, edit_version: sql`edit_version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('edit_version', '=', editVersion)
    .where('status', '=', 'in_review')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** For the evidence dashboard: invitations sent and answered. */
export async function countFollowUpInvitations(db: Executor) {
  return db
    .selectFrom('follow_ups')
    .select([
      sql<number>`count(*)::int`.as('sent'),
      sql<number>`count(*) FILTER (WHERE status <> 'invited')::int`.as('answered'),
      sql<number>`count(*) FILTER (WHERE status = 'published')::int`.as('published'),
    ])
    .executeTakeFirstOrThrow()
}

// A respondent's rights of access and erasure (app/data-protection/subject.server.ts).

/**
 * For a subject access export: the follow-ups of these submissions' case studies, with the dates,
 * status and the school's answers. Never the link's or session's hash, nor the moderator's draft.
 */
export async function findSubjectFollowUps(db: Executor, submissionIds: string[]) {
  if (submissionIds.length === 0) return []
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('case_studies as cs', 'cs.id', 'f.case_study_id')
    .select([
      'cs.submission_id',
      'f.id',
      'f.round',
      'f.months',
      'f.status',
      'f.invited_at',
      'f.reminded_at',
      'f.expires_at',
      'f.link_used_at',
      'f.submitted_at',
      'f.answers',
      'f.personal_data_flagged',
      'f.decided_at',
      'f.published_version',
    ])
    .where('cs.submission_id', 'in', submissionIds)
    .orderBy('f.invited_at')
    .orderBy('f.round')
    .execute()
}

/** For a subject access export: the audit events of these follow-ups, oldest first. */
export async function findFollowUpAuditEvents(db: Executor, followUpIds: string[]) {
  if (followUpIds.length === 0) return []
  return db
    .selectFrom('audit_events')
    .select(['action', 'subject_type', 'subject_id', 'before', 'after', 'created_at'])
    .where('subject_type', '=', 'follow_up')
    .where('subject_id', 'in', followUpIds)
    .orderBy('id')
    .execute()
}

/**
 * Erasure: the respondent is asked nothing more. Their agreement to follow-ups is withdrawn, and
 * every invitation still open is cancelled: its link and any session it opened stop working at
 * once (it expires now, as if it had lapsed), no reminder goes, and the answers typed but never
 * sent are deleted (of a lapsed one too). Updates already sent stay with the case study, as its
 * evidence does. Returns how many open invitations were cancelled.
 */
export async function cancelFollowUpsForErasure(db: Executor, submissionIds: string[]) {
  if (submissionIds.length === 0) return 0
  await db
    .updateTable('submissions')
    .set({ follow_up_consent: false, updated_at: sql`now()` })
    .where('id', 'in', submissionIds)
    .where('follow_up_consent', '=', true)
    .execute()
  const pending = db
    .selectFrom('case_studies')
    .select('id')
    .where('submission_id', 'in', submissionIds)
  const open = await db
    .selectFrom('follow_ups')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'invited')
    .where('expires_at', '>', sql<Date>`now()`)
    .where('case_study_id', 'in', pending)
    .executeTakeFirstOrThrow()
  await db
    .updateTable('follow_ups')
    .set({
      expires_at: sql`least(expires_at, now())`,
      session_hash: null,
      answers: sql`'{}'::jsonb`,
      personal_data_findings: sql`'[]'::jsonb`,
      personal_data_flagged: false,
      updated_at: sql`now()`,
    })
    .where('status', '=', 'invited')
    .where('case_study_id', 'in', pending)
    .execute()
  return open.n
}

/** For the submission's review page: how many updates its case study's school has sent. */
export async function countFollowUpUpdatesForSubmission(db: Executor, submissionId: string) {
  const row = await db
    .selectFrom('follow_ups as f')
    .innerJoin('case_studies as cs', 'cs.id', 'f.case_study_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cs.submission_id', '=', submissionId)
    .where('f.status', '<>', 'invited')
    .executeTakeFirstOrThrow()
  return row.n
}
