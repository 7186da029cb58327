// Finds children's personal data in respondents' free text before a case study is submitted.
// Findings are warnings for the respondent and flags for moderators, never a block, so the
// heuristic kinds (dates of birth, pupil names) may over-report; the check-digit kinds may not.

export type PersonalDataKind =
  'upn' | 'uln' | 'nhs-number' | 'date-of-birth' | 'email' | 'phone' | 'postcode' | 'pupil-name'

export interface PersonalDataFinding {
  field: string
  kind: PersonalDataKind
  match: string
  index: number
  advice: string
}

export interface ScanOptions {
  /** The school's own postcode is public information, not a child's address. */
  allowedPostcodes?: string[]
}

export const personalDataLabels: Record<PersonalDataKind, string> = {
  upn: 'Unique Pupil Number',
  uln: 'Unique Learner Number',
  'nhs-number': 'NHS number',
  'date-of-birth': 'Date of birth',
  email: 'Email address',
  phone: 'Phone number',
  postcode: 'Postcode',
  'pupil-name': "Pupil's name",
}

const byYearGroup = "Describe the pupil by their year group instead, like 'a Year 8 pupil'."
const noContactDetails = 'Do not include contact details for pupils, parents or carers.'

const advice: Record<PersonalDataKind, string> = {
  upn: `Remove the Unique Pupil Number. ${byYearGroup}`,
  uln: `Remove the Unique Learner Number. ${byYearGroup}`,
  'nhs-number': `Remove the NHS number. ${byYearGroup}`,
  'date-of-birth': "Remove the date of birth. Give the pupil's year group instead, like 'Year 2'.",
  email: `Remove the email address. ${noContactDetails}`,
  phone: `Remove the phone number. ${noContactDetails}`,
  postcode: "Remove the postcode. Describe the area in general terms, like 'a rural town'.",
  'pupil-name': "Replace the pupil's name with a description, like 'a Year 4 pupil' or 'Pupil A'.",
}

// I, O and S are never used in UPNs because they look like 1, 0 and 5.
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

export function isValidUpn(s: string): boolean {
  const upn = s.trim().toUpperCase()
  if (!/^[A-HJ-NP-RT-Z]\d{11}[\dA-HJ-NP-RT-Z]$/.test(upn)) return false
  let sum = 0
  for (let p = 2; p <= 13; p++) {
    const c = upn[p - 1]!
    sum += p * (c >= '0' && c <= '9' ? Number(c) : UPN_LETTERS.indexOf(c))
  }
  return upn[0] === UPN_LETTERS[sum % 23]
}

/** Digits weighted 10, 9, 8… from the left, as both the ULN and NHS checks do. */
const weightedSum = (digits: string) =>
  [...digits].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0)

// The ULN total must leave 10 and a valid NHS number's total leaves 0 (mod 11), so no number
// can pass both checks.
export function isValidUln(s: string): boolean {
  const uln = s.trim()
  return /^[1-9]\d{9}$/.test(uln) && weightedSum(uln) % 11 === 10
}

export function isValidNhsNumber(s: string): boolean {
  const m = /^(\d{3})([ -]?)(\d{3})\2(\d{4})$/.exec(s.trim())
  if (!m) return false
  const digits = m[1]! + m[3]! + m[4]!
  const check = 11 - (weightedSum(digits.slice(0, 9)) % 11)
  return check !== 10 && check % 11 === Number(digits[9])
}

// `null` claims the characters without reporting them, so a school's email address is not
// then picked over for phone numbers or names.
type Hit = { kind: PersonalDataKind | null; index: number; match: string }
type Detector = (text: string, options: ScanOptions) => Iterable<Hit>

