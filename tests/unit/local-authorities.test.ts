import { describe, expect, test } from 'vitest'
import { localAuthorities } from '../../app/reference/local-authorities'
import { regions } from '../../app/reference/regions'

describe('local authorities', () => {
  test('there are 153 local authorities in England', () => {
    expect(localAuthorities).toHaveLength(153)
  })

  test('each region has the number of local authorities the DfE lists', () => {
    const counts = Object.fromEntries(regions.map((r) => [r.name, 0]))
    for (const la of localAuthorities) {
      const region = regions.find((r) => r.code === la.regionCode)
      if (region) counts[region.name] = (counts[region.name] ?? 0) + 1
    }
    expect(counts).toEqual({
      'North East': 12,
      'North West': 24,
      'Yorkshire and the Humber': 15,
      'East Midlands': 10,
      'West Midlands': 14,
      'East of England': 11,
      London: 33,
      'South East': 19,
      'South West': 15,
    })
  })

  test('LA codes, ONS codes and names are each unique', () => {
    for (const key of ['code', 'onsCode', 'name'] as const) {
      expect(new Set(localAuthorities.map((la) => la[key])).size, key).toBe(153)
    }
  })

  test('LA codes are three digits and ONS codes are English area codes', () => {
    expect(localAuthorities.filter((la) => !/^\d{3}$/.test(la.code))).toEqual([])
    expect(localAuthorities.filter((la) => !/^E(06|08|09|10)\d{6}$/.test(la.onsCode))).toEqual([])
  })

  test('Cumbria has been replaced by Cumberland and Westmorland and Furness', () => {
    const codes = localAuthorities.map((la) => la.code)
    expect(codes).not.toContain('909')
    expect(codes).toEqual(expect.arrayContaining(['942', '943']))
  })
})

describe('regions', () => {
  test('there are nine regions with unique codes, ONS codes and slugs', () => {
    expect(regions).toHaveLength(9)
    for (const key of ['code', 'onsCode', 'slug'] as const) {
      expect(new Set(regions.map((r) => r[key])).size, key).toBe(9)
    }
  })

  test('slugs are the region names in lower-case kebab case', () => {
    for (const region of regions) {
      expect(region.slug).toBe(region.name.toLowerCase().replace(/ /g, '-'))
    }
  })
})
