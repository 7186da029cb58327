import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { runRetention } from '../../app/data-protection/retention.server'
import { eraseSubjectData, exportSubjectData } from '../../app/data-protection/subject.server'
import { runFollowUps } from '../../app/follow-ups/invitations.server'
import { addMonths } from '../../app/follow-ups/schedule'
import { hashToken } from '../../app/submissions/respondent-session.server'
import { attachFile, storedFilePath, storeUpload } from '../../app/submissions/files.server'
import { generateReference } from '../../app/submissions/reference'
import { parseEnv, type Env } from '../../app/utils/env.server'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findInvitationRecipient,
  insertInvitation,
  redeemInvitationLink,
} from '../../db/repositories/follow-ups'
import { upsertUser } from '../../db/repositories/users'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertCompleteDraft, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let env: Env
const day = 86_400_000
const now = new Date()
let urn: number
let moderatorId: string

beforeAll(async () => {
  t = await createTestServices()
  env = parseEnv({
    NODE_ENV: 'test',
    RETENTION_CONTACT_DAYS: '30',
    UPLOADS_DIR: await mkdtemp(path.join(tmpdir(), 'iip-uploads-')),
  })
  urn = await insertSchool(t.db)
  moderatorId = (await upsertUser(t.db, {
    email: 'mo@moderators.test',
    name: 'Mo',
    roles: ['moderator'],
    passwordHash: null,
  }))!.id
})
afterAll(async () => {
  await t.cleanUp()
  if (env?.UPLOADS_DIR) await rm(env.UPLOADS_DIR, { recursive: true, force: true })
})

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082',
  'hex',
)

async function call(closesInDays: number) {
  return insertCall(t.db, {
    opensAt: new Date(now.getTime() - 100 * day),
    closesAt: new Date(now.getTime() + closesInDays * day),
  })
}

async function draft(callId: string, email: string) {
  return insertCompleteDraft(t.db, { callId, reference: generateReference(), urn, email })
}

async function submission(id: string) {
  return t.db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst()
}

