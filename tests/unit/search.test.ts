import { expect, test } from 'vitest'
import { splitHighlights } from '../../app/library/search.server'
import { safeRedirectPath } from '../../app/utils/responses.server'
import { toCaseStudyDocument } from '../../search/documents'
import { caseStudySettings, toMeilisearchSynonyms } from '../../search/index-settings'

test('synonym groups become two-way Meilisearch synonyms', () => {
  const synonyms = toMeilisearchSynonyms([['autism', 'ASD', 'autistic']])
  expect(synonyms.asd).toEqual(['autism', 'autistic'])
  expect(synonyms.autism).toEqual(['asd', 'autistic'])
})

test('the SEND abbreviations people type find their long forms', () => {
  const synonyms = caseStudySettings.synonyms!
  expect(synonyms.asd).toContain('autism')
  expect(synonyms.semh).toContain('social emotional and mental health')
  expect(synonyms.salt).toContain('speech and language therapy')
  expect(synonyms.ehcp).toContain('education health and care plan')
  expect(synonyms['resource base']).toContain('sen unit')
})

test('highlighted search text is split into runs, so markup in a case study is never trusted as HTML', () => {
  const runs = splitHighlights('<script>alert(1)</script> and \u0002autistic\u0003 pupils')
  expect(runs).toEqual([
    { text: '<script>alert(1)</script> and ', highlighted: false },
    { text: 'autistic', highlighted: true },
    { text: ' pupils', highlighted: false },
  ])
})

test('only same-site paths are followed after sign-in', () => {
  expect(safeRedirectPath('/moderate?tab=submitted')).toBe('/moderate?tab=submitted')
  expect(safeRedirectPath('https://evil.example/')).toBe('/')
  expect(safeRedirectPath('//evil.example/')).toBe('/')
  expect(safeRedirectPath('/\\evil.example')).toBe('/')
  expect(safeRedirectPath(null, '/account')).toBe('/account')
})

const row = {
  id: '5f0c1c52-7c5e-4b43-9d0e-0d6f1c3b2a10',
  slug: 'a-case',
  title: 'A case',
  summary: 'Summary',
  challenge: 'c',
  practice: 'p',
  impact: 'i',
  key_factors: 'k',
  advice: 'a',
  cost_and_resources: 'money',
  measures: [],
  keywords: ['k1'],
  organisation_kind: 'school',
  organisation_name: 'Named School',
  organisation_named: false,
  la_code: '201',
  la_name: 'City of London',
  region_code: 'H',
  evidence_strength: 3,
  is_fictional: true,
  published_at: new Date('2026-01-01T00:00:00Z'),
  updated_at: new Date('2026-01-01T00:00:00Z'),
  tags: [
    {
      scheme: 'need',
      code: 'ASD',
      label: 'Autistic spectrum disorder',
      parentCode: 'communication-interaction',
      parentLabel: 'Communication and interaction',
    },
    {
      scheme: 'practice',
      code: 'sen-unit',
      label: 'SEN unit',
      parentCode: null,
      parentLabel: null,
    },
  ],
}

test('an organisation that did not consent is not named in the search document', () => {
  const doc = toCaseStudyDocument(row)
  expect(doc.organisationName).toBeNull()
  expect(JSON.stringify(doc)).not.toContain('Named School')
  expect(toCaseStudyDocument({ ...row, organisation_named: true }).organisationName).toBe(
    'Named School',
  )
})

test('the search document carries codes and labels, broad areas derived from need codes, and a content hash that follows the content', () => {
  const doc = toCaseStudyDocument(row)
  expect(doc).toMatchObject({
    needs: ['ASD'],
    needAreas: ['communication-interaction'],
    practices: ['sen-unit'],
    region: 'H',
    regionName: 'London',
    publishedAt: 1767225600,
  })
  expect(toCaseStudyDocument({ ...row, title: 'Another' }).contentHash).not.toBe(doc.contentHash)
  expect(toCaseStudyDocument({ ...row }).contentHash).toBe(doc.contentHash)
})

test('CSV cells that a spreadsheet would run as a formula are neutralised', async () => {
  const { neutraliseFormula, toCsv } = await import('../../app/utils/csv.server')
  for (const hostile of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) {
    expect(neutraliseFormula(hostile).startsWith("'")).toBe(true)
  }
  expect(neutraliseFormula('Plain text')).toBe('Plain text')
  expect(toCsv(['a', 'b'], [['x, "quoted"', '=1']])).toBe('\uFEFFa,b\r\n"x, ""quoted""",\'=1\r\n')
})

test('a page of "schools like mine" results is cut from the tiers laid end to end', async () => {
  const { pageSlices } = await import('../../app/library/search.server')
  expect(pageSlices([3, 40, 100], 1, 20)).toEqual([
    { tier: 0, offset: 0, limit: 3 },
    { tier: 1, offset: 0, limit: 17 },
  ])
  expect(pageSlices([3, 40, 100], 3, 20)).toEqual([
    { tier: 1, offset: 37, limit: 3 },
    { tier: 2, offset: 0, limit: 17 },
  ])
  expect(pageSlices([3, 40, 100], 9, 20)).toEqual([])
  expect(pageSlices([0, 0, 5], 1, 20)).toEqual([{ tier: 2, offset: 0, limit: 5 }])
})
