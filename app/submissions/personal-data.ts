// Finds children's personal data in respondents' free text before a case study is submitted.
// Findings are warnings for the respondent and flags for moderators, never a block, so the
// heuristic kinds (dates of birth, pupil names) may over-report; the check-digit kinds may not.

export type PersonalDataKind =
  'upn' | 'uln' | 'nhs-number' | 'date-of-birth' | 'email' | 'phone' | 'postcode' | 'pupil-name'

/** Bumped whenever the rules change, so stored findings from older rules can be rescanned. */
export const scannerVersion = 2

/** The kinds found by check digit: these are never reported unless the check passes. */
export const identifierKinds: readonly PersonalDataKind[] = ['upn', 'uln', 'nhs-number']

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

// Identifiers are written in any grouping: "943 476 5870", "9434-765-870", "943.476.5870",
// "A123 4567 8901 2". Between any two characters there may be one separator (a space, hyphen,
// en dash or dot, or a spaced hyphen or en dash), and the whole run must stand alone: no letter
// or digit touching it, and no further digit one separator away, so numbers from neighbouring
// sentences or a longer run of digits are never stitched into an identifier.
const SEP = String.raw`(?: [-–] |[ .\-–])`
const SEPARATORS = /[ .\-–]/g
const RUN_START = String.raw`(?<![\p{L}\p{N}_])(?<!\d${SEP})`
const RUN_END = String.raw`(?![\p{L}\p{N}_])(?!${SEP}\d)`
// A UPN starts with a letter, which no number before it can run into: only touching is ruled out.
const UPN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])[A-HJ-NP-RT-Z]${SEP}?\d(?:${SEP}?\d){10}${SEP}?[\dA-HJ-NP-RT-Z]${RUN_END}`,
  'giu',
)
const TEN_DIGITS = new RegExp(String.raw`${RUN_START}\d(?:${SEP}?\d){9}${RUN_END}`, 'gu')
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

// Pupil names are a heuristic: a capitalised word straight after a word for a child, just before
// a year group or an age, or a full name next to a date (a register or referral line). The stop
// words are capitalised words that follow those cues in ordinary writing about SEND ("Pupil
// Premium", "pupil Council", "child, Mrs Jones…", "Pupils in Year 6", "Annual Review, 3/5/2024").
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
  Transition Term Autumn Spring Summer Early Help Mr Mrs Ms Miss Mx Dr Sir Dame Prof Professor
  Rev Revd Lady Lord Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
  March April June July August September October November December Jan Feb Mar Apr Jun Jul Aug
  Sep Sept Oct Nov Dec Communication Interaction Cognition Learning Social Emotional Mental Health
  Sensory Physical Speech Language Autism Autistic Dyslexia Looked English Maths Mathematics
  Science Phonics Reading Writing History Geography Art Music Computing French Spanish Drama
  Governor Governors Mentor Nurse Therapist Principal Deputy Coordinator Lead Manager Officer
  Specialist Tutor Mum Dad Primary Secondary Junior Infant Infants College High Centre Hub Base
  Review Reviews Annual Meeting Meetings Inspection Ofsted Report Reports Assessment Training Day
  Days Week Weeks Evening Conference Event Panel Visit Census Deadline Date Dates Version Policy
  Updated Published Issued Christmas Easter Half Holiday Holidays New Local Authority County City
  Borough Notes Note Case Study Studies Draft Minutes Nhs Upn Uln Dob`.split(/\s+/),
)
const NAME = String.raw`\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\d])`
const CUE = String.raw`(?<![\p{L}\d])(?:[Pp]upil|[Ss]tudent|[Cc]hild(?:ren)?|[Ll]earner|[Bb]oy|[Gg]irl|[Ss]on|[Dd]aughter|[Bb]rother|[Ss]ister|[Tt]win|[Ss]ibling)s?`
const JOIN = String.raw`(?:\s{1,3}(?:called|named|known\s+as)\s{1,3}|\s{0,3},\s{1,3}|\s{0,3}\(\s{0,3}|\s{1,3})`
const YEAR_GROUP = String.raw`(?:Year\s?\d{1,2}|Y\d{1,2}|Reception|Nursery)(?![\p{L}\d])`
// "a child in Year 3 called Ruby", "a boy, aged 9, named Sam"
const CUE_DETAIL = String.raw`(?:\s{1,3}(?:in|from)\s{1,3}${YEAR_GROUP}|\s{0,3},?\s{1,3}aged?\s{1,3}\d{1,2})\s{0,3},?\s{1,3}(?:called|named|known\s+as)\s{1,3}`
const NAME_AFTER_CUE = new RegExp(
  String.raw`${CUE}(?:${CUE_DETAIL}|${JOIN})(${NAME})(?: (${NAME}|[A-HJ-Z]\.?(?![\p{L}\d])))?`,
  'gdu',
)
// "Two pupils, Sami and Priya": the names after the first in a list after a plural cue.
const NEXT_IN_LIST = new RegExp(
  String.raw`^(?:\s{0,3},\s{0,3}(?:and\s{1,3})?|\s{1,3}(?:and|&)\s{1,3})(${NAME})`,
  'du',
)
const BEFORE_YEAR = String.raw`\s{0,3},\s{0,3}(?:a|an|our|who\s+is\s+(?:now\s+)?in|(?:now|also|still)\s+in|in|from)\s{1,3}|\s{0,3}\(\s{0,3}|\s{1,3}(?:in|from)\s{1,3}`
const NAME_BEFORE_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(${NAME}) )?(${NAME})(?=(?:${BEFORE_YEAR})${YEAR_GROUP})`,
  'gdu',
)
// "In Year 6, Jacob found the hall too loud."
const NAME_AFTER_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(?:[Ii]n|[Bb]y|[Ff]rom|[Uu]ntil|[Ss]ince)\s{1,3}${YEAR_GROUP}\s{0,3},?\s{1,3}(${NAME})(?: (${NAME}))?`,
  'gdu',
)
const NAME_BEFORE_AGE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(${NAME}) )?(${NAME})(?=(?:\s{0,3}[,(]\s{0,3}|\s{1,3})aged?\s{1,3}\d{1,2}(?![\d.]))`,
  'gdu',
)

// A full name beside a date, in either order, with nothing between but punctuation or a word
// for a birth: "Jacob Smith (12.03.2015)", "Jacob Smith, born 12/03/2015", "12/03/2015 Jacob
// Smith". A date after "on", "since" and the like is when something happened, not a birthday.
const FULL_NAME = String.raw`(${NAME}) (${NAME})`
const NAME_THEN_DATE = new RegExp(
  String.raw`(?<![\p{L}\d'’-])${FULL_NAME}(?:\s{0,3}\(\s{0,3}|\s{0,3}[,:;]\s{1,3}|\s{1,3}[-–—]\s{1,3}|\s{1,3})(?:(?:[Bb]orn(?:\s{1,3}on)?|[Dd]\.?[Oo]\.?[Bb]\.?|[Dd]ate\s{1,3}of\s{1,3}birth)\s{0,3}:?\s{1,3})?$`,
  'du',
)
const DATE_THEN_NAME = new RegExp(
  String.raw`^(?:\s{1,3}|\s{0,3}[,:;)]\s{1,3}|\s{1,3}[-–—]\s{1,3})${FULL_NAME}`,
  'du',
)
const WHEN_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:on|since|from|by|until|till|before|after|at|in|of|dated|between|and|to|for|during)\s{1,3}$`,
  'iu',
)

// Staff, professionals and family are adults: a title before the name, or a role just before or
// just after it ("Miss Jones, a Year 5 teacher", "teacher Amy Clarke (Year 4)", "Priya Shah (Year
// 2 TA)"). A role then a comma only counts when the name is set off by commas ("our SENCO, Sarah
// Jones, in Year 3"): "with support from his TA, Tyler in Year 10…" is about a pupil.
const TITLE = String.raw`(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir|Dame|Prof|Professor|Rev|Revd|Lady|Lord)`
const ROLE_WORDS =
  `headteacher|head teacher|head|teacher|principal|tutor|lecturer|assistant|hlta|lta|ta|lsa|
  senco|sendco|governor|trustee|chair|mentor|nurse|therapist|physiotherapist|salt|psychologist|
  psychiatrist|paediatrician|doctor|gp|worker|parent|mum|mother|dad|father|step-mum|step-dad|carer|
  guardian|grandparent|grandmother|grandfather|grandma|grandpa|grandad|gran|nan|aunt|auntie|uncle|
  lead|manager|co-ordinator|officer|adviser|advisor|consultant|specialist|practitioner|
  colleague|volunteer|supervisor|librarian|coach|instructor|caretaker|administrator|director|ceo|
  counsellor|interpreter|chaplain|headmaster|headmistress|deputy|staff`.split(/\s*\|\s*/)
/** Any case, since "SENCO", "SENCo" and "senco" are all written; a space may be up to three. */
const caseless = (word: string) =>
  word
    .replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)
    .replace(/-/g, '-?')
    .replace(/ /g, String.raw`\s{1,3}`)
const ROLE = String.raw`(?:${ROLE_WORDS.map(caseless).join('|')})[sS]?(?!\s{1,3}(?:[Bb]oy|[Gg]irl|[Ll]earner|[Pp]upil|[Ss]tudent))`
const TITLE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\d])${TITLE}\.?\s{1,3}(?:${NAME}\s{1,3})?$`,
  'u',
)
// A role, then perhaps other names in a list: "teaching assistants Jo Lee and Sam Kerr".
const ROLE_BEFORE = new RegExp(
  String.raw`(?<!\p{L})${ROLE}(?:\s{1,3}(?:such\s{1,3}as|including|like)\s{1,3}|\s{1,3}|\s{0,3}[(:]\s{0,3}|\s{1,3}[-–—]\s{1,3})(?:(?:${NAME} ){0,2}(?:${NAME})(?:\s{0,3},\s{1,3}(?:and\s{1,3})?|\s{1,3}(?:and|&)\s{1,3})){0,3}$`,
  'u',
)
const ROLE_BEFORE_COMMA = new RegExp(String.raw`(?<!\p{L})${ROLE}\s{0,3},\s{1,3}$`, 'iu')
const SET_OFF = /^(?:\s{0,3}[,;:)–—]|\s{1,3}-\s|\.(?:\s|$)|$)/
const QUALIFIER = String.raw`(?:a|an|the|our|school|class|form|deputy|assistant|senior|link|lead|specialist|sen|send|inclusion|pastoral|learning|support|teaching|speech\s+and\s+language|parent|year\s?\d{1,2}|y\d{1,2}|ks\d|key\s+stage\s+\d|reception|nursery|eyfs|early\s+years)`
const ROLE_AFTER = new RegExp(
  String.raw`^\s{0,3}(?:[,(:]|[-–—])?\s{0,3}(?:${QUALIFIER}\s{1,3}){0,4}${ROLE}(?![\p{L}'’])`,
  'iu',
)

