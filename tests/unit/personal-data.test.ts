import { describe, expect, test } from 'vitest'
import {
  isValidNhsNumber,
  isValidUln,
  isValidUpn,
  personalDataLabels,
  scanAnswers,
  scanText,
  type PersonalDataKind,
} from '../../app/submissions/personal-data'

const found = (text: string, options?: { allowedPostcodes?: string[] }) =>
  scanText('answer', text, options).map((f) => [f.kind, f.match])

describe('isValidUpn', () => {
  // M80120000500A: positions 2–12 give 80, the final A counts 0, 80 mod 23 = 11, and the
  // twelfth letter of ABCDEFGHJKLMNPQRTUVWXYZ is M.
  test.each([
    ['B801200005001', true, 'the check letter B matches (93 mod 23 = 1)'],
    ['b801200005001', true, 'lower case is read as upper case'],
    ['M80120000500A', true, 'a temporary UPN whose final letter counts in the check'],
    ['A801200005001', false, 'the check letter is wrong'],
    ['N80120000500A', false, 'a temporary UPN with the wrong check letter'],
    ['I801200005001', false, 'I is never used'],
    ['M80120000500S', false, 'S is never used'],
    ['B80120000500', false, 'too short'],
    ['B8012000050011', false, 'too long'],
  ])('%s is %s: %s', (upn, valid) => {
    expect(isValidUpn(upn)).toBe(valid)
  })
})

describe('isValidUln', () => {
  test.each([
    ['9276308686', true, 'the weighted sum leaves 10'],
    ['9276308685', false, 'the last digit is changed'],
    ['0276308688', false, 'it starts with 0, though the weighted sum leaves 10'],
    ['927630868', false, 'only 9 digits'],
    ['92763086860', false, '11 digits'],
    ['927 630 8686', false, 'ULNs are not written in groups'],
  ])('%s is %s: %s', (uln, valid) => {
    expect(isValidUln(uln)).toBe(valid)
  })
})

describe('isValidNhsNumber', () => {
  test.each([
    ['943 476 5870', true, 'written in groups of 3, 3 and 4 with spaces'],
    ['943-476-5870', true, 'written with hyphens'],
    ['9434765870', true, 'written without spaces'],
    ['943 476 5871', false, 'the check digit is wrong'],
    ['943 476-5870', false, 'the separators are mixed'],
    ['9276308686', false, 'a valid ULN can never be a valid NHS number'],
    ...Array.from({ length: 10 }, (_, d) => [`943 476 503${d}`, false, 'the check would be 10']),
  ])('%s is %s: %s', (nhs, valid) => {
    expect(isValidNhsNumber(nhs as string)).toBe(valid)
  })
})

