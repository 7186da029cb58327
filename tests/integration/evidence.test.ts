import type { AppLoadContext } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'
import { sql } from 'kysely'
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseEvidenceFilter } from '../../app/evidence/evidence-filter'
import type { ExportFormat } from '../../app/evidence/export.schema'
import { exportEvidence } from '../../app/evidence/exports/export.server'
import { loadEvidenceFigures } from '../../app/evidence/figures.server'
import { loadGapMap } from '../../app/evidence/gap-map.server'
import { loadEvidenceVocabulary } from '../../app/evidence/vocabulary.server'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'
import { insertStaff, testLoadContext } from '../support/load-context'

let t: TestServices
let context: AppLoadContext
let adviserId: string
const refs: Record<string, string> = {}
let callA: string

beforeAll(async () => {
  t = await createTestServices()
  context = testLoadContext(t)
  adviserId = await insertStaff(t, 'advisory', 'adviser@advisory.test')
  const a = await insertCall(t.db, { slug: 'call-a', title: 'Call A' })
  const b = await insertCall(t.db, { slug: 'call-b', title: 'Call B' })
  callA = a.slug
  const [s1, s2, s3] = [
    await insertSchool(t.db, { urn: 910001 }),
    await insertSchool(t.db, { urn: 910002 }),
    await insertSchool(t.db, { urn: 910003 }),
  ]
  const tags = (need: string[], practice: string[]) => ({
    need,
    practice,
    phase: ['primary'],
    setting: ['mainstream-school'],
  })
  await insertCaseStudy(
    t.db,
    buildCaseStudy({
      slug: 'team-written-resource-base',
      title: 'A resource base for autistic pupils',
      regionCode: 'B',
      evidenceStrength: 3,
      tags: tags(['ASD'], ['resourced-provision']),
    }),
  )
  refs.teamWritten = 'team-written-resource-base'
  const response = async (
    key: string,
    input: Omit<Parameters<typeof insertModeratedResponse>[1], 'callId'> & { callId?: string },
  ) => {
    const { reference } = await insertModeratedResponse(t.db, { callId: a.id, ...input })
    refs[key] = reference
  }
  await response('publishedNamed', {
    urn: s1,
    status: 'published',
    consent: 'named',
    caseStudy: {
      organisationName: 'Oak Primary',
      regionCode: 'A',
      evidenceStrength: 2,
      tags: tags(['SEMH'], ['pastoral-semh']),
    },
  })
  await response('evidenceOnly', {
    urn: s1,
    status: 'approved',
    consent: 'evidence-only',
    email: 'contact@oak.sch.uk',
    caseStudy: {
      title: '=HYPERLINK("https://evil.example","Click")',
      summary: 'Nurture groups at lunchtime. They calmed the afternoons.',
      regionCode: 'A',
      evidenceStrength: 1,
      tags: tags(['SEMH'], ['pastoral-semh']),
    },
  })
  await response('approvedNoContact', {
    callId: b.id,
    urn: s2,
    status: 'approved',
    consent: 'anonymised',
    mayContact: false,
    caseStudy: {
      organisationName: 'Hidden Academy',
      regionCode: 'B',
      evidenceStrength: 4,
      tags: tags(['ASD', 'SLCN'], ['specialist-staff']),
    },
  })
  await response('inReview', {
    urn: s3,
    status: 'in_review',
    consent: 'named',
    caseStudy: { regionCode: 'B', tags: tags(['ASD'], ['resourced-provision']) },
  })
  await response('rejected', { urn: s3, status: 'rejected', consent: 'named' })
  await response('withdrawn', { urn: s2, status: 'withdrawn', consent: 'named' })
  await response('publishedAnonymised', {
    urn: s2,
    status: 'published',
    consent: 'anonymised',
    caseStudy: {
      organisationName: 'Secret School',
      regionCode: 'B',
      evidenceStrength: 0,
      tags: tags(['HI'], ['accessible-pe-sport']),
    },
  })
})
afterAll(() => t.cleanUp())

const filterOf = (query: string) => parseEvidenceFilter(new URLSearchParams(query)).filter

async function exported(query: string, format: ExportFormat, contacts = false) {
  const response = await exportEvidence(context, adviserId, {
    filter: filterOf(query),
    format,
    contacts,
  })
  return Buffer.from(await response.arrayBuffer())
}

async function csvRecords(query: string, contacts = false) {
  const text = (await exported(query, 'csv', contacts)).toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  return parseCsv(text, { bom: true, columns: true }) as Record<string, string>[]
}