/** Whether the name at start–end is an adult's, by a title or role beside it. */
function isAdult(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start)
  const after = text.slice(end, end + 80)
  return (
    TITLE_BEFORE.test(before) ||
    ROLE_BEFORE.test(before) ||
    (ROLE_BEFORE_COMMA.test(before) && SET_OFF.test(after)) ||
    ROLE_AFTER.test(after)
  )
}

function* namesWithDates(text: string): Iterable<Hit> {
  for (const m of text.matchAll(FULL_DATE)) {
    const [date, start] = [m[0], m.index!]
    if (!plausibleDate(date)) continue
    const end = start + date.length
    const from = Math.max(0, start - 60)
    const candidates: [RegExpExecArray | null, number][] = [
      [NAME_THEN_DATE.exec(text.slice(from, start)), from],
      WHEN_BEFORE.test(text.slice(Math.max(0, start - 20), start))
        ? [null, end]
        : [DATE_THEN_NAME.exec(text.slice(end, end + 60)), end],
    ]
    for (const [found, offset] of candidates) {
      if (!found || STOP_WORDS.has(found[1]!) || STOP_WORDS.has(found[2]!)) continue
      const [nameStart, nameEnd] = [offset + found.indices![1]![0], offset + found.indices![2]![1]]
      // The slice may have cut a word in two: "McDonald Smith" is not "Donald Smith".
      if (nameStart > 0 && /[\p{L}\d'’-]/u.test(text[nameStart - 1]!)) continue
      if (isAdult(text, nameStart, nameEnd)) continue
      yield { kind: 'pupil-name', index: nameStart, match: text.slice(nameStart, nameEnd) }
      yield { kind: 'date-of-birth', index: start, match: date }
      break
    }
  }
}

function* pupilNames(text: string): Iterable<Hit> {
  const hit = (start: number, end: number): Hit[] =>
    isAdult(text, start, end)
      ? []
      : [{ kind: 'pupil-name', index: start, match: text.slice(start, end) }]
  for (const m of text.matchAll(NAME_AFTER_CUE)) {
    const [first, second] = [m.indices![1]!, m.indices![2]]
    if (STOP_WORDS.has(m[1]!)) continue
    let end = second && !STOP_WORDS.has(m[2]!) ? second[1] : first[1]
    yield* hit(first[0], end)
    if (!/(?:s|ren)[\s,(]*$/.test(text.slice(m.index!, first[0]))) continue
    for (let n = 0; n < 5; n++) {
      const next = NEXT_IN_LIST.exec(text.slice(end, end + 40))
      if (!next || STOP_WORDS.has(next[1]!)) break
      const [a, b] = next.indices![1]!
      yield* hit(end + a, end + b)
      end += b
    }
  }
  for (const m of text.matchAll(NAME_AFTER_YEAR)) {
    const [first, second] = [m.indices![1]!, m.indices![2]]
    if (STOP_WORDS.has(m[1]!)) continue
    yield* hit(first[0], second && !STOP_WORDS.has(m[2]!) ? second[1] : first[1])
  }
  for (const pattern of [NAME_BEFORE_YEAR, NAME_BEFORE_AGE]) {
    for (const m of text.matchAll(pattern)) {
      const [first, last] = [m.indices![1], m.indices![2]!]
      if (STOP_WORDS.has(m[2]!)) continue
      const start = first && !STOP_WORDS.has(m[1]!) ? first[0] : last[0]
      yield* hit(start, last[1])
    }
  }
}

const stripSeparators = (s: string) => s.replace(SEPARATORS, '')

// The check-digit detectors run first, before anything can claim their characters, so that
// findIdentifiers (which runs only these) always agrees with scanText.
const identifierDetectors: Detector[] = [
  function* upns(text) {
    for (const m of text.matchAll(UPN))
      if (isValidUpn(stripSeparators(m[0]))) yield { kind: 'upn', index: m.index!, match: m[0] }
  },
  function* nhsAndUlnNumbers(text) {
    for (const m of text.matchAll(TEN_DIGITS)) {
      const digits = stripSeparators(m[0])
      if (isValidNhsNumber(digits)) yield { kind: 'nhs-number', index: m.index!, match: m[0] }
      else if (isValidUln(digits)) yield { kind: 'uln', index: m.index!, match: m[0] }
    }
  },
]

const detectors: Detector[] = [
  ...identifierDetectors,
  function* emails(text) {
    for (const m of text.matchAll(EMAIL)) {
      const domain = m[1]!.toLowerCase()
      const work = WORK_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))
      yield { kind: work ? null : 'email', index: m.index!, match: m[0] }
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
  namesWithDates,
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
  pupilNames,
]

const normalisePostcode = (postcode: string) => postcode.replace(/\s/g, '').toUpperCase()

function run(
  detectorsToRun: Detector[],
  field: string,
  text: string,
  options: ScanOptions,
): PersonalDataFinding[] {
  const claimed = new Uint8Array(text.length)
  const findings: PersonalDataFinding[] = []
  for (const detect of detectorsToRun) {
    for (const { kind, index, match } of detect(text, options)) {
      const end = index + match.length
      if (claimed.subarray(index, end).includes(1)) continue
      claimed.fill(1, index, end)
      if (kind) findings.push({ field, kind, match, index, advice: advice[kind] })
    }
  }
  return findings.sort((a, b) => a.index - b.index)
}

/**
 * Detectors run from the most certain kind to the least, and each finding claims its characters,
 * so an NHS number is never also a phone number and a name is never found inside an email.
 */
export function scanText(
  field: string,
  text: string,
  options: ScanOptions = {},
): PersonalDataFinding[] {
  return run(detectors, field, text, options)
}

/**
 * Only the identifiers whose check character is valid (UPN, ULN, NHS number), found by the same
 * detectors scanText runs first, so the two always agree: for any text this equals scanText's
 * findings of those kinds (with an empty field). For a guard on text about to be published.
 */
export function findIdentifiers(text: string): PersonalDataFinding[] {
  return run(identifierDetectors, '', text, {})
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
