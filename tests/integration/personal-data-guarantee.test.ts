import type { AppLoadContext } from '@remix-run/node'
import { parse as parseCsv } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseEvidenceFilter } from '../../app/evidence/evidence-filter'
import { exportEvidence } from '../../app/evidence/exports/export.server'
import { decide } from '../../app/moderation/decisions.server'
import { saveDraftEdits, saveTagging } from '../../app/moderation/editing.server'
import { DismissFinding } from '../../app/privacy/dismiss.schema'
import { dismissFinding } from '../../app/privacy/dismissals.server'
import { checkCaseStudyText } from '../../app/privacy/checks.server'
import { readPublishedValues, type PublishedValues } from '../../app/privacy/published-fields'
import { rescanPublishedCaseStudies } from '../../app/privacy/rescan.server'
import { SEND_EMAIL_TASK, type EmailMessage } from '../../app/notifications/email.server'
import { MASKED } from '../../app/submissions/emails'
import { generateReference } from '../../app/submissions/reference'
import { submitResponse } from '../../app/submissions/response.server'
import { findDraftForSubmission, listCaseStudyTagCodes } from '../../db/repositories/moderation'
import { insertCaseStudyVersion } from '../../db/repositories/case-study-versions'
import { listOpenPrivacyAlerts } from '../../db/repositories/privacy'
import { upsertUser } from '../../db/repositories/users'
import { applyCaseStudySettings } from '../../search/index-settings'
import { drainOutboxBatch } from '../../search/outbox'
import { reconcileCaseStudyIndex } from '../../search/reconcile'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import {
  completeAnswers,
  insertCall,
  insertCompleteDraft,
  insertSchool,
} from '../../seeds/factories/submissions'
import { validNhsNumber, validUpn } from '../support/identifiers'
import { createTestServices, type TestServices } from '../setup/test-database'
import { insertStaff, testLoadContext } from '../support/load-context'

// The server's guarantee that a child's personal data never reaches a public surface: every save
// is scanned, publishing scans again inside its transaction, a finding goes only by removal or
// by one audited dismissal, and a last guard at the public boundary withholds what slipped past.

let t: TestServices
let call: Awaited<ReturnType<typeof insertCall>>
let urn: number
let moderator: string
let adviser: string
let context: AppLoadContext
const baseUrl = 'https://inclusion.example.org'
let serial = 1000

beforeAll(async () => {
  t = await createTestServices()
  await applyCaseStudySettings(t.search.client, t.search.caseStudiesIndex)
  call = await insertCall(t.db)
  urn = await insertSchool(t.db)
  moderator = (await upsertUser(t.db, {
    email: 'mo@moderators.test',
    name: 'Mo Moderator',
    roles: ['moderator'],
    passwordHash: null,
  }))!.id
  adviser = await insertStaff(t, 'advisory', 'ada@advisory.test')
  context = testLoadContext(t)
})
afterAll(() => t.cleanUp())

const drainAll = async () => {
  while ((await drainOutboxBatch(t.db, t.search)).synced > 0);
}
const inIndex = (id: string) =>
  t.search.client
    .index(t.search.caseStudiesIndex)
    .getDocument(id)
    .then(
      () => true,
      () => false,
    )

/** A sent response, claimed, with a clean summary: ready to publish unless its text says not. */
async function claimedDraft(answers?: Record<string, unknown>) {
  const { id } = await insertCompleteDraft(t.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email: 'senco@oak.sch.uk',
    answers: {
      consent: {
        publication: 'named',
        agreeTerms: 'yes',
        approverName: 'Alex Morgan',
        approverRole: 'Headteacher',
      },
      ...answers,
    },
  })
  await submitResponse(t.db, id, { call, baseUrl })
  await decide(t.db, { submissionId: id, actorId: moderator, decision: 'claim', baseUrl })
  const draft = (await findDraftForSubmission(t.db, id))!
  return { submissionId: id, draft }
}

async function save(caseStudyId: string, change: (values: PublishedValues) => PublishedValues) {
  const draft = (await t.db
    .selectFrom('case_studies')
    .selectAll()
    .where('id', '=', caseStudyId)
    .executeTakeFirstOrThrow())!
  return saveDraftEdits(t.db, {
    caseStudyId,
    actorId: moderator,
    version: draft.version,
    fields: change(readPublishedValues(draft)),
  })
}

const publish = (submissionId: string) =>
  decide(t.db, { submissionId, actorId: moderator, decision: 'publish', baseUrl })

const withSummary = (v: PublishedValues) => ({
  ...v,
  summary: 'Morning circuits helped pupils settle.',
})