// Every pattern starts at a word boundary or behind a lookbehind and has bounded repeats, so
// a long run of letters or digits costs linear time rather than backtracking from every offset.
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@([A-Za-z\d-]+(?:\.[A-Za-z\d-]+)+)/g
const WORK_DOMAINS = ['sch.uk', 'gov.uk', 'ac.uk', 'nhs.uk', 'nhs.net']
const UPN = /\b[A-HJ-NP-RT-Z]\d{11}[\dA-HJ-NP-RT-Z]\b/gi
const TEN_DIGITS = /\b\d{3}([ -]?)\d{3}\1\d{4}\b/g
const PHONE = /(?<![\w+/])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(?0)[1-37]\d{1,4}\)?(?:[ -]?\d){5,8}(?!\d)/g
const POSTCODE =
  /\b(?:GIR ?0AA|[A-PR-UWYZ]\d[\dA-HJKSTUW]? ?\d[ABD-HJLNP-UW-Z]{2}|[A-PR-UWYZ][A-HK-Y]\d[\dABEHMNPRVWXY]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`
const FULL_DATE = new RegExp(
  [
    String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b`,
    String.raw`\b${DAY}\s{1,3}(?:of\s{1,3})?(?:${MONTH})\.?,?\s{1,3}\d{4}\b`,
    String.raw`\b(?:${MONTH})\.?\s{1,3}${DAY},?\s{1,3}\d{4}\b`,
  ].join('|'),
  'gi',
)
// A date is only a date of birth when the text says so: flagging every date would flag "we
// started on 1 September 2021", and a year of 2010 or later is as likely a school event. The cue
// must come in the same sentence within 40 characters before; "DOB: 12/03/2015" is a cue too.
const BIRTH_CUE = /\b(?:born|birth|d\.?o\.?b\b)/i
const SENTENCE_BREAK = /(?<=[a-z\d]{2}[.!?])\s|\n/

/** Day and month in range, either way round, so "3/12/15" and "12/3/15" both count. */
function plausibleDate(date: string): boolean {
  const numbers = (date.match(/\d+/g) ?? []).map(Number)
  if (/^\d{4}/.test(date)) numbers.shift()
  else numbers.pop()
  if (numbers.some((n) => n < 1 || n > 31)) return false
  return numbers.length < 2 || Math.min(...numbers) <= 12
}