async function pdfText(query: string) {
  const parser = new PDFParse({ data: await exported(query, 'pdf') })
  return (await parser.getText()).text
}

async function workbook(query: string) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await exported(query, 'xlsx')) as unknown as ExcelJS.Buffer)
  return book
}

/** The same counts written by hand in SQL, independent of the evidence query. */
async function sqlCount(where: ReturnType<typeof sql>) {
  const { rows } = await sql<{ count: string }>`
    SELECT count(*) AS count FROM case_studies cs
    LEFT JOIN submissions s ON s.id = cs.submission_id
    WHERE (s.id IS NULL OR s.status NOT IN ('rejected', 'withdrawn')) AND ${where}`.execute(t.db)
  return Number(rows[0]!.count)
}

const moderated = sql`(cs.status = 'published' OR s.status = 'approved')`
const hasNeed = (code: string) =>
  sql`EXISTS (SELECT 1 FROM case_study_tags x JOIN taxonomy_terms y ON y.id = x.term_id
    WHERE x.case_study_id = cs.id AND y.scheme_code = 'need' AND y.code = ${code})`

const cases: { query: string; where: ReturnType<typeof sql>; expected: number }[] = [
  { query: '', where: moderated, expected: 5 },
  { query: 'need=ASD', where: sql`${moderated} AND ${hasNeed('ASD')}`, expected: 2 },
  {
    query: 'call=call-a',
    where: sql`${moderated} AND s.call_id = (SELECT id FROM calls WHERE slug = 'call-a')`,
    expected: 3,
  },
  {
    query: 'status=published&status=approved&status=in_review&region=B',
    where: sql`(cs.status = 'published' OR s.status IN ('approved', 'in_review')) AND cs.region_code = 'B'`,
    expected: 4,
  },
  { query: 'for=publication', where: sql`cs.status = 'published'`, expected: 3 },
  {
    query: 'consent=evidence-only',
    where: sql`${moderated} AND s.original_answers #>> '{consent,publication}' = 'evidence-only'`,
    expected: 1,
  },
]

test.each(cases)(
  'for "$query" the dashboard, gap map, every export and SQL agree ($expected)',
  async ({ query, where, expected }) => {
    const filter = filterOf(query)
    const vocabulary = await loadEvidenceVocabulary(context)
    expect(await sqlCount(where)).toBe(expected)
    expect((await loadEvidenceFigures(context, filter, vocabulary)).total).toBe(expected)
    expect((await loadGapMap(context, filter, vocabulary, [])).total).toBe(expected)
    expect(await csvRecords(query)).toHaveLength(expected)
    const json = JSON.parse((await exported(query, 'json')).toString('utf8'))
    expect(json.count).toBe(expected)
    expect(json.caseStudies).toHaveLength(expected)
    const book = await workbook(query)
    expect(book.getWorksheet('Case studies')!.actualRowCount).toBe(expected + 1)
    const text = await pdfText(query)
    expect(text).toContain(`Case studies: ${expected}`)
    for (const record of json.caseStudies) expect(text).toContain(record.reference)
  },
)

test('the public audience sees published case studies only; withdrawn and rejected never appear', async () => {
  const published = (await csvRecords('for=publication')).map((r) => r.Reference)
  expect(published.sort()).toEqual(
    [refs.teamWritten, refs.publishedNamed, refs.publishedAnonymised].sort(),
  )
  const internal = (await csvRecords('status=published&status=approved&status=in_review')).map(
    (r) => r.Reference,
  )
  expect(internal).toContain(refs.evidenceOnly)
  expect(internal).toContain(refs.inReview)
  expect(internal).not.toContain(refs.rejected)
  expect(internal).not.toContain(refs.withdrawn)
  // Asking for evidence-only in a publication finds nothing rather than ignoring the filter.
  expect(await csvRecords('for=publication&consent=evidence-only')).toHaveLength(0)
})

test('organisations are named only with consent, contacts only when asked for and agreed', async () => {
  const records = await csvRecords('', true)
  const byRef = (ref: string) => records.find((r) => r.Reference === ref)!
  expect(byRef(refs.publishedNamed!).Organisation).toBe('Oak Primary')
  expect(byRef(refs.publishedNamed!).URN).toBe('910001')
  expect(byRef(refs.publishedAnonymised!).Organisation).toBe('')
  expect(byRef(refs.publishedAnonymised!).URN).toBe('')
  expect(byRef(refs.approvedNoContact!).Organisation).toBe('')
  expect(byRef(refs.evidenceOnly!)['Contact email']).toBe('contact@oak.sch.uk')
  expect(byRef(refs.approvedNoContact!)['Contact email']).toBe('')
  const without = await csvRecords('')
  expect(Object.keys(without[0]!)).not.toContain('Contact email')
  const publication = await csvRecords('for=publication', true)
  expect(Object.keys(publication[0]!)).not.toContain('Contact email')
})