async function queuedEmailsTo(email: string) {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'send_email' AND j.payload->>'to' = ${email}`.execute(t.db)
  return Number(rows[0]!.n)
}

test('retention removes contacts and unsent drafts of long-closed calls, and keeps the evidence', async () => {
  const old = await call(-40)
  const recent = await call(-10)
  const open = await call(20)
  const published = await insertModeratedResponse(t.db, {
    callId: old.id,
    urn,
    status: 'published',
    consent: 'named',
    email: 'head@old.sch.uk',
  })
  const unsent = await draft(old.id, 'draft@old.sch.uk')
  const stored = await storeUpload(env, png)
  if (!stored.ok) throw new Error('the PNG was not stored')
  await attachFile(t.db, unsent.id, {
    fileName: 'photo.png',
    mediaType: stored.mediaType,
    sha256: stored.sha256,
    size: stored.size,
  })
  const recentSent = await insertModeratedResponse(t.db, {
    callId: recent.id,
    urn,
    status: 'approved',
    consent: 'anonymised',
    email: 'senco@recent.sch.uk',
  })
  const openDraft = await draft(open.id, 'draft@open.sch.uk')
  await recordAuditEvent(t.db, {
    actorId: moderatorId,
    action: 'case_study.edited',
    subjectType: 'case_study',
    subjectId: published.caseStudyId,
    before: { challenge: 'Amelia Jones (UPN B801200005001) found transitions hardest.' },
    after: { challenge: 'A pupil found transitions hardest.', reason: 'Removed a pupil’s name' },
  })
  await addJob(t.db, 'send_email', {
    to: 'head@old.sch.uk',
    subject: 'x',
    body: 'y',
    reference: 'r',
  })
  await addJob(t.db, 'send_email', {
    to: 'senco@recent.sch.uk',
    subject: 'x',
    body: 'y',
    reference: 'r',
  })
  const auditBefore = await t.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()

  const report = await runRetention(t.db, env, now)
  expect(report).toMatchObject({
    contactsRemoved: 1,
    draftsDeleted: 1,
    filesDeleted: 1,
    redactionsScrubbed: 1,
    queuedEmailsRemoved: 1,
  })

  const kept = (await submission(published.submissionId))!
  expect(kept).toMatchObject({
    respondent_name: null,
    respondent_email: null,
    respondent_role: null,
  })
  expect(kept.contact_removed_at).not.toBeNull()
  const answers = kept.original_answers as { consent: Record<string, unknown>; story: unknown }
  expect(answers.consent).not.toHaveProperty('approverName')
  expect(answers.consent).toHaveProperty('publication', 'named')
  expect(answers.story).toBeTruthy()
  const caseStudy = await t.db
    .selectFrom('case_studies')
    .select(['status', 'challenge'])
    .where('id', '=', published.caseStudyId)
    .executeTakeFirstOrThrow()
  expect(caseStudy.status).toBe('published')

  expect(await submission(unsent.id)).toBeUndefined()
  expect(existsSync(storedFilePath(env, stored.sha256))).toBe(false)
  expect((await submission(recentSent.submissionId))!.respondent_email).toBe('senco@recent.sch.uk')
  expect((await submission(openDraft.id))!.respondent_email).toBe('draft@open.sch.uk')

  const edit = await t.db
    .selectFrom('audit_events')
    .select(['before', 'after', 'actor_id'])
    .where('subject_id', '=', published.caseStudyId)
    .where('action', '=', 'case_study.edited')
    .executeTakeFirstOrThrow()
  expect(edit.before).toEqual({ challenge: '[removed: personal data]' })
  expect(edit.after).toMatchObject({ reason: 'Removed a pupil’s name' })
  expect(edit.actor_id).toBe(moderatorId)
  const auditAfter = await t.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  // Nothing deleted from the log; one event added to say what retention did.
  expect(Number(auditAfter.n)).toBe(Number(auditBefore.n) + 1)
  expect(await queuedEmailsTo('head@old.sch.uk')).toBe(0)
  expect(await queuedEmailsTo('senco@recent.sch.uk')).toBe(1)

  // A second run has nothing left to do.
  expect(await runRetention(t.db, env, now)).toMatchObject({
    contactsRemoved: 0,
    draftsDeleted: 0,
    redactionsScrubbed: 0,
    queuedEmailsRemoved: 0,
  })
})

test('the audit log still refuses deletes, and changes outside a declared scrub', async () => {
  await expect(sql`DELETE FROM audit_events`.execute(t.db)).rejects.toThrow(/never changed/)
  await expect(sql`UPDATE audit_events SET before = '{}'`.execute(t.db)).rejects.toThrow(
    /never changed/,
  )
  await expect(
    t.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('iip.scrubbing_personal_data', 'on', true)`.execute(trx)
      await sql`UPDATE audit_events SET action = 'forged.event'`.execute(trx)
    }),
  ).rejects.toThrow(/never changed/)
})