// Pupil names are a heuristic: a capitalised word straight after a word for a child, or just
// before a year group. The stop words are capitalised words that follow those cues in ordinary
// writing about SEND ("Pupil Premium", "pupil Council", "child, Mrs Jones…", "Pupils in Year 6").
const STOP_WORDS = new Set(
  `A An The This That These Those Then There They He She We It Its His Her Their Our My Your And
  But Or So If When While Who Which What Where With In On At For From To Of By As After Before
  During Also However Although Because Every Each All Any Some Many Most No Not Both Other Others
  Everyone Is Was Were Are Has Had Can Could Would Should Will May Might Must Do Did Does Finally
  Premium Plus Voice Council Parliament Passport Passports Profile Profiles Progress Referral Unit
  Leader Leaders Ambassador Ambassadors Survey Support Services Protection Development Centred
  Record Records Guides Scouts Year Years Reception Nursery Key Stage Class Group Team Staff
  Teacher Teachers Teaching Assistant Assistants Pupil Pupils Child Children Student Students
  Learner Learners Boy Boys Girl Girls Parent Parents Carer Carers Family Families School Schools
  Trust Academy Head Headteacher Senco Sendco Ehcp Send Sen Plan Plans Attendance Behaviour
  Transition Term Autumn Spring Summer Early Help Mr Mrs Ms Miss Mx Dr Sir Monday Tuesday
  Wednesday Thursday Friday Saturday Sunday January February March April June July August
  September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Communication Interaction Cognition Learning Social Emotional Mental Health Sensory Physical
  Speech Language Autism Autistic Dyslexia Looked English Maths Mathematics Science Phonics Reading
  Writing History Geography Art Music Computing French Spanish Drama`.split(/\s+/),
)
const NAME = String.raw`\p{Lu}(?:'\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\d])`
const CUE = String.raw`(?<![\p{L}\d])(?:[Pp]upil|[Ss]tudent|[Cc]hild(?:ren)?|[Ll]earner|[Bb]oy|[Gg]irl|[Ss]on|[Dd]aughter)s?`
const JOIN = String.raw`(?:\s{1,3}(?:called|named|known\s+as)\s{1,3}|\s{0,3},\s{1,3}|\s{0,3}\(\s{0,3}|\s{1,3})`
const NAME_AFTER_CUE = new RegExp(
  String.raw`${CUE}${JOIN}(${NAME})(?: (${NAME}|[A-HJ-Z]\.?(?![\p{L}\d])))?`,
  'gdu',
)
const YEAR_GROUP = String.raw`(?:Year\s?\d{1,2}|Y\d{1,2}|Reception|Nursery)(?![\p{L}\d])`
const BEFORE_YEAR = String.raw`\s{0,3},\s{0,3}(?:a|an|our|who\s+is\s+in)\s{1,3}|\s{0,3}\(\s{0,3}|\s{1,3}(?:in|from)\s{1,3}`
const NAME_BEFORE_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(${NAME}) )?(${NAME})(?=(?:${BEFORE_YEAR})${YEAR_GROUP})`,
  'gdu',
)

const detectors: Detector[] = [
  function* emails(text) {
    for (const m of text.matchAll(EMAIL)) {
      const domain = m[1]!.toLowerCase()
      const work = WORK_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))
      yield { kind: work ? null : 'email', index: m.index!, match: m[0] }
    }
  },
  function* upns(text) {
    for (const m of text.matchAll(UPN))
      if (isValidUpn(m[0])) yield { kind: 'upn', index: m.index!, match: m[0] }
  },
  function* nhsAndUlnNumbers(text) {
    for (const m of text.matchAll(TEN_DIGITS)) {
      if (isValidNhsNumber(m[0])) yield { kind: 'nhs-number', index: m.index!, match: m[0] }
      else if (isValidUln(m[0])) yield { kind: 'uln', index: m.index!, match: m[0] }
    }
  },
  function* datesOfBirth(text) {
    for (const m of text.matchAll(FULL_DATE)) {
      const before = text.slice(Math.max(0, m.index! - 40), m.index!)
      const sentence = before.split(SENTENCE_BREAK).pop() ?? ''
      if (BIRTH_CUE.test(sentence) && plausibleDate(m[0]))
        yield { kind: 'date-of-birth', index: m.index!, match: m[0] }
    }
  },
  function* phones(text) {
    for (const m of text.matchAll(PHONE)) {
      const digits = m[0].replace(/\D/g, '')
      const national = m[0].startsWith('+') ? `0${digits.slice(2).replace(/^0/, '')}` : digits
      if (national.length === 10 || national.length === 11)
        yield { kind: 'phone', index: m.index!, match: m[0] }
    }
  },
  function* postcodes(text, { allowedPostcodes = [] }) {
    const allowed = new Set(allowedPostcodes.map(normalisePostcode))
    for (const m of text.matchAll(POSTCODE)) {
      // "Y6 2nd" and "KS2 3rd" have the shape of a postcode only once case is ignored.
      if (allowed.has(normalisePostcode(m[0])) || /\d(?:st|nd|rd|th)$/.test(m[0])) continue
      yield { kind: 'postcode', index: m.index!, match: m[0] }
    }
  },
  function* pupilNames(text) {
    for (const m of text.matchAll(NAME_AFTER_CUE)) {
      const [first, second] = [m.indices![1]!, m.indices![2]]
      if (STOP_WORDS.has(m[1]!)) continue
      const end = second && !STOP_WORDS.has(m[2]!) ? second[1] : first[1]
      yield { kind: 'pupil-name', index: first[0], match: text.slice(first[0], end) }
    }
    for (const m of text.matchAll(NAME_BEFORE_YEAR)) {
      const [first, last] = [m.indices![1], m.indices![2]!]
      if (STOP_WORDS.has(m[2]!)) continue
      const start = first && !STOP_WORDS.has(m[1]!) ? first[0] : last[0]
      yield { kind: 'pupil-name', index: start, match: text.slice(start, last[1]) }
    }
  },
]

const normalisePostcode = (postcode: string) => postcode.replace(/\s/g, '').toUpperCase()

/**
 * Detectors run from the most certain kind to the least, and each finding claims its characters,
 * so an NHS number is never also a phone number and a name is never found inside an email.
 */
export function scanText(
  field: string,
  text: string,
  options: ScanOptions = {},
): PersonalDataFinding[] {
  const claimed = new Uint8Array(text.length)
  const findings: PersonalDataFinding[] = []
  for (const detect of detectors) {
    for (const { kind, index, match } of detect(text, options)) {
      const end = index + match.length
      if (claimed.subarray(index, end).includes(1)) continue
      claimed.fill(1, index, end)
      if (kind) findings.push({ field, kind, match, index, advice: advice[kind] })
    }
  }
  return findings.sort((a, b) => a.index - b.index)
}

/** Findings for every answer, in the order the fields are given, then by position. */
export function scanAnswers(
  fields: Record<string, string | undefined>,
  options: ScanOptions = {},
): PersonalDataFinding[] {
  return Object.entries(fields).flatMap(([field, text]) =>
    text ? scanText(field, text, options) : [],
  )
}
