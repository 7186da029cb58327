import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { AppLoadContext } from '@remix-run/node'
import JSZip from 'jszip'
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseEvidenceFilter } from '../../app/evidence/evidence-filter'
import { DOCX_APPENDIX_LIMIT } from '../../app/evidence/export.schema'
import { exportEvidence } from '../../app/evidence/exports/export.server'
import { loadEvidenceFigures } from '../../app/evidence/figures.server'
import { loadEvidenceVocabulary } from '../../app/evidence/vocabulary.server'
import {
  buildCaseStudy,
  insertCaseStudiesInBulk,
  insertCaseStudy,
} from '../../seeds/factories/case-studies'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'
import { insertStaff, testLoadContext } from '../support/load-context'

// The Word pack is read back with jszip and plain XML matching, not with the library that wrote
// it, so the test sees what Word would open.

let t: TestServices
let context: AppLoadContext
let adviserId: string
const refs: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestServices()
  context = testLoadContext(t)
  adviserId = await insertStaff(t, 'advisory', 'adviser@advisory.test')
  const call = await insertCall(t.db, { slug: 'call-a', title: 'Call A' })
  const [s1, s2] = [
    await insertSchool(t.db, { urn: 920001 }),
    await insertSchool(t.db, { urn: 920002 }),
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
  const response = async (
    key: string,
    input: Omit<Parameters<typeof insertModeratedResponse>[1], 'callId'>,
  ) => {
    refs[key] = (await insertModeratedResponse(t.db, { callId: call.id, ...input })).reference
  }
  // The only SEMH case study a publication sees, from one school: "fewer than 5".
  await response('publishedNamed', {
    urn: s1,
    status: 'published',
    consent: 'named',
    caseStudy: {
      title: 'Lunchtime nurture & calm <afternoons>',
      impact: 'Nurture groups at lunchtime calmed the afternoons. Exclusions fell.',
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
    caseStudy: { regionCode: 'A', evidenceStrength: 1, tags: tags(['SEMH'], ['pastoral-semh']) },
  })
  await response('approved', {
    urn: s2,
    status: 'approved',
    consent: 'anonymised',
    caseStudy: {
      regionCode: 'B',
      evidenceStrength: 4,
      tags: tags(['ASD', 'SLCN'], ['specialist-staff']),
    },
  })
  await response('publishedAnonymised', {
    urn: s2,
    status: 'published',
    consent: 'anonymised',
    caseStudy: {
      regionCode: 'B',
      evidenceStrength: 0,
      tags: tags(['HI'], ['accessible-pe-sport']),
    },
  })
})
afterAll(() => t.cleanUp())

const filterOf = (query: string) => parseEvidenceFilter(new URLSearchParams(query)).filter

interface Paragraph {
  style: string | null
  text: string
}
interface WordTable {
  /** Whether each row is marked as a header row, which Word repeats at the top of each page. */
  header: boolean[]
  rows: string[][]
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
const textOf = (xml: string) =>
  decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
const TABLE = /<w:tbl>([\s\S]*?)<\/w:tbl>/g

/** The paragraphs outside tables, with their style, and each table as rows of cell text. */
function readDocument(xml: string) {
  const tables: WordTable[] = [...xml.matchAll(TABLE)].map((table) => {
    const rows = [...table[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]!)
    return {
      header: rows.map((row) => /<w:tblHeader(?: w:val="(?:true|1|on)")?\/>/.test(row)),
      rows: rows.map((row) =>
        [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!)),
      ),
    }
  })
  const paragraphs: Paragraph[] = [
    ...xml.replace(TABLE, '').matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g),
  ].map((m) => ({
    style: m[1]!.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1] ?? null,
    text: textOf(m[1]!),
  }))
  return { paragraphs, tables }
}

async function exportDocx(query: string) {
  const response = await exportEvidence(context, adviserId, {
    filter: filterOf(query),
    format: 'docx',
    contacts: false,
  })
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()))
  const names = Object.keys(zip.files)
  const file = (name: string) => zip.file(name)!.async('string')
  const parts = (pattern: RegExp) => Promise.all(names.filter((n) => pattern.test(n)).map(file))
  const documentXml = await file('word/document.xml')
  return {
    response,
    names,
    file,
    documentXml,
    headers: await parts(/^word\/header\d*\.xml$/),
    footers: await parts(/^word\/footer\d*\.xml$/),
    ...readDocument(documentXml),
  }
}
type Docx = Awaited<ReturnType<typeof exportDocx>>