test('a respondent’s data is exported in full, and erased: unpublished deleted, published anonymised', async () => {
  const open = await call(20)
  const email = 'Erase.Me@school.example'
  const published = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'published',
    consent: 'anonymised',
    email: email.toLowerCase(),
  })
  const inReview = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'in_review',
    consent: 'named',
    email,
  })
  await t.db
    .insertInto('reviews')
    .values({
      submission_id: inReview.submissionId,
      moderator_id: moderatorId,
      decision: 'claim',
      from_status: 'submitted',
      to_status: 'in_review',
    })
    .execute()
  await t.db
    .insertInto('submission_notes')
    .values({ submission_id: inReview.submissionId, author_id: moderatorId, body: 'Call back' })
    .execute()
  await addJob(t.db, 'send_email', { to: email, subject: 'x', body: 'y', reference: 'r' })
  const other = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'approved',
    consent: 'named',
    email: 'someone.else@school.example',
  })

  const data = await exportSubjectData(t.db, 'erase.me@SCHOOL.example')
  expect(data.responses.map((r) => r.reference).sort()).toEqual(
    [published.reference, inReview.reference].sort(),
  )
  const reviewed = data.responses.find((r) => r.reference === inReview.reference)!
  expect(reviewed.original_answers).toBeTruthy()
  expect(reviewed.schools).toEqual([expect.objectContaining({ urn })])
  expect(reviewed.decisions).toEqual([expect.objectContaining({ decision: 'claim' })])
  expect(reviewed.staffNotes).toEqual([expect.objectContaining({ body: 'Call back' })])
  expect(reviewed.caseStudy).toMatchObject({ status: 'draft' })
  expect(data.emailsWaiting).toHaveLength(1)
  expect(JSON.stringify(data)).not.toContain('someone.else')

  const report = await eraseSubjectData(t.db, env, email)
  expect(report).toMatchObject({
    responsesDeleted: 1,
    responsesAnonymised: 1,
    queuedEmailsRemoved: 1,
  })
  expect(await submission(inReview.submissionId)).toBeUndefined()
  const anonymised = (await submission(published.submissionId))!
  expect(anonymised.respondent_email).toBeNull()
  const stillPublished = await t.db
    .selectFrom('case_studies')
    .select('status')
    .where('id', '=', published.caseStudyId)
    .executeTakeFirstOrThrow()
  expect(stillPublished.status).toBe('published')
  expect((await submission(other.submissionId))!.respondent_email).toBe(
    'someone.else@school.example',
  )
  expect((await exportSubjectData(t.db, email)).responses).toHaveLength(0)
  const event = await t.db
    .selectFrom('audit_events')
    .select(['subject_id', 'after'])
    .where('action', '=', 'respondent.erased')
    .executeTakeFirstOrThrow()
  expect(event.subject_id).toMatch(/^[0-9a-f]{64}$/)
  expect(JSON.stringify(event)).not.toContain('erase.me')
})

async function followUpEmailsTo(email: string) {
  const { rows } = await sql<{ body: string }>`
    SELECT j.payload->>'body' AS body FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'send_email' AND j.payload->>'to' = ${email}
      AND j.payload->>'body' LIKE '%/follow-up/open/%' ORDER BY j.id`.execute(t.db)
  return rows.map((r) => /\/follow-up\/open\/([A-Za-z0-9_-]+)/.exec(r.body)![1]!)
}