test('a moderator’s own edit after a clean scan is scanned, and blocks publication until removed', async () => {
  const edits: [string, (v: PublishedValues, id: string) => PublishedValues][] = [
    [
      'Summary',
      (v, id) => ({ ...v, summary: `${v.summary} Jacob Smith (12.03.2015) led it.${id}` }),
    ],
    ['Title', (v, id) => ({ ...v, title: `Circuits for UPN ${id}` })],
    ['The challenge', (v, id) => ({ ...v, challenge: `${v.challenge} NHS no. ${id}` })],
    [
      'Before (measure 1)',
      (v, id) => ({ ...v, measures: [{ ...v.measures[0]!, before: `UPN: ${id}` }] }),
    ],
  ]
  for (const [label, edit] of edits) {
    const { submissionId, draft } = await claimedDraft()
    expect(await save(draft.id, withSummary)).toEqual({ ok: true })
    // Clean now: the scan has nothing to say and the flag is cleared.
    const clean = await checkCaseStudyText(
      t.db,
      draft.id,
      readPublishedValues((await findDraftForSubmission(t.db, submissionId))!),
      true,
    )
    expect(clean.open).toEqual([])

    const id = label === 'The challenge' ? validNhsNumber(serial++) : validUpn(serial++)
    const planted = label === 'Summary' ? '' : id
    expect(await save(draft.id, (v) => edit(v, planted))).toEqual({ ok: true })
    const refused = await publish(submissionId)
    expect(refused).toMatchObject({ ok: false, status: 409 })
    expect(refused.ok || refused.message).toContain(`in ${label}`)
    const flag = await t.db
      .selectFrom('submissions')
      .select(['status', 'personal_data_flagged', 'personal_data_resolved_at'])
      .where('id', '=', submissionId)
      .executeTakeFirstOrThrow()
    expect(flag).toMatchObject({
      status: 'in_review',
      personal_data_flagged: true,
      personal_data_resolved_at: null,
    })

    // Removing it is the only way on (the stored draft minus what was planted).
    const original = readPublishedValues(draft)
    expect(
      await save(draft.id, (v) =>
        withSummary({
          ...v,
          title: original.title,
          challenge: original.challenge,
          measures: original.measures,
        }),
      ),
    ).toEqual({ ok: true })
    expect(await publish(submissionId)).toEqual({ ok: true, status: 'published' })
  }
})

test('an identifier in the respondent’s title leaves the address too: a first publication makes the address again', async () => {
  const upn = validUpn(serial++)
  const codes = await t.db
    .selectFrom('taxonomy_terms')
    .select(['scheme_code', sql<string>`min(code)`.as('code')])
    .where('scheme_code', 'in', ['practice', 'need', 'phase'])
    .groupBy('scheme_code')
    .execute()
  const code = (scheme: string) => codes.find((c) => c.scheme_code === scheme)!.code
  const { practice } = completeAnswers(
    { practice: code('practice'), need: code('need'), phase: code('phase') },
    [urn],
  )
  const { submissionId, draft } = await claimedDraft({
    practice: { ...practice, title: `Circuits ${upn} calm` },
  })
  expect(draft.slug).toContain(upn.toLowerCase())
  expect(
    await save(draft.id, (v) => withSummary({ ...v, title: 'Circuits for calm starts' })),
  ).toEqual({
    ok: true,
  })
  expect(await publish(submissionId)).toEqual({ ok: true, status: 'published' })
  const published = (await findDraftForSubmission(t.db, submissionId))!
  expect(published.slug).toMatch(/^circuits-for-calm-starts-[0-9a-f]{6}$/)
  await drainAll()
  // Indexed, not withheld by the boundary guard.
  expect(await inIndex(draft.id)).toBe(true)
  expect(published.status).toBe('published')
})

test('a published case study is never given text with personal data: the save is refused whole', async () => {
  const { submissionId, draft } = await claimedDraft()
  await save(draft.id, withSummary)
  expect(await publish(submissionId)).toEqual({ ok: true, status: 'published' })
  await drainAll()
  const upn = validUpn(serial++)
  const result = await save(draft.id, (v) => ({ ...v, summary: `${v.summary} UPN ${upn}` }))
  expect(result).toMatchObject({
    ok: false,
    personalData: [{ id: 'summary', kind: 'upn', match: upn }],
  })
  const stored = await findDraftForSubmission(t.db, submissionId)
  expect(stored!.summary).not.toContain(upn)
  expect(stored!.version).toBe(draft.version + 1)

  // Keywords too, which are saved with the tags by bulk actions.
  const tags = await listCaseStudyTagCodes(t.db, draft.id)
  await expect(
    saveTagging(t.db, {
      caseStudyId: draft.id,
      actorId: moderator,
      tags,
      keywords: [upn],
      evidenceStrength: 2,
    }),
  ).rejects.toThrow(/personal data/)
})

