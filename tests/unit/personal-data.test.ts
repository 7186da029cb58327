import { describe, expect, test } from 'vitest'
import {
  findIdentifiers,
  identifierKinds,
  isValidNhsNumber,
  isValidUln,
  isValidUpn,
  personalDataLabels,
  scanAnswers,
  scanText,
  scannerVersion,
  type PersonalDataKind,
} from '../../app/submissions/personal-data'
import { buildDemoCaseStudies } from '../../seeds/data/demo-case-studies'

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
    ['927 630 8686', false, 'the validator takes bare digits; the scanner strips separators'],
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

describe('identifiers in any grouping', () => {
  test.each<[string, string, [PersonalDataKind, string][]]>([
    ['NHS 3-3-4 with en dashes', 'NHS No: 943–476–5870', [['nhs-number', '943–476–5870']]],
    ['NHS 3-7', 'NHS number 943 4765870.', [['nhs-number', '943 4765870']]],
    ['NHS 4-3-3', 'NHS – 9434 765 870', [['nhs-number', '9434 765 870']]],
    ['NHS 2-4-4', '(NHS no. 94 3476 5870)', [['nhs-number', '94 3476 5870']]],
    ['NHS with dots', 'NHS no.943.476.5870', [['nhs-number', '943.476.5870']]],
    ['NHS, every digit dotted', 'NHS 9.4.3.4.7.6.5.8.7.0', [['nhs-number', '9.4.3.4.7.6.5.8.7.0']]],
    ['NHS with spaced dashes', 'NHS 943 - 476 - 5870', [['nhs-number', '943 - 476 - 5870']]],
    ['UPN in fours', 'UPN: B801 2000 0500 1', [['upn', 'B801 2000 0500 1']]],
    ['UPN, letter apart', 'UPN – B 8012 0000 5001', [['upn', 'B 8012 0000 5001']]],
    ['temporary UPN in fours', 'UPN M801-2000-0500-A', [['upn', 'M801-2000-0500-A']]],
    ['ULN 5-5', 'ULN – 92763 08686', [['uln', '92763 08686']]],
    ['ULN 4-3-3', 'ULN: 9276 308 686', [['uln', '9276 308 686']]],
    ['ULN with dots', 'learner number 927.630.8686', [['uln', '927.630.8686']]],
    // A UPN starts with a letter, so a number before it cannot run into it.
    ['UPN after a number', 'In Year 5 B801200005001 joined', [['upn', 'B801200005001']]],
    ['UPN after a hyphenated word', 'starts-b801200005001-a1b2c3', [['upn', 'b801200005001']]],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  test.each([
    ['a wrong NHS check digit, grouped', 'NHS 9434 765 871'],
    ['a wrong UPN check letter, in fours', 'UPN: A801 2000 0500 1'],
    ['a wrong ULN check digit, 5-5', 'ULN 92763 08685'],
    ['a digit before it', 'In 1 943 476 5870'],
    ['a digit just before it', '1943 476 5870'],
    ['a digit after it', 'NHS 943 476 5870 2'],
    ['a digit after it, hyphenated', 'NHS 943-476-5870-2'],
    ['a digit after it, spaced dash', 'NHS 943 476 5870 – 2'],
    ['a letter touching it', 'ref X9434765870 and 9434765870b'],
    ['numbers either side of a full stop', 'Room 943. 476 5870 was used'],
    ['numbers in a list', 'rooms 94, 34, 765 and 870'],
    ['year ranges', 'from 2019-2020 to 2022-2023'],
  ])('%s is not an identifier', (_, text) => {
    expect(findIdentifiers(text)).toEqual([])
    expect(scanText('answer', text).filter((f) => identifierKinds.includes(f.kind))).toEqual([])
  })

  test('findIdentifiers returns only valid identifiers, as scanText finds them', () => {
    const text =
      'Amelia (Year 3), UPN B801 2000 0500 1, NHS 943 476 5871, ULN 92763 08686, born 3/3/2016'
    expect(findIdentifiers(text).map((f) => [f.kind, f.match, f.index])).toEqual([
      ['upn', 'B801 2000 0500 1', 21],
      ['uln', '92763 08686', 61],
    ])
    expect(findIdentifiers(text)).toEqual(
      scanText('', text).filter((f) => identifierKinds.includes(f.kind)),
    )
  })

  test('an identifier inside an email address is still found', () => {
    expect(findIdentifiers('9434765870@example.com').map((f) => f.kind)).toEqual(['nhs-number'])
  })

  test('the scanner has a version and the identifier kinds are listed', () => {
    expect(scannerVersion).toBe(2)
    expect(identifierKinds).toEqual(['upn', 'uln', 'nhs-number'])
  })
})

describe('a full name next to a date', () => {
  test.each<[string, [PersonalDataKind, string][]]>([
    [
      'Jacob Smith (12.03.2015) joined us.',
      [
        ['pupil-name', 'Jacob Smith'],
        ['date-of-birth', '12.03.2015'],
      ],
    ],
    [
      'Jacob Smith, 12/03/2015',
      [
        ['pupil-name', 'Jacob Smith'],
        ['date-of-birth', '12/03/2015'],
      ],
    ],
    [
      'Jacob Smith – 3 March 2015',
      [
        ['pupil-name', 'Jacob Smith'],
        ['date-of-birth', '3 March 2015'],
      ],
    ],
    [
      '12/03/2015 Jacob Smith',
      [
        ['date-of-birth', '12/03/2015'],
        ['pupil-name', 'Jacob Smith'],
      ],
    ],
    [
      'Jacob Smith (DOB 12.03.2015)',
      [
        ['pupil-name', 'Jacob Smith'],
        ['date-of-birth', '12.03.2015'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  test.each([
    ['a date when something happened', 'On 1 September 2021 Jacob Smith joined us.'],
    ['a titled name', 'Mrs Sarah Jones, 12/03/2015'],
    ['a meeting', 'Annual Review, 12/03/2015'],
    ['a term', 'Autumn Term (12.03.2015)'],
    ['one name only', 'Jacob, 12/03/2015'],
    ['an impossible date', 'Jacob Smith, 45/13/2015'],
  ])('not %s', (_, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('staff are adults, not pupils', () => {
  test.each([
    'Miss Jones, a Year 5 teacher, led it.',
    'Mr Patel in Year 6 adapted it.',
    'Dr Green (Year 4) observed.',
    'Our SENCO, Sarah Jones, in Year 3 ran drop-ins.',
    'teacher Amy Clarke (Year 4) trained staff',
    'The headteacher, Tom Brown, in Year 6 assemblies agreed.',
    'Mrs Ahmed from Reception led workshops.',
    'teaching assistant Jo Lee in Year 2 ran it',
    'Mr. Singh (Year 6) and Ms Okafor in Year 1',
    'Sir Ken in Year 3, Dame Judith (Year 4) and Prof Hughes from Year 5',
    'Priya Shah (Year 2 TA) ran groups.',
    'Amy Clarke, a Year 4 teacher, wrote them.',
    'Jenny, our Year 1 TA, noticed it.',
    'teaching assistants Jo Lee and Sam Kerr in Year 2',
    'support staff such as Dan Webb in Year 5',
    "Jacob's mum Sarah (Year 2 parent rep) helped.",
  ])('%s', (text) => {
    expect(found(text)).toEqual([])
  })

  test.each<[string, string]>([
    ['Mrs Smith worked with Jacob in Year 5.', 'Jacob'],
    ['With support from his TA, Tyler in Year 10 completed the week.', 'Tyler'],
    ['A pupil called Amelia and her mum visited.', 'Amelia'],
    ['Jacob, a Year 6 digital leader, spoke.', 'Jacob'],
    ['Jacob, a Year 6 lead learner, spoke.', 'Jacob'],
    ['Freya (Year 6 head girl) spoke.', 'Freya'],
  ])('but a pupil beside them is still found: %s', (text, pupil) => {
    expect(found(text)).toEqual([['pupil-name', pupil]])
  })
})

describe('more ways of naming a pupil', () => {
  test.each<[string, string, [PersonalDataKind, string][]]>([
    ['a name after a year group', 'In Year 6, Jacob found it loud.', [['pupil-name', 'Jacob']]],
    ['an age', 'Reuben, aged 8, was excluded.', [['pupil-name', 'Reuben']]],
    ['an age in brackets', 'Leon (aged 12) types.', [['pupil-name', 'Leon']]],
    ['a sibling', 'her brother Finn', [['pupil-name', 'Finn']]],
    [
      'a list after a plural cue',
      'Two pupils, Sami and Priya, wrote it.',
      [
        ['pupil-name', 'Sami'],
        ['pupil-name', 'Priya'],
      ],
    ],
    [
      'a year group before "called"',
      'A child in Year 3 called Ruby asked.',
      [['pupil-name', 'Ruby']],
    ],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('the published demo case studies', () => {
  // The demo submissions plant personal data on purpose, for moderators to find; the published
  // case studies must have none, or every page of the demo library would be flagged.
  test('produce no findings in any text', () => {
    const findings = buildDemoCaseStudies().flatMap((study) =>
      Object.entries(study).flatMap(([key, value]) => {
        const texts: [string, string][] = []
        const collect = (path: string, v: unknown) => {
          if (typeof v === 'string') texts.push([path, v])
          else if (Array.isArray(v)) v.forEach((item, i) => collect(`${path}[${i}]`, item))
          else if (v && typeof v === 'object')
            for (const [k, item] of Object.entries(v)) collect(`${path}.${k}`, item)
        }
        collect(`${study.slug}.${key}`, value)
        return texts.flatMap(([field, text]) => scanText(field, text))
      }),
    )
    expect(findings.map((f) => [f.field, f.kind, f.match])).toEqual([])
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
    ['dotted digits', fill('1.')],
    ['spaced dashes between digits', fill('1 - ')],
    ['en dashes between digits', fill('1–')],
    ['letters and digits', fill('A123 ')],
    ['names and dates', fill('Jacob Smith 12/03/2015 ')],
    ['titles', fill('Mr ')],
    ['roles', fill('teacher Amy and ')],
    ['staff in year groups', fill('teacher Amy Clarke in Year 6, ')],
    ['lists of pupils', fill('pupils, Amy, ')],
    ['year groups and names', fill('In Year 6, Amy ')],
    ['ages', fill('Amy, aged 7 ')],
  ])('%s', (_, text) => {
    expect(Array.isArray(scanText('answer', text))).toBe(true)
  })
})