const styled = (doc: Docx, style: string) =>
  doc.paragraphs.filter((p) => p.style === style).map((p) => p.text)

/** Every table follows its caption, so the n-th caption names the n-th table. */
function tableCaptioned(doc: Docx, caption: string): WordTable {
  const index = styled(doc, 'Caption').indexOf(caption)
  expect(index, `a table captioned "${caption}"`).toBeGreaterThanOrEqual(0)
  return doc.tables[index]!
}

const asText = (count: number | null) => (count === null ? 'fewer than 5' : String(count))

test('the Word pack has the HTML pack’s sections as Word headings, in its order', async () => {
  const doc = await exportDocx('')
  expect(styled(doc, 'Title')).toEqual(['Evidence pack'])
  expect(styled(doc, 'Heading1')).toEqual([
    'What this pack covers',
    'Headline figures',
    'Method',
    'Caveats',
    'Evidence gap map',
    'Most common practice by broad area of need',
    'Data dictionary',
    'Appendix: case studies in this pack',
  ])
  const vocabulary = await loadEvidenceVocabulary(context)
  const figures = await loadEvidenceFigures(context, filterOf(''), vocabulary)
  const subheadings = styled(doc, 'Heading2')
  for (const breakdown of figures.breakdowns)
    expect(subheadings).toContain(`By ${breakdown.title.toLowerCase()}`)
  for (const area of vocabulary.areas)
    expect(subheadings.some((h) => h.startsWith(`${area.label} (`))).toBe(true)
  expect(styled(doc, 'Heading3').length).toBeGreaterThan(0)
  const text = doc.paragraphs.map((p) => p.text)
  expect(text.find((p) => p.startsWith('Prepared '))).toMatch(/ \(UK time\)$/)
  expect(text).toContain('For the advisory group: includes evidence-only responses')
  expect(text).toContain(
    'Open this view again, with the same filter: https://inclusion.example.org/evidence',
  )
})

test('every table has one header row, its first, which Word repeats on each page', async () => {
  const doc = await exportDocx('')
  const vocabulary = await loadEvidenceVocabulary(context)
  const figures = await loadEvidenceFigures(context, filterOf(''), vocabulary)
  // Headline figures, one per breakdown, the gap map, the data dictionary and the appendix.
  expect(doc.tables).toHaveLength(figures.breakdowns.length + 4)
  for (const table of doc.tables) {
    expect(table.header[0]).toBe(true)
    expect(table.header.slice(1).every((header) => !header)).toBe(true)
  }
  expect(tableCaptioned(doc, 'Headline figures').rows[0]).toEqual(['Figure', 'Value'])
  expect(tableCaptioned(doc, 'Case studies by type of practice and need').rows[0]![0]).toBe(
    'Type of practice',
  )
})

test.each(['', 'need=ASD', 'for=publication'])(
  'for "%s" the figures and breakdowns are the dashboard’s',
  async (query) => {
    const doc = await exportDocx(query)
    const vocabulary = await loadEvidenceVocabulary(context)
    const figures = await loadEvidenceFigures(context, filterOf(query), vocabulary)
    const headline = Object.fromEntries(tableCaptioned(doc, 'Headline figures').rows.slice(1))
    expect(headline['Case studies']).toBe(asText(figures.total))
    expect(headline['Published in the library']).toBe(asText(figures.published))
    expect(headline['Schools']).toBe(asText(figures.schools))
    for (const breakdown of figures.breakdowns) {
      const table = tableCaptioned(doc, `Case studies by ${breakdown.title.toLowerCase()}`)
      expect(table.rows.slice(1).map((row) => [row[0], row[1]])).toEqual(
        breakdown.figures.map((figure) => [figure.label, asText(figure.count)]),
      )
    }
  },
)