test('a dismissal covers one finding, needs a reason, is audited, and does not cover a new occurrence', async () => {
  const phone = '01632 960123'
  const { submissionId, draft } = await claimedDraft()
  await save(draft.id, (v) =>
    withSummary({ ...v, advice: `${v.advice} Ring the school office on ${phone}.` }),
  )
  const check = await checkCaseStudyText(
    t.db,
    draft.id,
    readPublishedValues((await findDraftForSubmission(t.db, submissionId))!),
    true,
  )
  const finding = check.open.find((f) => f.kind === 'phone')!
  expect(finding).toMatchObject({ id: 'advice', match: phone, dismissible: true })
  expect(await publish(submissionId)).toMatchObject({ ok: false, status: 409 })

  // A reason is needed (the form's schema is what the action parses).
  const empty = DismissFinding.safeParse({
    intent: 'dismiss-finding',
    fingerprint: finding.fingerprint,
    reason: '  ',
  })
  expect(empty.success || empty.error.issues[0]!.message).toBe(
    'Enter why this is not a child’s personal data',
  )

  expect(
    await dismissFinding(t.db, {
      caseStudyId: draft.id,
      actorId: moderator,
      fingerprint: finding.fingerprint,
      reason: 'This is the school office’s phone number',
    }),
  ).toEqual({ ok: true })
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'after'])
    .where('subject_id', '=', draft.id)
    .where('action', '=', 'case_study.personal_data_dismissed')
    .executeTakeFirstOrThrow()
  expect(audit).toMatchObject({
    actor_id: moderator,
    after: {
      field: 'advice',
      kind: 'phone',
      match: phone,
      reason: 'This is the school office’s phone number',
    },
  })

  // The same number written somewhere else is a new finding, and it blocks again.
  await save(draft.id, (v) => ({ ...v, practice: `${v.practice} Parents can ring ${phone}.` }))
  const refused = await publish(submissionId)
  expect(refused).toMatchObject({ ok: false, status: 409 })
  expect(refused.ok || refused.message).toContain('in What it looks like in practice')
  expect(refused.ok || refused.message).not.toContain('in Advice to other leaders')

  // An identifier with a valid check digit is never a false positive.
  const upn = validUpn(serial++)
  await save(draft.id, (v) => ({
    ...v,
    practice: `${v.practice.replace(phone, 'the office')} UPN ${upn}`,
  }))
  const withUpn = await checkCaseStudyText(
    t.db,
    draft.id,
    readPublishedValues((await findDraftForSubmission(t.db, submissionId))!),
    true,
  )
  const identifier = withUpn.open.find((f) => f.kind === 'upn')!
  expect(
    await dismissFinding(t.db, {
      caseStudyId: draft.id,
      actorId: moderator,
      fingerprint: identifier.fingerprint,
      reason: 'No',
    }),
  ).toMatchObject({ ok: false, status: 409 })

  // Once the identifier is gone, the dismissed office number no longer stops publication.
  await save(draft.id, (v) => ({ ...v, practice: v.practice.replace(` UPN ${upn}`, '') }))
  expect(await publish(submissionId)).toEqual({ ok: true, status: 'published' })
})

