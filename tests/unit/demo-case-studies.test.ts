import { expect, test } from 'vitest'

import {
  NEED_VOCABULARY,
  PHASE_VOCABULARY,
  PRACTICE_CONTENT,
  GROUP_ONLY,
  fillTemplate,
  usableTemplates,
} from '../../seeds/data/case-study-content'
import type { NeedCode, PhaseCode, TemplateValues } from '../../seeds/data/case-study-content'
import {
  FICTIONAL_NOTICE,
  buildDemoCaseStudies,
  generateSyntheticCaseStudies,
} from '../../seeds/data/demo-case-studies'
import type { DemoCaseStudy } from '../../seeds/data/demo-case-studies'
import { taxonomyTerms } from '../../app/reference/taxonomy'

// Checked against the taxonomy itself, so content cannot drift from what moderators tag with.
const codesIn = (scheme: string) =>
  taxonomyTerms.filter((t) => t.scheme === scheme).map((t) => t.code)
const PRACTICES = codesIn('practice')
const NEEDS = codesIn('need')
const PHASES = codesIn('phase')
const SETTINGS = codesIn('setting')
const OUTCOMES = codesIn('outcome')
const PRINCIPLES = codesIn('principle')

// Personal data patterns from domain README §3; demo content must never resemble any of them.
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i
const UK_POSTCODE =
  /\b(GIR ?0AA|[A-PR-UWYZ]\d[\dA-HJKSTUW]? ?\d[ABD-HJLNP-UW-Z]{2}|[A-PR-UWYZ][A-HK-Y]\d[\dABEHMNPRVWXY]? ?\d[ABD-HJLNP-UW-Z]{2})\b/i
const UK_PHONE = /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/
const UPN_LIKE = /\b[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]\b/i
const FULL_DATE =
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/i
const TITLED_NAME = /\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+/

const demo = buildDemoCaseStudies()

function textsOf(study: DemoCaseStudy): string[] {
  return [
    study.title,
    study.summary,
    study.challenge,
    study.practice,
    study.impact,
    study.keyFactors,
    study.advice,
    study.costAndResources,
    ...study.keywords,
    ...study.measures.flatMap((m) => [m.measure, m.before, m.after, m.period]),
  ]
}

function countCodes(pick: (s: DemoCaseStudy) => string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const study of demo)
    for (const code of pick(study)) counts.set(code, (counts.get(code) ?? 0) + 1)
  return counts
}

test('buildDemoCaseStudies returns exactly 160 case studies', () => {
  expect(demo).toHaveLength(160)
})

test('buildDemoCaseStudies returns deep-equal output on every call', () => {
  expect(buildDemoCaseStudies()).toEqual(buildDemoCaseStudies())
  expect(buildDemoCaseStudies()).toEqual(demo)
})

test('demo slugs are unique, URL-safe kebab-case and at most 80 characters', () => {
  const slugs = demo.map((s) => s.slug)
  expect(new Set(slugs).size).toBe(slugs.length)
  for (const slug of slugs) {
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(encodeURIComponent(slug)).toBe(slug)
  }
})

test('demo titles are all different', () => {
  expect(new Set(demo.map((s) => s.title)).size).toBe(demo.length)
})

test('every practice code appears in at least 4 demo case studies', () => {
  const counts = countCodes((s) => s.practiceCodes)
  for (const code of PRACTICES) expect(counts.get(code) ?? 0, code).toBeGreaterThanOrEqual(4)
})

test('every need code appears in at least 4 demo case studies', () => {
  const counts = countCodes((s) => s.needCodes)
  for (const code of NEEDS) expect(counts.get(code) ?? 0, code).toBeGreaterThanOrEqual(4)
})

test('demo case studies only use taxonomy codes, within the agreed number per scheme', () => {
  for (const s of demo) {
    expect(s.practiceCodes.length).toBeGreaterThanOrEqual(1)
    expect(s.practiceCodes.length).toBeLessThanOrEqual(3)
    expect(s.needCodes.length).toBeGreaterThanOrEqual(1)
    expect(s.needCodes.length).toBeLessThanOrEqual(3)
    expect(s.phaseCodes.length).toBeGreaterThanOrEqual(1)
    expect(s.phaseCodes.length).toBeLessThanOrEqual(2)
    expect(s.outcomeCodes.length).toBeGreaterThanOrEqual(1)
    expect(s.outcomeCodes.length).toBeLessThanOrEqual(3)
    expect(s.principleCodes.length).toBeGreaterThanOrEqual(1)
    expect(s.principleCodes.length).toBeLessThanOrEqual(2)
    for (const c of s.practiceCodes) expect(PRACTICES).toContain(c)
    for (const c of s.needCodes) expect(NEEDS).toContain(c)
    for (const c of s.phaseCodes) expect(PHASES).toContain(c)
    for (const c of s.outcomeCodes) expect(OUTCOMES).toContain(c)
    for (const c of s.principleCodes) expect(PRINCIPLES).toContain(c)
    expect(SETTINGS).toContain(s.settingCode)
    for (const list of [
      s.practiceCodes,
      s.needCodes,
      s.phaseCodes,
      s.outcomeCodes,
      s.principleCodes,
    ]) {
      expect(new Set(list).size).toBe(list.length)
    }
  }
})