test('in a publication pack, 1 to 4 case studies from one school read "fewer than 5", never 0', async () => {
  const vocabulary = await loadEvidenceVocabulary(context)
  const semh = vocabulary.label('need', 'SEMH')
  const semhArea = vocabulary.areas.find((a) => a.needs.some((n) => n.value === 'SEMH'))!
  const pastoral = vocabulary.label('practice', 'pastoral-semh')
  const publication = await exportDocx('for=publication')
  const needs = tableCaptioned(publication, 'Case studies by need')
  expect(needs.rows.find((row) => row[0] === semh)).toEqual([semh, 'fewer than 5', 'not shown'])
  const areas = tableCaptioned(publication, 'Case studies by broad area of need')
  expect(areas.rows.find((row) => row[0] === semhArea.label)![1]).toBe('fewer than 5')
  const gapMap = tableCaptioned(publication, 'Case studies by type of practice and need')
  const column = gapMap.rows[0]!.findIndex((h) => h.startsWith(semhArea.label))
  const cell = gapMap.rows.find((row) => row[0] === pastoral)![column]
  expect(cell).toMatch(/^fewer than 5/)
  expect(styled(publication, 'Heading2')).toContain(`${semhArea.label} (fewer than 5 case studies)`)
  // Zero is a gap, shown as one; and the advisory group's pack shows the real count.
  expect(needs.rows.find((row) => row[0] === vocabulary.label('need', 'PMLD'))![1]).toBe('0')
  const internal = await exportDocx('')
  expect(tableCaptioned(internal, 'Case studies by need').rows.find((r) => r[0] === semh)![1]).toBe(
    '2',
  )
})

test('the security marking heads every page: OFFICIAL-SENSITIVE inside, OFFICIAL for publication', async () => {
  const internal = await exportDocx('')
  expect(internal.headers.length).toBeGreaterThan(0)
  for (const header of internal.headers) expect(textOf(header)).toBe('OFFICIAL-SENSITIVE')
  // Every section (the pack, and the appendix in landscape) points at a default header.
  const sections = internal.documentXml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!
  expect(sections.length).toBeGreaterThanOrEqual(2)
  for (const section of sections) {
    expect(section).toMatch(/<w:headerReference w:type="default"/)
    expect(section).toMatch(/<w:footerReference w:type="default"/)
  }
  for (const footer of internal.footers) {
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/)
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/)
  }
  const publication = await exportDocx('for=publication')
  for (const header of publication.headers) expect(textOf(header)).toBe('OFFICIAL')
})

test('each breakdown is a chart: SVG with a PNG fallback, titled and described for alt text', async () => {
  const doc = await exportDocx('')
  const vocabulary = await loadEvidenceVocabulary(context)
  const figures = await loadEvidenceFigures(context, filterOf(''), vocabulary)
  const drawings = [...doc.documentXml.matchAll(/<wp:docPr ([^>]*?)\/?>/g)].map((m) => ({
    title: decode(m[1]!.match(/title="([^"]*)"/)?.[1] ?? ''),
    descr: decode(m[1]!.match(/descr="([^"]*)"/)?.[1] ?? ''),
  }))
  expect(drawings.map((d) => d.title)).toEqual(
    figures.breakdowns.map((b) => `Case studies by ${b.title.toLowerCase()}`),
  )
  const areas = figures.breakdowns.find((b) => b.key === 'area')!
  expect(drawings[0]!.descr).toBe(
    `Case studies by broad area of need: ${areas.figures.map((f) => `${f.label} ${asText(f.count)}`).join(', ')}.`,
  )
  const media = doc.names.filter((n) => n.startsWith('word/media/'))
  expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(figures.breakdowns.length)
  expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(figures.breakdowns.length)
  expect(doc.documentXml).toContain('asvg:svgBlip')
})