test('the boundary guard refuses to index or export an identifier written straight into the database, and raises the alert', async () => {
  const indexed = await claimedDraft()
  const exported = await claimedDraft()
  for (const { submissionId, draft } of [indexed, exported]) {
    await save(draft.id, withSummary)
    expect(await publish(submissionId)).toEqual({ ok: true, status: 'published' })
  }
  await drainAll()
  expect(await inIndex(indexed.draft.id)).toBe(true)

  // Written by something other than the app: no scan, no outbox row.
  const upn = validUpn(serial++)
  const nhs = validNhsNumber(serial++)
  await sql`UPDATE case_studies SET summary = summary || ${` UPN ${upn}`} WHERE id = ${indexed.draft.id}`.execute(
    t.db,
  )

  // The periodic reconciliation finds the index stale and queues it; the guard refuses it.
  await reconcileCaseStudyIndex(t.db, t.search)
  await drainAll()
  expect(await inIndex(indexed.draft.id)).toBe(false)

  // Written after the index was last reconciled: a publication export is the first to see it,
  // leaves it out, and withholds it too.
  await sql`UPDATE case_studies SET measures = jsonb_set(measures, '{0,after}', to_jsonb(${nhs}::text)) WHERE id = ${exported.draft.id}`.execute(
    t.db,
  )
  const filter = parseEvidenceFilter(new URLSearchParams('for=publication')).filter
  const response = await exportEvidence(context, adviser, {
    filter,
    format: 'csv',
    contacts: false,
  })
  const csv = Buffer.from(await response.arrayBuffer()).toString('utf8')
  expect(csv).not.toContain(nhs)
  const records = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[]
  const { reference } = await t.db
    .selectFrom('submissions')
    .select('reference')
    .where('id', '=', exported.submissionId)
    .executeTakeFirstOrThrow()
  expect(records.length).toBeGreaterThan(0)
  expect(records.map((r) => r.Reference)).not.toContain(reference)

  const states = await t.db
    .selectFrom('case_studies as cs')
    .innerJoin('submissions as s', 's.id', 'cs.submission_id')
    .select(['cs.id', 'cs.status', 's.status as submissionStatus'])
    .where('cs.id', 'in', [indexed.draft.id, exported.draft.id])
    .execute()
  expect(states.map((s) => [s.status, s.submissionStatus])).toEqual([
    ['unpublished', 'approved'],
    ['unpublished', 'approved'],
  ])
  const mine = [
    ...(await listOpenPrivacyAlerts(t.db, exported.draft.id)),
    ...(await listOpenPrivacyAlerts(t.db, indexed.draft.id)),
  ]
  expect(mine.map((a) => [a.surface, a.findings])).toEqual([
    ['export', [{ path: 'measures.0.after', kind: 'nhs-number' }]],
    ['search-index', [{ path: 'summary', kind: 'upn' }]],
  ])
  // The alert says where and what kind, never the identifier itself.
  expect(JSON.stringify(mine)).not.toContain(upn)
  const withheld = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'after'])
    .where('action', '=', 'case_study.withheld')
    .where('subject_id', '=', indexed.draft.id)
    .executeTakeFirstOrThrow()
  expect(withheld).toMatchObject({ actor_id: null, after: { surface: 'search-index' } })

  // Publishing again, once it is clean, clears the alert.
  await sql`UPDATE case_studies SET summary = replace(summary, ${` UPN ${upn}`}, '') WHERE id = ${indexed.draft.id}`.execute(
    t.db,
  )
  expect(await publish(indexed.submissionId)).toEqual({ ok: true, status: 'published' })
  expect((await listOpenPrivacyAlerts(t.db, indexed.draft.id)).length).toBe(0)
})

test('a rescan with new rules takes out of the library what no longer passes, and leaves the rest', async () => {
  const kept = await claimedDraft()
  const caught = await claimedDraft()
  for (const { submissionId, draft } of [kept, caught]) {
    await save(draft.id, withSummary)
    await publish(submissionId)
  }
  // As if published under older rules that missed a name next to a date.
  await sql`UPDATE case_studies SET privacy_scan_version = 0, impact = impact || ' Amira Khan (03/04/2016) now reads aloud.' WHERE id = ${caught.draft.id}`.execute(
    t.db,
  )
  await sql`UPDATE case_studies SET privacy_scan_version = 0 WHERE id = ${kept.draft.id}`.execute(
    t.db,
  )
  const report = await rescanPublishedCaseStudies(t.db)
  const { slug } = (await findDraftForSubmission(t.db, caught.submissionId))!
  expect(report.withheld.map((w) => w.slug)).toEqual([slug])
  expect(report.withheld[0]!.findings.join(' ')).toMatch(/Impact and evidence/)
  const rows = await t.db
    .selectFrom('case_studies')
    .select(['id', 'status', 'privacy_scan_version'])
    .where('id', 'in', [kept.draft.id, caught.draft.id])
    .execute()
  expect(rows.find((r) => r.id === kept.draft.id)).toMatchObject({ status: 'published' })
  expect(rows.find((r) => r.id === kept.draft.id)!.privacy_scan_version).toBeGreaterThan(0)
  expect(rows.find((r) => r.id === caught.draft.id)).toMatchObject({ status: 'unpublished' })
  expect((await listOpenPrivacyAlerts(t.db, caught.draft.id)).map((a) => a.surface)).toEqual([
    'rescan',
  ])
  // Nothing left to do until the rules change again, unless every one is asked for.
  expect((await rescanPublishedCaseStudies(t.db)).scanned).toBe(0)
  expect((await rescanPublishedCaseStudies(t.db, { all: true })).scanned).toBeGreaterThan(1)
})