test('follow-ups: access shows invitations and answers (never a link’s hash); erasure cancels what is still open', async () => {
  const open = await call(20)
  const email = 'follow.me@school.example'
  // Published a year and a day ago: the 6-month round was answered, the 12-month one is open.
  const publishedAt = new Date(addMonths(now, -12).getTime() - day)
  const school = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'published',
    consent: 'named',
    email,
    followUpConsent: true,
    submittedAt: new Date(publishedAt.getTime() - 30 * day),
    caseStudy: { publishedAt },
  })
  const neighbour = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'published',
    consent: 'named',
    email: 'neighbour@school.example',
    followUpConsent: true,
    submittedAt: new Date(publishedAt.getTime() - 30 * day),
    caseStudy: { publishedAt },
  })
  const run = (at: Date) =>
    runFollowUps(t.db, { intervals: [6, 12], baseUrl: 'https://x.example', now: at })
  await run(addMonths(publishedAt, 6))
  await t.db
    .updateTable('follow_ups')
    .set({
      status: 'submitted',
      submitted_at: addMonths(publishedAt, 7),
      answers: { running: { running: 'yes' }, advice: { adviceToAdd: 'Keep it small.' } },
    })
    .where('case_study_id', '=', school.caseStudyId)
    .where('round', '=', 1)
    .execute()
  await run(now)
  const rounds = () =>
    t.db
      .selectFrom('follow_ups')
      .selectAll()
      .where('case_study_id', '=', school.caseStudyId)
      .orderBy('round')
      .execute()
  const invited = await rounds()
  expect(invited.map((r) => [r.round, r.status])).toEqual([
    [1, 'submitted'],
    [2, 'invited'],
  ])
  // The school has opened the 12-month link and typed an answer, not yet sent.
  const tokens = await followUpEmailsTo(email)
  expect(tokens).toHaveLength(2)
  const sessionHash = hashToken('a-browser-session-token-for-this-test-0000')
  await t.db
    .updateTable('follow_ups')
    .set({ session_hash: sessionHash, answers: { changes: { whatChanged: 'Half typed' } } })
    .where('id', '=', invited[1]!.id)
    .execute()

  const data = await exportSubjectData(t.db, email)
  const [response] = data.responses
  expect(response!.followUps).toEqual([
    expect.objectContaining({
      round: 1,
      months: 6,
      status: 'submitted',
      answers: { running: { running: 'yes' }, advice: { adviceToAdd: 'Keep it small.' } },
      auditEvents: [expect.objectContaining({ action: 'follow_up.invited' })],
    }),
    expect.objectContaining({
      round: 2,
      months: 12,
      status: 'invited',
      invited_at: invited[1]!.invited_at,
      expires_at: invited[1]!.expires_at,
      answers: { changes: { whatChanged: 'Half typed' } },
    }),
  ])
  const json = JSON.stringify(data)
  for (const row of invited) expect(json).not.toContain(row.token_hash)
  expect(json).not.toContain(sessionHash)
  expect(json).not.toMatch(/token_hash|session_hash/)
  expect(json).not.toContain('neighbour@')

  const auditBefore = await t.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const report = await eraseSubjectData(t.db, env, email)
  expect(report).toMatchObject({
    responsesDeleted: 0,
    responsesAnonymised: 1,
    queuedEmailsRemoved: 2,
    followUpInvitationsCancelled: 1,
  })
  // The log only grows: one event for the erasure, every follow-up event kept.
  const auditAfter = await t.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  expect(Number(auditAfter.n)).toBe(Number(auditBefore.n) + 1)

  const [answered, cancelled] = await rounds()
  // What was sent stays with the published case study, as its evidence does.
  expect(answered).toMatchObject({ status: 'submitted', answers: invited[0]!.answers })
  // What was still open is cancelled: lapsed now, its session closed, its unsent answers gone.
  expect(cancelled).toMatchObject({ status: 'invited', session_hash: null, answers: {} })
  expect(new Date(cancelled!.expires_at).getTime()).toBeLessThanOrEqual(Date.now())
  expect(await submission(school.submissionId)).toMatchObject({
    respondent_email: null,
    follow_up_consent: false,
  })
  // Nobody is emailed after erasure: no queued email, no working link, no reminder, no new round.
  expect(await queuedEmailsTo(email)).toBe(0)
  expect(
    await redeemInvitationLink(t.db, {
      tokenHash: hashToken(tokens[1]!),
      sessionHash: hashToken('another-browser-session-token-000000000000'),
      now: new Date(),
    }),
  ).toBeNull()
  await run(new Date(now.getTime() + 20 * day))
  expect(await queuedEmailsTo(email)).toBe(0)
  expect(await rounds()).toHaveLength(2)

  // Someone else's follow-up is untouched.
  const theirs = await t.db
    .selectFrom('follow_ups')
    .select(['status', 'expires_at'])
    .where('case_study_id', '=', neighbour.caseStudyId)
    .where('round', '=', 2)
    .executeTakeFirstOrThrow()
  expect(new Date(theirs.expires_at).getTime()).toBeGreaterThan(Date.now())
  expect(await queuedEmailsTo('neighbour@school.example')).toBeGreaterThan(0)

  const erased = await t.db
    .selectFrom('audit_events')
    .select('after')
    .where('action', '=', 'respondent.erased')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  expect(erased.after).toMatchObject({ followUpInvitationsCancelled: 1 })
  const followUpEvents = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', 'in', [answered!.id, cancelled!.id])
    .execute()
  expect(followUpEvents.map((e) => e.action).sort()).toEqual([
    'follow_up.invited',
    'follow_up.invited',
  ])
})

