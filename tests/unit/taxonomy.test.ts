import { describe, expect, test } from 'vitest'
import {
  evidenceStrengthLevels,
  taxonomySchemes,
  taxonomyTerms,
  type SchemeCode,
} from '../../app/reference/taxonomy'

const codesIn = (scheme: SchemeCode) =>
  taxonomyTerms.filter((t) => t.scheme === scheme).map((t) => t.code)

describe('taxonomy', () => {
  test('every term belongs to a declared scheme', () => {
    const schemes = new Set(taxonomySchemes.map((s) => s.code))
    expect(taxonomyTerms.filter((t) => !schemes.has(t.scheme))).toEqual([])
  })

  test('codes are unique within each scheme', () => {
    for (const scheme of taxonomySchemes) {
      const codes = codesIn(scheme.code)
      expect(new Set(codes).size, scheme.code).toBe(codes.length)
    }
  })

  test('every scheme has at least one term and every term has a label and description', () => {
    for (const scheme of taxonomySchemes)
      expect(codesIn(scheme.code).length, scheme.code).toBeGreaterThan(0)
    expect(taxonomyTerms.filter((t) => !t.label.trim() || !t.description.trim())).toEqual([])
  })

  test('there are exactly the 14 census need codes', () => {
    expect(codesIn('need')).toEqual([
      'SPLD',
      'MLD',
      'SLD',
      'PMLD',
      'SEMH',
      'SLCN',
      'HI',
      'VI',
      'MSI',
      'PD',
      'ASD',
      'OTH',
      'NSA',
      'DS',
    ])
  })

  test('every need has a parent that is an area of need', () => {
    const areas = new Set(codesIn('need_area'))
    const needs = taxonomyTerms.filter((t) => t.scheme === 'need')
    expect(needs.filter((n) => n.parent === null || !areas.has(n.parent))).toEqual([])
  })

  test('needs sit under the Code of Practice area the DfE places them in', () => {
    const parentOf = (code: string) =>
      taxonomyTerms.find((t) => t.scheme === 'need' && t.code === code)?.parent
    expect(['SLCN', 'ASD'].map(parentOf)).toEqual([
      'communication-interaction',
      'communication-interaction',
    ])
    expect(['SPLD', 'MLD', 'SLD', 'PMLD'].map(parentOf)).toEqual(
      Array(4).fill('cognition-learning'),
    )
    expect(parentOf('SEMH')).toBe('semh')
    expect(['HI', 'VI', 'MSI', 'PD'].map(parentOf)).toEqual(Array(4).fill('sensory-physical'))
    expect(['OTH', 'NSA', 'DS'].map(parentOf)).toEqual(Array(3).fill('other-needs'))
  })

  test('only needs have parents', () => {
    expect(taxonomyTerms.filter((t) => t.scheme !== 'need' && t.parent !== null)).toEqual([])
  })

  test('there are 17 practice categories', () => {
    expect(codesIn('practice')).toHaveLength(17)
  })

  test('there are five principles of promising practice', () => {
    expect(codesIn('principle')).toHaveLength(5)
  })

  test('evidence strength runs from 0 to 4 in order', () => {
    expect(evidenceStrengthLevels.map((l) => l.value)).toEqual([0, 1, 2, 3, 4])
    expect(evidenceStrengthLevels[4]?.label).toBe('Comparison-group evaluation')
  })
})

test('the literal code lists used by seed content match the taxonomy exactly', async () => {
  const codes = await import('../../app/reference/taxonomy-codes')
  const { taxonomyTerms } = await import('../../app/reference/taxonomy')
  const codesOf = (scheme: string) =>
    taxonomyTerms.filter((t) => t.scheme === scheme).map((t) => t.code)
  expect(codesOf('need')).toEqual([...codes.NEED_CODES])
  expect(codesOf('practice')).toEqual([...codes.PRACTICE_CODES])
  expect(codesOf('phase')).toEqual([...codes.PHASE_CODES])
  expect(codesOf('setting')).toEqual([...codes.SETTING_CODES])
  expect(codesOf('outcome')).toEqual([...codes.OUTCOME_CODES])
  expect(codesOf('principle')).toEqual([...codes.PRINCIPLE_CODES])
})
