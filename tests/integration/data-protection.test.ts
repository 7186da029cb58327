import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { runRetention } from '../../app/data-protection/retention.server'
import { eraseSubjectData, exportSubjectData } from '../../app/data-protection/subject.server'
import { attachFile, storedFilePath, storeUpload } from '../../app/submissions/files.server'
import { generateReference } from '../../app/submissions/reference'
import { parseEnv, type Env } from '../../app/utils/env.server'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
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
afterAll(() => t.cleanUp())

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
  const refused = await runCommand('app/server/cli/data-subject.ts', [])
  expect(refused.code).toBe(2)
  expect(refused.stderr).toContain('--email')
  const retention = await runCommand('app/server/cli/retention-run.ts', [])
  expect(retention.code).toBe(0)
  expect(retention.stdout).toMatch(/Contact details removed from \d+ sent responses/)
}, 60_000)