test('an erasure racing the follow-up job still leaves nothing to send: one waits for the other', async () => {
  const open = await call(20)
  const email = 'racing@school.example'
  const school = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'published',
    consent: 'named',
    email,
    followUpConsent: true,
  })
  // The job has read whom to email and is about to record the invitation and queue its email...
  let selected!: () => void
  let proceed!: () => void
  const hasSelected = new Promise<void>((resolve) => (selected = resolve))
  const mayProceed = new Promise<void>((resolve) => (proceed = resolve))
  const job = t.db.transaction().execute(async (trx) => {
    const recipient = await findInvitationRecipient(trx, school.caseStudyId)
    selected()
    await mayProceed
    await insertInvitation(trx, {
      caseStudyId: school.caseStudyId,
      round: 1,
      months: 6,
      tokenHash: hashToken('a-link-token-for-the-racing-invitation-000'),
      invitedAt: new Date(),
      expiresAt: new Date(Date.now() + 60 * day),
    })
    await addJob(trx, 'send_email', {
      to: recipient!.respondent_email,
      subject: 'How is it going?',
      body: 'https://x.example/follow-up/open/x',
      reference: 'r-F1',
    })
  })
  await hasSelected
  // ...when the erasure starts: it waits for the job's transaction rather than missing its email.
  const erasure = eraseSubjectData(t.db, env, email)
  await new Promise((resolve) => setTimeout(resolve, 300))
  proceed()
  await job
  expect(await erasure).toMatchObject({ queuedEmailsRemoved: 1, followUpInvitationsCancelled: 1 })
  expect(await queuedEmailsTo(email)).toBe(0)
  const invitation = await t.db
    .selectFrom('follow_ups')
    .select('expires_at')
    .where('case_study_id', '=', school.caseStudyId)
    .executeTakeFirstOrThrow()
  expect(new Date(invitation.expires_at).getTime()).toBeLessThanOrEqual(Date.now())
})

/** Runs one of the data-protection commands as `npm run` would, against this test's database. */
function runCommand(script: string, args: string[]) {
  const root = path.resolve(import.meta.dirname, '..', '..')
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script, ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          DATABASE_URL: t.databaseUrl,
          MEILI_URL: inject('meiliUrl'),
          MEILI_MASTER_KEY: inject('meiliMasterKey'),
          DATA_DIR: env.UPLOADS_DIR!,
          LOG_LEVEL: 'silent',
        },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

test('npm run data:subject and retention:run work from the command line and say what they did', async () => {
  const open = await call(20)
  const sent = await insertModeratedResponse(t.db, {
    callId: open.id,
    urn,
    status: 'approved',
    consent: 'named',
    email: 'cli@school.example',
  })
  const exported = await runCommand('app/server/cli/data-subject.ts', [
    '--email',
    'cli@school.example',
  ])
  expect(exported.code).toBe(0)
  expect(JSON.parse(exported.stdout).responses[0].reference).toBe(sent.reference)
  const out = path.join(env.UPLOADS_DIR!, 'cli-subject.json')
  const erased = await runCommand('app/server/cli/data-subject.ts', [
    '--email',
    'cli@school.example',
    '--out',
    out,
    '--erase',
  ])
  expect(erased.code).toBe(0)
  expect(erased.stderr).toMatch(/Erased: 1 responses deleted.*0 follow-up invitations cancelled/)
  expect(await submission(sent.submissionId)).toBeUndefined()
  const refused = await runCommand('app/server/cli/data-subject.ts', [])
  expect(refused.code).toBe(2)
  expect(refused.stderr).toContain('--email')
  const retention = await runCommand('app/server/cli/retention-run.ts', [])
  expect(retention.code).toBe(0)
  expect(retention.stdout).toMatch(/Contact details removed from \d+ sent responses/)
}, 60_000)
