import { afterAll, beforeAll, expect, test } from 'vitest'
import { addTerm, mergeTerms, moveTerm, setTermRetired } from '../../app/admin/taxonomy.server'
import { listSchemeTerms } from '../../db/repositories/taxonomy'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { insertStaff } from '../../seeds/factories/users'
import { createTestServices, type TestServices } from '../setup/test-database'

let t: TestServices
let adminId: string
beforeAll(async () => {
  t = await createTestServices()
  adminId = await insertStaff(t.db, 'admin')
})
afterAll(() => t.cleanUp())

const codes = async () => (await listSchemeTerms(t.db, 'practice')).map((term) => term.code)

test('a term is added once per code, at the end, and can be moved up and down', async () => {
  const term = {
    code: 'peer-mentoring',
    label: 'Peer mentoring',
    description: 'Pupils support pupils.',
  }
  expect(await addTerm(t.db, adminId, 'practice', term)).toEqual({ ok: true })
  expect(await addTerm(t.db, adminId, 'practice', term)).toMatchObject({ ok: false, field: 'code' })
  expect((await codes()).at(-1)).toBe('peer-mentoring')
  await moveTerm(t.db, 'practice', 'peer-mentoring', 'up')
  expect((await codes()).at(-2)).toBe('peer-mentoring')
  await moveTerm(t.db, 'practice', 'peer-mentoring', 'down')
  expect((await codes()).at(-1)).toBe('peer-mentoring')
})

test('merging moves every tag to the other term, retires the first, re-indexes and audits', async () => {
  const both = await insertCaseStudy(
    t.db,
    buildCaseStudy({ tags: { practice: ['pupil-voice', 'adaptive-teaching'], need: ['ASD'] } }),
  )
  const one = await insertCaseStudy(
    t.db,
    buildCaseStudy({ tags: { practice: ['pupil-voice'], need: ['ASD'] } }),
  )
  await t.db.deleteFrom('search_outbox').execute()
  expect(await mergeTerms(t.db, adminId, 'practice', 'pupil-voice', 'adaptive-teaching')).toEqual({
    ok: true,
  })
  const tagged = await t.db
    .selectFrom('case_study_tags as cst')
    .innerJoin('taxonomy_terms as tt', 'tt.id', 'cst.term_id')
    .select(['cst.case_study_id', 'tt.code'])
    .where('tt.scheme_code', '=', 'practice')
    .where('cst.case_study_id', 'in', [both.id, one.id])
    .execute()
  expect(tagged.map((r) => r.code).sort()).toEqual(['adaptive-teaching', 'adaptive-teaching'])
  const outbox = await t.db.selectFrom('search_outbox').select('case_study_id').execute()
  expect(outbox.map((r) => r.case_study_id).sort()).toEqual([both.id, one.id].sort())
  const retired = (await listSchemeTerms(t.db, 'practice')).find((r) => r.code === 'pupil-voice')!
  expect(retired.retired_at).not.toBeNull()
  const event = await t.db
    .selectFrom('audit_events')
    .select('after')
    .where('action', '=', 'taxonomy.terms_merged')
    .executeTakeFirstOrThrow()
  expect(event.after).toMatchObject({ mergedInto: 'adaptive-teaching', caseStudies: 2 })
  // Nothing can be merged into a retired term.
  await setTermRetired(t.db, adminId, 'practice', 'attendance', true)
  expect(await mergeTerms(t.db, adminId, 'practice', 'reintegration', 'attendance')).toMatchObject({
    ok: false,
  })
})