test('cells that a spreadsheet would run as formulas are neutralised in CSV and XLSX', async () => {
  const records = await csvRecords('consent=evidence-only')
  expect(records[0]!.Title).toBe(`'=HYPERLINK("https://evil.example","Click")`)
  const book = await workbook('consent=evidence-only')
  const sheet = book.getWorksheet('Case studies')!
  const titleColumn = (sheet.getRow(1).values as string[]).indexOf('Title')
  // A workbook keeps it as text, as written (no apostrophe to see), in the Text format so that
  // editing the cell does not make it a formula either.
  const title = sheet.getRow(2).getCell(titleColumn)
  expect(title.value).toBe(`=HYPERLINK("https://evil.example","Click")`)
  expect(title.formula).toBeUndefined()
  expect(title.type).toBe(ExcelJS.ValueType.String)
  expect(title.numFmt).toBe('@')
})

test('the workbook has its sheets, typed cells, a frozen header and an autofilter', async () => {
  const book = await workbook('')
  expect(book.worksheets.map((s) => s.name)).toEqual([
    'Case studies',
    'Tags',
    'Need by practice',
    'By region',
    'About this export',
  ])
  const sheet = book.getWorksheet('Case studies')!
  const headers = sheet.getRow(1).values as string[]
  const column = (header: string) =>
    sheet.getRows(2, sheet.actualRowCount - 1)!.map((r) => r.getCell(headers.indexOf(header)).value)
  expect(column('Evidence strength (0-4)').every((v) => typeof v === 'number')).toBe(true)
  const published = column('Published (UK time)').filter((v) => v !== null)
  expect(published).toHaveLength(3)
  for (const value of published) expect(value).toBeInstanceOf(Date)
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  expect(sheet.autoFilter).toBeTruthy()
  const tagsSheet = book.getWorksheet('Tags')!
  expect(tagsSheet.getRow(1).values).toEqual([undefined, 'Reference', 'Scheme', 'Code', 'Label'])
  // Each case study has a need, a practice, a phase and a setting: four tags at least.
  expect(tagsSheet.actualRowCount - 1).toBeGreaterThanOrEqual(5 * 4)
  const crosstab = book.getWorksheet('Need by practice')!
  const needs = crosstab.getRow(1).values as string[]
  const pastoral = crosstab
    .getRows(2, crosstab.actualRowCount - 1)!
    .find((r) => String(r.getCell(1).value).startsWith('Pastoral'))!
  const semh = needs.findIndex((n) => typeof n === 'string' && n.startsWith('Social, emotional'))
  expect(pastoral.getCell(semh).value).toBe(2)
  const regions = book.getWorksheet('By region')!
  expect(regions.getRow(1).values).toEqual([
    undefined,
    'Region',
    'Case studies',
    'Mean evidence strength',
    'Suppressed',
  ])
  const counts = regions.getRows(2, regions.actualRowCount - 1)!.map((r) => r.getCell(2).value)
  expect(counts.every((v) => typeof v === 'number')).toBe(true)
})

test('in outputs for publication, counts under 5 from a single school are suppressed', async () => {
  const vocabulary = await loadEvidenceVocabulary(context)
  const figures = await loadEvidenceFigures(context, filterOf('for=publication'), vocabulary)
  const need = (code: string) =>
    figures.breakdowns.find((b) => b.key === 'need')!.figures.find((f) => f.value === code)!
  // One case study, from one school: suppressed.
  expect(need('SEMH').count).toBeNull()
  // The team's own case study is from no single school: shown. Zero is never suppressed.
  expect(need('ASD').count).toBe(1)
  expect(need('PMLD').count).toBe(0)
  const internal = await loadEvidenceFigures(context, filterOf(''), vocabulary)
  expect(
    internal.breakdowns.find((b) => b.key === 'need')!.figures.find((f) => f.value === 'SEMH')!
      .count,
  ).toBe(2)
})

test('every export writes an audit event: who, which filter, which format, how many rows', async () => {
  await exported(`call=${callA}`, 'json')
  const event = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'action', 'after'])
    .where('action', '=', 'evidence.exported')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  expect(event.actor_id).toBe(adviserId)
  expect(event.after).toMatchObject({ format: 'json', filter: 'call=call-a', rows: 3 })
})