test('the rescan reads earlier versions too: an identifier planted in version 1 takes the case study out', async () => {
  /** A published case study in its version 2, with version 1 (and 2) stored as following up does. */
  async function followedUp(version1Summary: string, changeSummary = 'Extended to Year 7.') {
    const school = await insertModeratedResponse(t.db, {
      callId: call.id,
      urn,
      status: 'published',
      consent: 'named',
      email: `versions-${serial++}@oak.sch.uk`,
    })
    const row = await t.db
      .selectFrom('case_studies')
      .selectAll()
      .where('id', '=', school.caseStudyId)
      .executeTakeFirstOrThrow()
    const values = readPublishedValues(row)
    for (const [number, version] of [
      [1, { values: { ...values, summary: version1Summary }, changeSummary: '' }],
      [2, { values, changeSummary }],
    ] as const)
      await insertCaseStudyVersion(t.db, {
        caseStudyId: row.id,
        number,
        publishedAt: new Date(),
        values: version.values,
        evidenceStrength: row.evidence_strength,
        practiceStatus: 'running',
        changeSummary: version.changeSummary,
        followUpId: null,
      })
    await t.db
      .updateTable('case_studies')
      .set({ public_version: 2, privacy_scan_version: 0 })
      .where('id', '=', row.id)
      .execute()
    return row
  }
  const upn = validUpn(serial++)
  const caught = await followedUp(`Sensory circuits helped a pupil (UPN ${upn}) settle.`)
  const inHistory = await followedUp(
    'Sensory circuits before lessons.',
    `UPN ${validUpn(serial++)}`,
  )
  const kept = await followedUp('Sensory circuits before lessons, as first published.')

  const report = await rescanPublishedCaseStudies(t.db)
  const withheld = new Map(report.withheld.map((w) => [w.slug, w.findings.join('; ')]))
  expect(withheld.get(caught.slug)).toMatch(/in Summary \(version 1\)/)
  expect(withheld.get(inHistory.slug)).toMatch(/in What changed \(version 2\)/)
  expect(withheld.has(kept.slug)).toBe(false)
  const rows = await t.db
    .selectFrom('case_studies')
    .select(['id', 'status', 'privacy_scan_version'])
    .where('id', 'in', [caught.id, inHistory.id, kept.id])
    .execute()
  const statusOf = (id: string) => rows.find((r) => r.id === id)!
  expect(statusOf(caught.id).status).toBe('unpublished')
  expect(statusOf(inHistory.id).status).toBe('unpublished')
  expect(statusOf(kept.id)).toMatchObject({ status: 'published' })
  expect(statusOf(kept.id).privacy_scan_version).toBeGreaterThan(0)

  // Recorded as every rescan finding is: an alert and an audit event naming the version and the
  // kind, never the identifier itself.
  const alerts = await listOpenPrivacyAlerts(t.db, caught.id)
  expect(alerts.map((a) => [a.surface, a.findings])).toEqual([
    ['rescan', [{ path: 'versions.1.summary', kind: 'upn' }]],
  ])
  expect(JSON.stringify(alerts)).not.toContain(upn)
  const event = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'after'])
    .where('action', '=', 'case_study.withheld')
    .where('subject_id', '=', caught.id)
    .executeTakeFirstOrThrow()
  expect(event).toMatchObject({
    actor_id: null,
    after: { surface: 'rescan', findings: [{ path: 'versions.1.summary', kind: 'upn' }] },
  })
  expect(JSON.stringify(event)).not.toContain(upn)
})

test('the receipt email masks every finding and says so', async () => {
  const upn = validUpn(serial++)
  const { id } = await insertCompleteDraft(t.db, {
    callId: call.id,
    reference: generateReference(),
    urn,
    email: 'sam@oak.sch.uk',
    answers: {
      story: {
        challenge: `A pupil called Amelia (UPN ${upn}) struggled to settle.`,
        dayToDay: 'Daily check-ins.',
        keyFactors: 'Training.',
        advice: 'Start small.',
      },
    },
  })
  const sent = await submitResponse(t.db, id, { call, baseUrl })
  expect(sent.ok).toBe(true)
  const rows = await sql<{ payload: EmailMessage }>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${SEND_EMAIL_TASK}`.execute(t.db)
  const receipt = rows.rows
    .map((r) => r.payload)
    .find((p) => p.reference === (sent.ok && sent.reference))!
  expect(receipt.body).not.toContain(upn)
  expect(receipt.body).not.toContain('Amelia')
  expect(receipt.body).toContain(`A pupil called ${MASKED} (UPN ${MASKED}) struggled`)
  expect(receipt.body).toMatch(/We have hidden 2 things in this copy that may identify a pupil/)
})
