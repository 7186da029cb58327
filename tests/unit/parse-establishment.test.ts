import { describe, expect, test } from 'vitest'
import { phaseFromGiasPhaseCode } from '../../app/reference/taxonomy'
import { giasColumns } from '../../app/establishments/gias-columns'
import {
  checkGiasHeader,
  parseEstablishmentRow,
} from '../../app/establishments/parse-establishment'

// A complete row as GIAS writes it: every column present, most of them empty.
function giasRow(values: Record<string, string> = {}): Record<string, string> {
  const row: Record<string, string> = Object.fromEntries(giasColumns.map((c) => [c, '']))
  return {
    ...row,
    URN: '990001',
    'LA (code)': '840',
    'LA (name)': 'County Durham',
    EstablishmentNumber: '2001',
    EstablishmentName: 'Oakfield Primary School',
    'TypeOfEstablishment (code)': '1',
    'TypeOfEstablishment (name)': 'Community school',
    'EstablishmentTypeGroup (code)': '4',
    'EstablishmentTypeGroup (name)': 'Local authority maintained schools',
    'EstablishmentStatus (code)': '1',
    'EstablishmentStatus (name)': 'Open',
    OpenDate: '01-09-1974',
    'PhaseOfEducation (code)': '2',
    'PhaseOfEducation (name)': 'Primary',
    StatutoryLowAge: '4',
    StatutoryHighAge: '11',
    NumberOfPupils: '412',
    LastChangedDate: '12-02-2025',
    Street: 'Church Lane',
    Town: 'Heathley',
    Postcode: 'DH1 4QT',
    'GOR (code)': 'A',
    'GOR (name)': 'North East',
    'TypeOfResourcedProvision (name)': 'Not applicable',
    ...values,
  }
}

function reasonFor(values: Record<string, string>): string | undefined {
  const result = parseEstablishmentRow(giasRow(values))
  return result.ok ? undefined : result.reason
}