test('the document says what it is: title, creator and British English', async () => {
  const doc = await exportDocx('')
  const core = await doc.file('docProps/core.xml')
  expect(core).toMatch(/<dc:title>Inclusion in Practice: evidence pack<\/dc:title>/)
  expect(core).toMatch(/<dc:creator>Inclusion in Practice<\/dc:creator>/)
  expect(await doc.file('word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/)
  expect(doc.response.headers.get('Content-Type')).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  expect(doc.response.headers.get('Content-Disposition')).toMatch(/\.docx"$/)
})

test('quotes link to published case studies, and the appendix lists each case study by reference', async () => {
  const doc = await exportDocx('')
  const quotes = styled(doc, 'Quote')
  expect(quotes).toContain('“Nurture groups at lunchtime calmed the afternoons.”')
  expect(quotes).toContain(`— Lunchtime nurture & calm <afternoons> (${refs.publishedNamed})`)
  const rels = await doc.file('word/_rels/document.xml.rels')
  const slug = await t.db
    .selectFrom('case_studies')
    .select('slug')
    .where('title', '=', 'Lunchtime nurture & calm <afternoons>')
    .executeTakeFirstOrThrow()
  expect(rels).toContain(`https://inclusion.example.org/library/${slug.slug}`)
  const appendix = tableCaptioned(doc, 'Case studies by reference')
  expect(appendix.rows[0]).toEqual([
    'Reference',
    'Title',
    'Type of practice',
    'Need',
    'Evidence strength',
    'Link',
  ])
  const byReference = new Map(appendix.rows.slice(1).map((row) => [row[0], row]))
  expect([...byReference.keys()].sort()).toEqual(
    [
      'team-written-resource-base',
      refs.publishedNamed,
      refs.evidenceOnly,
      refs.approved,
      refs.publishedAnonymised,
    ].sort(),
  )
  expect(byReference.get(refs.approved!)![5]).toBe('not published')
  expect(byReference.get(refs.publishedNamed!)![5]).toBe(
    `https://inclusion.example.org/library/${slug.slug}`,
  )
  expect(doc.paragraphs.some((p) => p.text.includes('in the CSV and XLSX exports'))).toBe(false)
})

test('the export is audited like every other: who, which filter, which format, how many rows', async () => {
  await exportDocx('need=ASD')
  const event = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'action', 'subject_id', 'after'])
    .where('action', '=', 'evidence.exported')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  expect(event.actor_id).toBe(adviserId)
  expect(event.subject_id).toBe('docx')
  expect(event.after).toMatchObject({ format: 'docx', filter: 'need=ASD', rows: 2 })
})

// LibreOffice is not on every machine (CI has none); where it is, it is a second, independent
// reader that lays the pages out, which is the only way to see the header on every page.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((bin) => existsSync(bin))
test.skipIf(!soffice)(
  'LibreOffice opens the publication pack, with the marking and a page number on every page',
  async () => {
    const response = await exportEvidence(context, adviserId, {
      filter: filterOf('for=publication'),
      format: 'docx',
      contacts: false,
    })
    const dir = await mkdtemp(path.join(tmpdir(), 'docx-'))
    try {
      await writeFile(path.join(dir, 'pack.docx'), Buffer.from(await response.arrayBuffer()))
      await promisify(execFile)(
        soffice!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          path.join(dir, 'pack.docx'),
        ],
        { timeout: 60_000 },
      )
      const parser = new PDFParse({ data: await readFile(path.join(dir, 'pack.pdf')) })
      const { pages } = await parser.getText()
      expect(pages.length).toBeGreaterThan(1)
      for (const page of pages) {
        expect(page.text.split('\n')[0]).toBe('OFFICIAL')
        expect(page.text).toContain(`Page ${page.num} of ${pages.length}`)
      }
      const text = pages.map((page) => page.text).join('\n')
      expect(text).toContain('Evidence pack')
      expect(text).toMatch(/fewer than 5 case studies/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
)

// Last: it adds more case studies than the appendix holds.
test('the appendix stops at 2,000 case studies and says where the rest are', async () => {
  const extra = DOCX_APPENDIX_LIMIT + 3
  await insertCaseStudiesInBulk(
    t.db,
    Array.from({ length: extra }, () =>
      buildCaseStudy({
        tags: {
          need: ['PMLD'],
          practice: ['resourced-provision'],
          phase: ['primary'],
          setting: ['mainstream-school'],
        },
      }),
    ),
  )
  const doc = await exportDocx('need=PMLD')
  const appendix = tableCaptioned(doc, 'Case studies by reference')
  expect(appendix.rows).toHaveLength(DOCX_APPENDIX_LIMIT + 1)
  expect(appendix.header[0]).toBe(true)
  expect(doc.paragraphs.map((p) => p.text)).toContain(
    'This appendix lists the first 2,000 of the 2,003 case studies in this filter, in reference order. The other 3 are in the CSV and XLSX exports of the same filter: export the evidence.',
  )
})