describe('scanText finds personal data', () => {
  test.each<[string, string, [PersonalDataKind, string][]]>([
    ['a UPN', 'Her UPN is B801200005001.', [['upn', 'B801200005001']]],
    ['a temporary UPN', 'temporary UPN M80120000500A', [['upn', 'M80120000500A']]],
    ['a ULN', 'ULN: 9276308686', [['uln', '9276308686']]],
    ['an NHS number with spaces', 'NHS no. 943 476 5870', [['nhs-number', '943 476 5870']]],
    ['an NHS number with hyphens', 'NHS 943-476-5870', [['nhs-number', '943-476-5870']]],
    ['a mobile number', 'Call mum on 07700 900123.', [['phone', '07700 900123']]],
    ['a London number', 'Tel 020 7946 0018', [['phone', '020 7946 0018']]],
    ['an international mobile', 'text +44 7700 900123', [['phone', '+44 7700 900123']]],
    ['a bracketed area code', '(01632) 960001', [['phone', '(01632) 960001']]],
    ['an unspaced mobile', 'on 07700900123', [['phone', '07700900123']]],
    ['a ULN-like number starting 02', 'ULN 0276308688', [['phone', '0276308688']]],
    ['a changed ULN that passes the NHS check', 'ULN 9276308687', [['nhs-number', '9276308687']]],
    ['a personal email', 'Email parent.smith@gmail.com', [['email', 'parent.smith@gmail.com']]],
    ['a postcode', 'She lives at M1 1AE.', [['postcode', 'M1 1AE']]],
    ['a postcode without a space', 'lives in sw1a1aa', [['postcode', 'sw1a1aa']]],
    ['born on a date', 'She was born on 3 March 2016.', [['date-of-birth', '3 March 2016']]],
    ['DOB with a slashed date', 'DOB: 12/03/2015', [['date-of-birth', '12/03/2015']]],
    [
      'D.O.B. with a US-style date',
      'D.O.B. March 12th 2015',
      [['date-of-birth', 'March 12th 2015']],
    ],
    ['date of birth, ISO', 'date of birth 2015-03-12', [['date-of-birth', '2015-03-12']]],
    ['born, short year', 'born 12-3-15', [['date-of-birth', '12-3-15']]],
    ['a pupil called', 'a pupil called Amelia', [['pupil-name', 'Amelia']]],
    ['a pupil named', 'one pupil named Jack said', [['pupil-name', 'Jack']]],
    ['a name after a comma', 'a Year 4 pupil, Oliver, joined', [['pupil-name', 'Oliver']]],
    ['a name in brackets', 'the child (Harry) was', [['pupil-name', 'Harry']]],
    ['our student', 'our student Mia', [['pupil-name', 'Mia']]],
    ['his son', 'his son Leo', [['pupil-name', 'Leo']]],
    ['a first name and surname', 'a boy called Noah Smith', [['pupil-name', 'Noah Smith']]],
    ['an accented name', 'a girl named Zoë', [['pupil-name', 'Zoë']]],
    ['a name and initial', 'the learner Jack B. read', [['pupil-name', 'Jack B.']]],
    ['a name before a year group', 'Amelia, a Year 5 pupil', [['pupil-name', 'Amelia']]],
    ['a name and year in brackets', 'Jack (Year 3) read', [['pupil-name', 'Jack']]],
    ['a name in a year group', 'Then Mia in Year 6 read', [['pupil-name', 'Mia']]],
    ['a full name in Reception', 'Ella McDonald in Reception', [['pupil-name', 'Ella McDonald']]],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('scanText ignores near misses', () => {
  test.each([
    ['an invalid UPN check letter', 'UPN A801200005001'],
    ['an invalid ULN check digit', 'ULN 9276308685'],
    ['an invalid NHS check digit', 'NHS 943 476 5871'],
    ['an NHS number whose check would be 10', 'NHS 943 476 5030'],
    ['a URN after its label', 'URN 100000'],
    ['a bare URN', 'our URN is 137245'],
    ['a school year', 'in 2023 to 2024'],
    ['a percentage', 'attendance rose to 45%'],
    ['a count', '120 pupils'],
    ['a school email', 'Contact senco@oakfield.sch.uk'],
    ['a council email', 'send.team@leeds.gov.uk or nurse@nhs.net'],
    ['a date with no birth cue', 'We started on 1 September 2021.'],
    [
      'a date after a birth cue in an earlier sentence',
      'She was born early. We met on 1 May 2021.',
    ],
    ['a birth cue without a full date', 'born in March 2016'],
    ['an impossible date', 'DOB: 45/13/2015'],
    ['Pupil Premium', 'Pupil Premium funding for pupil Premium Plus'],
    ['pupil voice', 'pupil voice and Pupil Voice surveys'],
    ['the pupil council', 'the pupil Council met'],
    ['titles after a cue', 'the child, Mrs Jones said'],
    ['months and days after a cue', 'pupils September to July, pupils Monday'],
    ['a broad area after a cue', 'child Communication and interaction'],
    ['subjects after a cue', 'pupils English and Maths'],
    ['an anonymised pupil', 'Pupil A in Year 4'],
    ['a plural before a year group', 'Pupils in Year 6 and Children in Reception'],
    ['a year group with an ordinal', 'Y6 2nd term and KS2 3rd place'],
  ])('%s', (_, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('postcodes', () => {
  const text = 'We are at SW1A 1AA and she lives at M1 1AE.'

  test("the school's own postcode is allowed however it is written", () => {
    expect(found(text, { allowedPostcodes: ['sw1a1aa'] })).toEqual([['postcode', 'M1 1AE']])
  })

  test('without the option, every postcode is found', () => {
    expect(found(text)).toEqual([
      ['postcode', 'SW1A 1AA'],
      ['postcode', 'M1 1AE'],
    ])
  })
})

describe('findings', () => {
  test('are never reported twice for the same characters', () => {
    expect(found('NHS 943 476 5870, ULN 9276308686')).toEqual([
      ['nhs-number', '943 476 5870'],
      ['uln', '9276308686'],
    ])
    expect(found('parent.07700900123@gmail.com')).toEqual([
      ['email', 'parent.07700900123@gmail.com'],
    ])
    expect(found('a pupil called Amelia, a Year 5 pupil')).toEqual([['pupil-name', 'Amelia']])
  })

  test('a number that fails the NHS check is not a phone number unless it looks like one', () => {
    expect(found('943 476 5871')).toEqual([])
    expect(found('01632 960 001')).toEqual([['phone', '01632 960 001']])
  })

  test('give the character offset, field and advice', () => {
    const text = 'Amelia (Year 3), UPN B801200005001, born 3 March 2016'
    const findings = scanText('approach', text)
    expect(findings.map((f) => f.kind)).toEqual(['pupil-name', 'upn', 'date-of-birth'])
    for (const f of findings) {
      expect(f.field).toBe('approach')
      expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match)
      expect(f.advice).toMatch(/^(Remove|Replace) the /)
    }
    expect(findings[1]!.advice).toBe(
      "Remove the Unique Pupil Number. Describe the pupil by their year group instead, like 'a Year 8 pupil'.",
    )
  })

  test('every kind has a label', () => {
    expect(personalDataLabels.upn).toBe('Unique Pupil Number')
    expect(Object.values(personalDataLabels).every((label) => label.length > 0)).toBe(true)
  })
})

describe('scanAnswers', () => {
  test('reports in field order, then by position within each field', () => {
    const findings = scanAnswers({
      outcome: 'Mia (Year 2) gave her number 07700 900123',
      context: 'Email mum@example.com or call 020 7946 0018',
      empty: undefined,
      blank: '',
      approach: 'Nothing personal here.',
    })
    expect(findings.map((f) => [f.field, f.kind, f.index])).toEqual([
      ['outcome', 'pupil-name', 0],
      ['outcome', 'phone', 29],
      ['context', 'email', 6],
      ['context', 'phone', 30],
    ])
  })

  test('passes the allowed postcodes on to every field', () => {
    const options = { allowedPostcodes: ['M1 1AE'] }
    expect(scanAnswers({ a: 'M1 1AE', b: 'm11ae and LS1 4AP' }, options)).toMatchObject([
      { field: 'b', kind: 'postcode', match: 'LS1 4AP' },
    ])
  })
})

describe('long answers', () => {
  const length = 200_000
  const fill = (s: string) => s.repeat(Math.ceil(length / s.length)).slice(0, length)

  // No timing assertion: catastrophic backtracking would hang the test rather than fail it.
  test.each([
    ['one long word', fill('a')],
    ['one long number', fill('1')],
    ['dotted letters', fill('a.')],
    ['spaced zeros', fill('0 ')],
    ['at signs', fill('x@')],
    ['capitalised words', fill('Amelia ')],
    ['a digit then spaces', `1${fill(' ')}`],
    ['realistic text', fill('a pupil called Amelia, born 1 May 2015, on 07700 900123. ')],
  ])('%s', (_, text) => {
    expect(Array.isArray(scanText('answer', text))).toBe(true)
  })
})