test('trusts and local areas are tagged with their own setting', () => {
  for (const s of demo) {
    if (s.organisationKind === 'trust') expect(s.settingCode).toBe('multi-academy-trust')
    if (s.organisationKind === 'local-area') expect(s.settingCode).toBe('local-area-partnership')
  }
  const mainstream = demo.filter((s) => s.settingCode === 'mainstream-school').length
  expect(mainstream).toBeGreaterThan(demo.length / 2)
})

test('NSA is never tagged on resourced provision or SEN unit case studies', () => {
  for (const s of demo) {
    if (s.practiceCodes.includes('resourced-provision') || s.practiceCodes.includes('sen-unit')) {
      expect(s.needCodes).not.toContain('NSA')
    }
  }
})

test('every summary ends with the fictional notice and is at most 300 characters', () => {
  expect(FICTIONAL_NOTICE).toBe('This is a fictional example created for demonstration.')
  for (const s of demo) {
    expect(s.summary.endsWith(` ${FICTIONAL_NOTICE}`)).toBe(true)
    expect(s.summary.length).toBeLessThanOrEqual(300)
  }
})

test('evidence strength spans 0 to 4, with quantitative measures for 2 to 4 and none for 0', () => {
  const strengths = new Set(demo.map((s) => s.evidenceStrength))
  expect([...strengths].sort()).toEqual([0, 1, 2, 3, 4])
  for (const s of demo) {
    if (s.evidenceStrength === 0) expect(s.measures).toEqual([])
    if (s.evidenceStrength >= 2) {
      expect(s.measures.length).toBeGreaterThan(0)
      for (const m of s.measures) {
        expect(m.before).toMatch(/\d/)
        expect(m.after).toMatch(/\d/)
        expect(m.period).not.toBe('')
      }
    }
  }
})

