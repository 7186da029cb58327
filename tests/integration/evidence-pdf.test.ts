import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseEvidenceFilter } from '../../app/evidence/evidence-filter'
import { exportEvidence } from '../../app/evidence/exports/export.server'
import {
  COLOURS,
  MINIMUM_CONTRAST,
  STRENGTH_SHADES,
  GAP_HATCH,
  contrastRatio,
  textColourOn,
} from '../../app/evidence/exports/pdf/palette'
import { loadEvidenceVocabulary } from '../../app/evidence/vocabulary.server'
import { buildCaseStudy, insertCaseStudy } from '../../seeds/factories/case-studies'
import { insertModeratedResponse } from '../../seeds/factories/evidence'
import { insertCall, insertSchool } from '../../seeds/factories/submissions'
import { createTestServices, type TestServices } from '../setup/test-database'
import { insertStaff, testLoadContext } from '../support/load-context'

// The PDF evidence summary read back with poppler-utils, as a reader's PDF software would see it:
// tagged, fonts embedded, marked, numbered, and quoting respondents rather than moderators.

const run = promisify(execFile)

let t: TestServices
let context: AppLoadContext
let adviserId: string
let folder: string
const refs: Record<string, string> = {}

const RESPONDENT_WORDS = 'Pupils told us the nurture room helped them settle after lunch.'
const MODERATOR_WORDS = 'Moderator summary: a lunchtime nurture group.'

beforeAll(async () => {
  t = await createTestServices()
  context = testLoadContext(t)
  adviserId = await insertStaff(t, 'advisory', 'pdf-adviser@advisory.test')
  folder = await mkdtemp(path.join(tmpdir(), 'evidence-pdf-'))
  const call = await insertCall(t.db, { slug: 'pdf-call', title: 'Call for evidence' })
  const [s1, s2] = [await insertSchool(t.db, { urn: 920001 }), await insertSchool(t.db)]
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
  refs.nurture = (
    await insertModeratedResponse(t.db, {
      callId: call.id,
      urn: s1,
      status: 'published',
      consent: 'named',
      caseStudy: {
        title: 'Nurture at lunchtime',
        summary: MODERATOR_WORDS,
        impact: `${RESPONDENT_WORDS} Exclusions fell by half over the year.`,
        regionCode: 'A',
        evidenceStrength: 2,
        tags: tags(['SEMH'], ['pastoral-semh']),
      },
    })
  ).reference
  refs.evidenceOnly = (
    await insertModeratedResponse(t.db, {
      callId: call.id,
      urn: s2,
      status: 'approved',
      consent: 'evidence-only',
      caseStudy: {
        title: 'PE for deaf pupils',
        impact: 'Our deaf pupils now join every PE lesson.',
        regionCode: 'B',
        evidenceStrength: 1,
        tags: tags(['HI'], ['accessible-pe-sport']),
      },
    })
  ).reference
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
  await t.cleanUp()
})

/** Exports the PDF for a query string, saves it, and reads it back with poppler-utils. */
async function exportPdf(query: string) {
  const filter = parseEvidenceFilter(new URLSearchParams(query)).filter
  const response = await exportEvidence(context, adviserId, {
    filter,
    format: 'pdf',
    contacts: false,
  })
  const file = path.join(folder, `${query.replace(/\W/g, '_') || 'all'}.pdf`)
  await writeFile(file, Buffer.from(await response.arrayBuffer()))
  const [info, fonts, text, structure] = await Promise.all([
    run('pdfinfo', [file]),
    run('pdffonts', [file]),
    run('pdftotext', ['-enc', 'UTF-8', file, '-']),
    run('pdfinfo', ['-struct-text', file]),
  ])
  return {
    /** The file itself: dictionaries (alternative text among them) are written uncompressed. */
    raw: (await readFile(file)).toString('latin1'),
    info: info.stdout,
    pages: Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]),
    fonts: fonts.stdout,
    text: text.stdout.replace(/\s+/g, ' '),
    structure: structure.stdout,
  }
}

test('the PDF is tagged, in British English, titled, and shows its title in the window', async () => {
  const pdf = await exportPdf('')
  expect(pdf.info).toMatch(/^Tagged:\s+yes$/m)
  expect(pdf.info).toMatch(/^Title:\s+Inclusion in Practice: evidence summary$/m)
  expect(pdf.info).toMatch(/^PDF version:\s+1\.7$/m)
  expect(pdf.info).toMatch(/^Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)$/m)
  const tags = new Set(pdf.structure.match(/^\s*[A-Za-z0-9]+/gm)!.map((tag) => tag.trim()))
  for (const tag of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Figure', 'Link'])
    expect(tags).toContain(tag)
  for (const tag of ['Table', 'THead', 'TBody', 'TR', 'TH', 'TD']) expect(tags).toContain(tag)
  expect(pdf.structure.match(/^\s*H1\b/gm)).toHaveLength(1)
  // Each chart is a Figure with alternative text giving its figures.
  expect(pdf.structure.match(/^\s*Figure\b/gm)!.length).toBeGreaterThanOrEqual(7)
  expect(pdf.raw).toContain(
    '/Alt (Bar chart of case studies by need: Specific learning difficulty 0;',
  )
})