describe('parseEstablishmentRow', () => {
  test('a complete row becomes an establishment with numbers, ISO dates and nulls for empty columns', () => {
    const result = parseEstablishmentRow(giasRow())
    expect(result).toEqual({
      ok: true,
      establishment: {
        urn: 990001,
        laCode: '840',
        laName: 'County Durham',
        establishmentNumber: '2001',
        name: 'Oakfield Primary School',
        typeCode: 1,
        typeName: 'Community school',
        typeGroupCode: 4,
        typeGroupName: 'Local authority maintained schools',
        statusCode: 1,
        statusName: 'Open',
        phaseCode: 2,
        phaseName: 'Primary',
        statutoryLowAge: 4,
        statutoryHighAge: 11,
        trustUid: null,
        trustName: null,
        ukprn: null,
        street: 'Church Lane',
        locality: null,
        town: 'Heathley',
        county: null,
        postcode: 'DH1 4QT',
        regionCode: 'A',
        regionName: 'North East',
        resourcedProvision: 'Not applicable',
        hasResourcedProvision: false,
        hasSenUnit: false,
        numberOfPupils: 412,
        openDate: '1974-09-01',
        closeDate: null,
        lastChangedDate: '2025-02-12',
      },
    })
  })

  test('values are trimmed and blank values become null', () => {
    const result = parseEstablishmentRow(
      giasRow({ EstablishmentName: '  Oakfield Primary School ', Locality: '   ' }),
    )
    expect(result.ok && result.establishment.name).toBe('Oakfield Primary School')
    expect(result.ok && result.establishment.locality).toBeNull()
  })

  test('a row read by header name does not depend on column order', () => {
    const reversed = Object.fromEntries(Object.entries(giasRow()).reverse())
    expect(parseEstablishmentRow(reversed).ok).toBe(true)
  })

  test('codes written with a leading zero are read as numbers', () => {
    const result = parseEstablishmentRow(giasRow({ 'TypeOfEstablishment (code)': '02' }))
    expect(result.ok && result.establishment.typeCode).toBe(2)
  })

  test('a row without a URN is skipped with a reason naming it', () => {
    expect(reasonFor({ URN: '' })).toBe('URN is missing')
  })

  test('a row whose URN is not a number is skipped with a reason naming it', () => {
    expect(reasonFor({ URN: '12a' })).toBe('URN "12a" is not a whole number')
  })

  test('a URN of zero is skipped because URNs are positive', () => {
    expect(reasonFor({ URN: '0' })).toBe('URN "0" is not a positive whole number')
  })

  test('a row without a name is skipped with a reason naming EstablishmentName', () => {
    expect(reasonFor({ EstablishmentName: ' ' })).toBe('EstablishmentName is missing')
  })

  test('a name longer than 300 characters is skipped', () => {
    expect(reasonFor({ EstablishmentName: 'A'.repeat(301) })).toBe(
      'EstablishmentName is longer than 300 characters (301)',
    )
  })

  test('an LA code that is not three digits is skipped', () => {
    expect(reasonFor({ 'LA (code)': '12' })).toBe('LA (code) "12" is not a 3-digit code')
  })

  test('a date that does not exist is skipped', () => {
    expect(reasonFor({ OpenDate: '31-02-2020' })).toBe(
      'OpenDate "31-02-2020" is not a real date (expected dd-mm-yyyy)',
    )
  })

  test('a date in another format is skipped', () => {
    expect(reasonFor({ CloseDate: '2020-08-31' })).toBe(
      'CloseDate "2020-08-31" is not a real date (expected dd-mm-yyyy)',
    )
  })

  test('29 February is accepted only in a leap year', () => {
    expect(reasonFor({ OpenDate: '29-02-2020' })).toBeUndefined()
    expect(reasonFor({ OpenDate: '29-02-2019' })).toBe(
      'OpenDate "29-02-2019" is not a real date (expected dd-mm-yyyy)',
    )
  })

  test('a status code that is not a number is skipped', () => {
    expect(reasonFor({ 'EstablishmentStatus (code)': 'x' })).toBe(
      'EstablishmentStatus (code) "x" is not a whole number',
    )
  })

  test('a row without a phase code is skipped', () => {
    expect(reasonFor({ 'PhaseOfEducation (code)': '' })).toBe('PhaseOfEducation (code) is missing')
  })

  test('a row without a type code is skipped', () => {
    expect(reasonFor({ 'TypeOfEstablishment (code)': '' })).toBe(
      'TypeOfEstablishment (code) is missing',
    )
  })

  test('ages and pupil numbers may be empty but not words', () => {
    expect(reasonFor({ StatutoryLowAge: '', NumberOfPupils: '' })).toBeUndefined()
    expect(reasonFor({ StatutoryLowAge: 'four' })).toBe(
      'StatutoryLowAge "four" is not a whole number',
    )
    expect(reasonFor({ NumberOfPupils: '12.5' })).toBe(
      'NumberOfPupils "12.5" is not a whole number',
    )
  })

  test.each([
    ['Not applicable', false, false],
    ['Resourced provision', true, false],
    ['SEN unit', false, true],
    ['Resourced provision and SEN unit', true, true],
    ['', false, false],
  ])(
    'TypeOfResourcedProvision "%s" means resourced provision %s and SEN unit %s',
    (value, rp, unit) => {
      const result = parseEstablishmentRow(giasRow({ 'TypeOfResourcedProvision (name)': value }))
      expect(
        result.ok && [result.establishment.hasResourcedProvision, result.establishment.hasSenUnit],
      ).toEqual([rp, unit])
    },
  )
})

describe('phaseFromGiasPhaseCode', () => {
  test.each([
    [0, null],
    [1, 'early-years'],
    [2, 'primary'],
    [3, 'primary'],
    [4, 'secondary'],
    [5, 'secondary'],
    [6, 'post-16'],
    [7, 'all-through'],
    [9, null],
  ])('GIAS phase %i maps to %s', (code, phase) => {
    expect(phaseFromGiasPhaseCode(code)).toBe(phase)
  })

  test('a parsed middle-deemed-secondary school is tagged secondary', () => {
    const result = parseEstablishmentRow(
      giasRow({
        'PhaseOfEducation (code)': '5',
        'PhaseOfEducation (name)': 'Middle deemed secondary',
      }),
    )
    expect(result.ok && phaseFromGiasPhaseCode(result.establishment.phaseCode)).toBe('secondary')
  })
})

describe('checkGiasHeader', () => {
  test('the full GIAS header has every required column', () => {
    expect(checkGiasHeader([...giasColumns])).toEqual([])
  })

  test('a header without URN or LA (code) names both as missing', () => {
    const header = giasColumns.filter((c) => c !== 'URN' && c !== 'LA (code)')
    expect(checkGiasHeader(header)).toEqual(['URN', 'LA (code)'])
  })
})

describe('giasColumns', () => {
  test('lists 140 unique columns from URN to AccreditationExpiryDate, with SEN1 to SEN13', () => {
    expect(giasColumns).toHaveLength(140)
    expect(new Set(giasColumns).size).toBe(140)
    expect(giasColumns[0]).toBe('URN')
    expect(giasColumns.at(-1)).toBe('AccreditationExpiryDate')
    expect(giasColumns.filter((c) => /^SEN\d+ \(name\)$/.test(c))).toHaveLength(13)
  })
})