test('publishedAt is ISO 8601 UTC between 2025-06-01 and 2026-10-31', () => {
  for (const s of demo) {
    expect(s.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(new Date(s.publishedAt).toISOString()).toBe(s.publishedAt)
    expect(s.publishedAt >= '2025-06-01T00:00:00.000Z').toBe(true)
    expect(s.publishedAt <= '2026-10-31T23:59:59.999Z').toBe(true)
  }
})

test('about four in five demo case studies consent to naming the organisation', () => {
  const share = demo.filter((s) => s.consentToName).length / demo.length
  expect(share).toBeGreaterThan(0.7)
  expect(share).toBeLessThan(0.9)
})

test('no demo text contains an email address, UK postcode, phone number or UPN-like string', () => {
  for (const s of demo) {
    for (const text of textsOf(s)) {
      expect(text, s.slug).not.toMatch(EMAIL)
      expect(text, s.slug).not.toMatch(UK_POSTCODE)
      expect(text, s.slug).not.toMatch(UK_PHONE)
      expect(text, s.slug).not.toMatch(UPN_LIKE)
      expect(text, s.slug).not.toMatch(FULL_DATE)
      expect(text, s.slug).not.toMatch(TITLED_NAME)
    }
  }
})

test('the PII patterns used above do catch real-looking identifiers', () => {
  expect('contact head@example.sch.uk').toMatch(EMAIL)
  expect('lives near CR2 6XH').toMatch(UK_POSTCODE)
  expect('ring 01632 960123').toMatch(UK_PHONE)
  expect('UPN B801200005001').toMatch(UPN_LIKE)
  expect('born 14/03/2014').toMatch(FULL_DATE)
  expect('spoke to Mrs Smith').toMatch(TITLED_NAME)
})

test('every content paragraph is 60 to 160 words and fills for every need and phase', () => {
  const sections = ['challenge', 'practice', 'impact', 'keyFactors', 'advice'] as const
  for (const [practice, content] of Object.entries(PRACTICE_CONTENT)) {
    for (const section of sections) {
      const label = `${practice} ${section}`
      expect(usableTemplates(content[section], 'group').length, label).toBeGreaterThanOrEqual(3)
      expect(usableTemplates(content[section], 'school').length, label).toBeGreaterThanOrEqual(1)
    }
    for (const need of Object.keys(NEED_VOCABULARY) as NeedCode[]) {
      for (const phase of Object.keys(PHASE_VOCABULARY) as PhaseCode[]) {
        const n = NEED_VOCABULARY[need]
        const p = PHASE_VOCABULARY[phase]
        const values: TemplateValues = {
          needPupils: n.pupils,
          needShort: n.short,
          needNoun: n.noun,
          needArea: n.area,
          needStrategy: n.strategy,
          needSpecialist: n.specialist,
          yearGroup: p.yearGroups[0] ?? '',
          otherYearGroup: p.yearGroups[1] ?? '',
          entryYear: p.entryYear,
          aPupil: 'a pupil',
          keyStage: p.keyStage,
          teachers: p.teachers,
          transition: p.transition,
          phaseLabel: p.label,
          org: 'the school',
          orgDesc: 'a primary school',
        }
        for (const section of sections) {
          for (const template of usableTemplates(content[section], 'group')) {
            const words = fillTemplate(template, values).split(/\s+/).length
            expect(words, `${practice} ${section}`).toBeGreaterThanOrEqual(60)
            expect(words, `${practice} ${section}`).toBeLessThanOrEqual(160)
          }
        }
        for (const template of [
          ...usableTemplates(content.titles, 'group'),
          ...usableTemplates(content.summaries, 'group'),
          ...usableTemplates(content.costAndResources, 'group'),
        ]) {
          expect(fillTemplate(template, values)).not.toMatch(/[{}[\]]/)
        }
      }
    }
  }
})

test('single schools never get paragraphs written for a trust or local area', () => {
  const groupOnly = Object.values(PRACTICE_CONTENT)
    .flatMap((c) => Object.values(c).filter((v): v is string[] => Array.isArray(v)))
    .flat()
    .filter((t) => t.startsWith(GROUP_ONLY))
    // The longest fixed run of each template identifies it whatever the placeholders hold.
    .map((t) => {
      const runs = t.slice(GROUP_ONLY.length).split(/\{[A-Za-z]+\}/)
      return runs.reduce((a, b) => (b.length > a.length ? b : a), '').slice(0, 40)
    })
  expect(groupOnly.length).toBeGreaterThan(0)
  for (const prefix of groupOnly) expect(prefix.length).toBeGreaterThan(15)
  const schools = [...demo, ...generateSyntheticCaseStudies(2_000, 5)].filter(
    (s) => s.organisationKind === 'school',
  )
  for (const s of schools) {
    const text = textsOf(s).join(' | ')
    expect(text).not.toContain(GROUP_ONLY.trim())
    for (const prefix of groupOnly) expect(text, s.slug).not.toContain(prefix)
  }
})

test('synthetic generator respects the count and gives unique slugs for 20,000 items', () => {
  const items = generateSyntheticCaseStudies(20_000, 7)
  expect(items).toHaveLength(20_000)
  const slugs = new Set(items.map((s) => s.slug))
  expect(slugs.size).toBe(20_000)
  for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  for (const slug of slugs) expect(slug.length).toBeLessThanOrEqual(80)
  expect(generateSyntheticCaseStudies(0, 7)).toEqual([])
  expect(generateSyntheticCaseStudies(3, 7)).toHaveLength(3)
})

test('synthetic generator is deterministic per seed and varies between seeds', () => {
  expect(generateSyntheticCaseStudies(50, 11)).toEqual(generateSyntheticCaseStudies(50, 11))
  expect(generateSyntheticCaseStudies(50, 11)).not.toEqual(generateSyntheticCaseStudies(50, 12))
})

test('synthetic slugs do not collide with demo slugs or across seeds', () => {
  const demoSlugs = new Set(demo.map((s) => s.slug))
  const a = generateSyntheticCaseStudies(2_000, 1)
  const b = generateSyntheticCaseStudies(2_000, 2)
  const all = new Set([...demoSlugs, ...a.map((s) => s.slug), ...b.map((s) => s.slug)])
  expect(all.size).toBe(demoSlugs.size + a.length + b.length)
})

test('synthetic case studies are fictional and free of PII-like strings', () => {
  for (const s of generateSyntheticCaseStudies(2_000, 99)) {
    expect(s.summary.endsWith(FICTIONAL_NOTICE)).toBe(true)
    expect(s.summary.length).toBeLessThanOrEqual(300)
    // ' | ' cannot bridge two fields into one match: the patterns allow one separator at most.
    const text = textsOf(s).join(' | ')
    expect(text).not.toMatch(EMAIL)
    expect(text).not.toMatch(UK_POSTCODE)
    expect(text).not.toMatch(UK_PHONE)
    expect(text).not.toMatch(UPN_LIKE)
  }
})

test('synthetic generator rejects a negative or fractional count', () => {
  expect(() => generateSyntheticCaseStudies(-1, 1)).toThrow(RangeError)
  expect(() => generateSyntheticCaseStudies(1.5, 1)).toThrow(RangeError)
})