test('every font is embedded: none of the standard fonts a reader may not have', async () => {
  const pdf = await exportPdf('')
  const rows = pdf.fonts.split('\n').slice(2).filter(Boolean)
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+$/)
  expect(pdf.fonts).not.toMatch(/Helvetica|Times|Courier/)
})

test('the advisory group’s summary is OFFICIAL-SENSITIVE on every page, numbered Page X of Y', async () => {
  const pdf = await exportPdf('')
  expect(pdf.pages).toBeGreaterThan(5)
  // Top and bottom of every page.
  expect(pdf.text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(2 * pdf.pages)
  expect(pdf.text).toContain(`Page 1 of ${pdf.pages}`)
  expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`)
  expect(pdf.text).toContain('For the advisory group: includes evidence-only responses')
  expect(pdf.text).toMatch(/Prepared: \d{1,2}(:\d\d)?[ap]m on \w+ \d{1,2} \w+ \d{4} \(UK time\)/)
  for (const heading of [
    'Inclusion in Practice: evidence summary',
    'What this summary covers',
    'Headline figures',
    'Method',
    'Caveats',
    'Charts',
    'Case studies by need',
    'Evidence gap map',
    'Most common practice by broad area of need',
    'Figures as tables',
    'Data dictionary',
    'Appendix: every case study in this summary',
  ])
    expect(pdf.text).toContain(heading)
  for (const reference of Object.values(refs)) expect(pdf.text).toContain(reference)
})

test('the summary for publication is OFFICIAL, never OFFICIAL-SENSITIVE', async () => {
  const pdf = await exportPdf('for=publication')
  expect(pdf.text).toContain('OFFICIAL')
  expect(pdf.text).not.toContain('OFFICIAL-SENSITIVE')
  expect(pdf.text.match(/\bOFFICIAL\b/g)!.length).toBeGreaterThanOrEqual(2 * pdf.pages)
  expect(pdf.text).toContain('For publication: published case studies only')
  expect(pdf.text).not.toContain(refs.evidenceOnly)
})

test('the gap map names every practice and broad area, and marks its gaps', async () => {
  const vocabulary = await loadEvidenceVocabulary(context)
  const pdf = await exportPdf('')
  const gapMap = pdf.text.slice(pdf.text.indexOf('Evidence gap map Case studies by type'))
  for (const practice of vocabulary.facets.practice) expect(gapMap).toContain(practice.label)
  for (const area of vocabulary.areas) expect(gapMap).toContain(area.label)
  expect(gapMap).toContain('Type of practice')
  expect(gapMap).toContain('gap: no case studies')
  expect(gapMap.match(/\bgap\b/g)!.length).toBeGreaterThan(10)
})

test('in the summary for publication a count of 1 to 4 from one school reads “fewer than 5”, never 0', async () => {
  const pdf = await exportPdf('for=publication')
  const semh = 'Social, emotional and mental health'
  expect(pdf.text).toContain('fewer than 5')
  expect(pdf.text).toContain(`${semh} (fewer than 5 case studies)`)
  // Its rows in "Figures as tables" (broad area and need), read as a screen reader reads them.
  const row = new RegExp(`TH:\\s+/Scope /Row\\s+"${semh}"\\s+TD\\s+"([^"]*)"`, 'g')
  const counts = [...pdf.structure.matchAll(row)].map((match) => match[1])
  expect(counts).toEqual(['fewer than 5', 'fewer than 5'])
  expect(pdf.text).not.toMatch(new RegExp(`${semh} 0\\b`))
  // The advisory group sees the count itself.
  const internal = await exportPdf('')
  expect([...internal.structure.matchAll(row)].map((match) => match[1])).toEqual(['1', '1'])
  expect(internal.text).toContain(`${semh} (1 case study)`)
})

test('quotes are the respondent’s own words from the impact section, attributed by title', async () => {
  const internal = await exportPdf('')
  expect(internal.text).toContain(`“${RESPONDENT_WORDS}”`)
  expect(internal.text).not.toContain(MODERATOR_WORDS)
  expect(internal.text).toContain('From the case study “Nurture at lunchtime”')
  expect(internal.text).toContain('“Our deaf pupils now join every PE lesson.”')
  expect(internal.text).toContain('From the case study “PE for deaf pupils” (not published)')
  const publication = await exportPdf('for=publication')
  expect(publication.text).toContain('“Time in mainstream lessons rose across the year.”')
  expect(publication.text).toContain(
    'From the case study “A resource base for autistic pupils” https://inclusion.example.org/library/team-written-resource-base',
  )
  expect(publication.text).not.toContain('A mainstream primary school built a resource base')
  // A suppressed area quotes no one: its one school could be recognised by its words.
  expect(publication.text).not.toContain(RESPONDENT_WORDS)
  expect(publication.text).not.toContain('PE for deaf pupils')
})

test('every number on the gap map has a contrast of at least 4.5:1 with its cell', () => {
  for (const shade of STRENGTH_SHADES) {
    expect(contrastRatio(textColourOn(shade), shade)).toBeGreaterThanOrEqual(MINIMUM_CONTRAST)
  }
  // "gap" is written on white, over hatching, in near-black.
  expect(textColourOn(COLOURS.white)).toBe(COLOURS.text)
  expect(contrastRatio(COLOURS.text, GAP_HATCH)).toBeGreaterThanOrEqual(MINIMUM_CONTRAST)
  expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21)
})
