// A table of sentences for measuring the personal-data scanner: hand-written case-study prose
// about pupils with SEND, and sentences generated from a seeded PRNG that carry valid (and nearly
// valid) pupil identifiers in every grouping a school might type them in.
//
// The check characters are computed here from the published rules, not with the scanner's own
// validators, so a wrong validator cannot make its own test data agree with it.

import type { PersonalDataKind } from '../../app/submissions/personal-data'

export type SentenceCategory =
  'upn' | 'uln' | 'nhs-number' | 'near-miss' | 'name-with-date' | 'named-pupil' | 'adult'

export interface ExpectedFinding {
  kind: PersonalDataKind
  match: string
}

export interface Sentence {
  text: string
  /** Findings the scanner should make; for near misses and adults, what it must not. */
  expect: ExpectedFinding[]
  category: SentenceCategory
  /** How an identifier is written, like '3-3-4 spaces', so recall can be given per grouping. */
  grouping?: string
  source: 'hand-written' | 'generated'
}

// ---------------------------------------------------------------------------------------------
// Check characters
// ---------------------------------------------------------------------------------------------

export const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** The check letter for the 12 characters after it: sum of position × value, mod 23. */
export function upnCheckLetter(rest: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) {
    const c = rest[i]!
    sum += (i + 2) * (/\d/.test(c) ? Number(c) : UPN_LETTERS.indexOf(c))
  }
  return UPN_LETTERS[sum % 23]!
}

const weighted = (digits: string) =>
  [...digits].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0)

/** The NHS check digit for nine digits, or null when it would be 10 (never issued). */
export function nhsCheckDigit(nine: string): number | null {
  const check = (11 - (weighted(nine) % 11)) % 11
  return check === 10 ? null : check
}

/** The ULN check digit for nine digits: the weighted total of all ten must leave 10, mod 11. */
export function ulnCheckDigit(nine: string): number | null {
  const check = (10 - (weighted(nine) % 11) + 11) % 11
  return check === 10 ? null : check
}

const nhsValid = (ten: string) => nhsCheckDigit(ten.slice(0, 9)) === Number(ten[9])
const ulnValid = (ten: string) =>
  /^[1-9]/.test(ten) && ulnCheckDigit(ten.slice(0, 9)) === Number(ten[9])

// ---------------------------------------------------------------------------------------------
// Seeded generation
// ---------------------------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number
const int = (random: Random, n: number) => Math.floor(random() * n)
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!
const digits = (random: Random, n: number) =>
  Array.from({ length: n }, () => String(int(random, 10))).join('')

export function randomUpn(random: Random, temporary = false): string {
  // LA code, establishment number, year of allocation, serial; a temporary UPN ends in a letter.
  const body = digits(random, 11) + (temporary ? pick(random, [...UPN_LETTERS]) : digits(random, 1))
  return upnCheckLetter(body) + body
}

export function randomNhsNumber(random: Random): string {
  for (;;) {
    const nine = `${4 + int(random, 6)}${digits(random, 8)}`
    const check = nhsCheckDigit(nine)
    if (check !== null) return nine + check
  }
}

export function randomUln(random: Random): string {
  for (;;) {
    const nine = `${1 + int(random, 9)}${digits(random, 8)}`
    const check = ulnCheckDigit(nine)
    if (check !== null) return nine + check
  }
}

/** The same identifier with a wrong check character that is no valid identifier of any kind. */
export function wrongCheck(id: string, random: Random): string {
  if (/^[A-Z]/.test(id)) {
    const others = [...UPN_LETTERS].filter((l) => l !== id[0])
    return pick(random, others) + id.slice(1)
  }
  const candidates = [...'0123456789']
    .map((d) => id.slice(0, 9) + d)
    .filter((ten) => ten !== id && !nhsValid(ten) && !ulnValid(ten))
  return pick(random, candidates)
}

/** Splits `id` into groups of the given sizes (the last takes the rest) joined by `separator`. */
export function group(id: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = []
  let at = 0
  for (const size of sizes) {
    if (at >= id.length) break
    parts.push(id.slice(at, at + size))
    at += size
  }
  if (at < id.length) parts.push(id.slice(at))
  return parts.join(separator)
}

interface Grouping {
  name: string
  sizes: number[]
  separator: string
  lowerCase?: boolean
}

const TEN_DIGIT_GROUPINGS: Grouping[] = [
  { name: 'no separators', sizes: [10], separator: '' },
  { name: '3-3-4 spaces', sizes: [3, 3, 4], separator: ' ' },
  { name: '3-3-4 hyphens', sizes: [3, 3, 4], separator: '-' },
  { name: '3-3-4 en dashes', sizes: [3, 3, 4], separator: '–' },
  { name: '3-3-4 dots', sizes: [3, 3, 4], separator: '.' },
  { name: '3-3-4 spaced hyphens', sizes: [3, 3, 4], separator: ' - ' },
  { name: '3-3-4 spaced en dashes', sizes: [3, 3, 4], separator: ' – ' },
  { name: '3-7 spaces', sizes: [3, 7], separator: ' ' },
  { name: '4-3-3 spaces', sizes: [4, 3, 3], separator: ' ' },
  { name: '2-4-4 spaces', sizes: [2, 4, 4], separator: ' ' },
  { name: '5-5 spaces', sizes: [5, 5], separator: ' ' },
  { name: '5-5 hyphens', sizes: [5, 5], separator: '-' },
  { name: '2-2-2-2-2 spaces', sizes: [2, 2, 2, 2, 2], separator: ' ' },
  { name: 'every digit dotted', sizes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], separator: '.' },
  { name: 'every digit spaced', sizes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], separator: ' ' },
]

const UPN_GROUPINGS: Grouping[] = [
  { name: 'no separators', sizes: [13], separator: '' },
  { name: 'no separators, lower case', sizes: [13], separator: '', lowerCase: true },
  { name: '4-4-4-1 spaces', sizes: [4, 4, 4, 1], separator: ' ' },
  { name: '1-4-4-4 spaces', sizes: [1, 4, 4, 4], separator: ' ' },
  { name: '1-3-4-2-3 spaces', sizes: [1, 3, 4, 2, 3], separator: ' ' },
  { name: '5-4-4 spaces', sizes: [5, 4, 4], separator: ' ' },
  { name: '4-4-5 hyphens', sizes: [4, 4, 5], separator: '-' },
  { name: '4-4-4-1 dots', sizes: [4, 4, 4, 1], separator: '.' },
  { name: '1-12 en dash', sizes: [1, 12], separator: '–' },
  { name: '4-4-4-1 spaced hyphens', sizes: [4, 4, 4, 1], separator: ' - ' },
]

const PREFIXES: Record<'upn' | 'uln' | 'nhs-number', string[]> = {
  upn: ['UPN: ', 'UPN – ', 'UPN ', 'UPN no. ', 'pupil number ', ''],
  uln: ['ULN – ', 'ULN: ', 'ULN ', 'ULN no. ', 'learner number ', ''],
  'nhs-number': ['NHS no. ', 'NHS No: ', 'NHS number ', 'NHS: ', 'NHS No. ', 'NHS number: ', ''],
}

// `{id}` is the identifier with its prefix. None of these put a digit next to it.
const IDENTIFIER_TEMPLATES = [
  'The referral form listed {id} next to the home address, so we redacted it.',
  '{id} was printed at the top of the one-page profile we used in the first draft.',
  "We had copied the pupil's details ({id}) into the provision map by mistake.",
  'Her record, {id}, came from the census return.',
  'In the draft EHCP the child appears only as {id}.',
  'Reference: {id}.',
  'The speech and language therapy report quoted {id} in its header; we removed it before sharing.',
  'A Year 4 pupil ({id}) joined us in the spring term after a managed move.',
  'Please note {id} – this was on the transition sheet from the infant school.',
  'The tracker row read "{id}" beside the reading age and the attendance figure.',
  'His details were on the front sheet: {id}, with his medical needs underneath.',
  'Before the review we checked {id} against the local authority list.',
]

function identifierSentences(random: Random): Sentence[] {
  const out: Sentence[] = []
  const kinds = [
    ['upn', UPN_GROUPINGS, () => randomUpn(random, random() < 0.2)],
    ['uln', TEN_DIGIT_GROUPINGS, () => randomUln(random)],
    ['nhs-number', TEN_DIGIT_GROUPINGS, () => randomNhsNumber(random)],
  ] as const
  for (const [kind, groupings, make] of kinds) {
    for (const grouping of groupings) {
      // Two valid identifiers per grouping, and one near miss.
      for (let n = 0; n < 3; n++) {
        const valid = make()
        const id = n < 2 ? valid : wrongCheck(valid, random)
        let written = group(id, grouping.sizes, grouping.separator)
        if (grouping.lowerCase) written = written.toLowerCase()
        const prefix = pick(random, PREFIXES[kind])
        const text = pick(random, IDENTIFIER_TEMPLATES).replace('{id}', prefix + written)
        out.push(
          n < 2
            ? {
                text,
                expect: [{ kind, match: written }],
                category: kind,
                grouping: grouping.name,
                source: 'generated',
              }
            : {
                text,
                expect: [],
                category: 'near-miss',
                grouping: `${kind} ${grouping.name}`,
                source: 'generated',
              },
        )
      }
    }
  }
  return out
}

const FIRST_NAMES = [
  'Jacob',
  'Amelia',
  'Oliver',
  'Isla',
  'Mohammed',
  'Aisha',
  'Noah',
  'Freya',
  'Kacper',
  'Zara',
  'Theo',
  'Maryam',
  'Harrison',
  'Poppy',
  'Ibrahim',
]
const SURNAMES = [
  'Smith',
  'Khan',
  'Nowak',
  'Okafor',
  'Williams',
  "O'Neill",
  'Hughes',
  'Patel',
  'McDonald',
  'Clarke-Jones',
  'Evans',
  'Begum',
  'Wright',
]
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November', 'Feb', 'Oct']

const ordinal = (day: number) =>
  day % 10 === 1 && day !== 11
    ? 'st'
    : day % 10 === 2 && day !== 12
      ? 'nd'
      : day % 10 === 3 && day !== 13
        ? 'rd'
        : 'th'

function randomDate(random: Random): string {
  const day = 1 + int(random, 28)
  const month = 1 + int(random, 12)
  const year = 2008 + int(random, 14)
  const pad = (n: number) => String(n).padStart(2, '0')
  return pick(random, [
    `${pad(day)}/${pad(month)}/${year}`,
    `${pad(day)}.${pad(month)}.${year}`,
    `${day}-${month}-${year}`,
    `${day} ${pick(random, MONTHS)} ${year}`,
    `${day}${ordinal(day)} ${pick(random, MONTHS)} ${year}`,
    `${year}-${pad(month)}-${pad(day)}`,
    `${pad(day)}/${pad(month)}/${String(year).slice(2)}`,
  ])
}

// `{name}` and `{date}` stand next to each other with no word for a birth between them.
const NAME_DATE_TEMPLATES = [
  '{name} ({date}) joined our nurture group in the autumn term.',
  'Referral notes: {name}, {date}, autism assessment pending.',
  '{name} – {date} – was the first to try the new sensory room.',
  'The spreadsheet we nearly shared began {date} {name} and listed his targets.',
  'Case notes for {name}, {date}: prefers a visual timetable.',
  'Our first draft named {name} ({date}) in the summary.',
  '{date} – {name} – first session with the occupational therapist.',
  'We found {name}, {date}, in the photo caption and cropped it.',
]

function nameWithDateSentences(random: Random): Sentence[] {
  return Array.from({ length: 24 }, () => {
    const name = `${pick(random, FIRST_NAMES)} ${pick(random, SURNAMES)}`
    const date = randomDate(random)
    return {
      text: pick(random, NAME_DATE_TEMPLATES).replace('{name}', name).replace('{date}', date),
      expect: [
        { kind: 'pupil-name' as const, match: name },
        { kind: 'date-of-birth' as const, match: date },
      ],
      category: 'name-with-date' as const,
      source: 'generated' as const,
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Hand-written sentences
// ---------------------------------------------------------------------------------------------

const name = (match: string): ExpectedFinding => ({ kind: 'pupil-name', match })
const dob = (match: string): ExpectedFinding => ({ kind: 'date-of-birth', match })

const HAND_NAME_WITH_DATE: [string, ExpectedFinding[]][] = [
  [
    'Jacob Smith (12.03.2015) joined our nurture group in the autumn term.',
    [name('Jacob Smith'), dob('12.03.2015')],
  ],
  [
    'Referral notes: Jacob Smith, 12/03/2015, Year 4, autism diagnosis pending.',
    [name('Jacob Smith'), dob('12/03/2015')],
  ],
  [
    'Amelia Hughes – 3 March 2015 – was the first pupil to use the new sensory room.',
    [name('Amelia Hughes'), dob('3 March 2015')],
  ],
  [
    'The spreadsheet row read 12/03/2015 Jacob Smith, which we deleted before sharing.',
    [name('Jacob Smith'), dob('12/03/2015')],
  ],
  [
    'Olivia Patel (04/11/2016) now uses a visual timetable every morning.',
    [name('Olivia Patel'), dob('04/11/2016')],
  ],
  [
    'The photo caption said Noah Williams, 21 June 2014, and had to be cropped.',
    [name('Noah Williams'), dob('21 June 2014')],
  ],
  [
    "Freya O'Connor (DOB 09.09.2015) has an EHCP for communication and interaction needs.",
    [name("Freya O'Connor"), dob('09.09.2015')],
  ],
  [
    'Harvey Clarke-Jones, 2/7/2016, attends the morning speech group.',
    [name('Harvey Clarke-Jones'), dob('2/7/2016')],
  ],
  [
    'Ruby Chen – 15/01/2017 – moved to us from another local authority.',
    [name('Ruby Chen'), dob('15/01/2017')],
  ],
  [
    '1 May 2015 – Leo Martin – first session with the occupational therapist.',
    [name('Leo Martin'), dob('1 May 2015')],
  ],
  [
    'Aisha Begum, born 30/10/2014, uses a communication book at home and school.',
    [name('Aisha Begum'), dob('30/10/2014')],
  ],
  [
    'Our tracker listed Ethan Brown 07.02.2016 alongside his reading age.',
    [name('Ethan Brown'), dob('07.02.2016')],
  ],
  [
    'Mason Taylor (5th April 2015) struggled with unstructured times such as lunch.',
    [name('Mason Taylor'), dob('5th April 2015')],
  ],
  [
    'We anonymised the record for Isla Roberts, 18-08-2016, before the case study was written.',
    [name('Isla Roberts'), dob('18-08-2016')],
  ],
  [
    'Zoë Dubois (11/12/2015) sat with her key adult at lunch for the first half term.',
    [name('Zoë Dubois'), dob('11/12/2015')],
  ],
  [
    'Sophie McKenzie, 2015-06-23, Year 3, dyslexia screening completed.',
    [name('Sophie McKenzie'), dob('2015-06-23')],
  ],
  [
    'Daniel Kowalski – March 12th 2016 – has a part-time timetable.',
    [name('Daniel Kowalski'), dob('March 12th 2016')],
  ],
  [
    '14.02.2016: Lily Evans started her phased transition into Reception.',
    [name('Lily Evans'), dob('14.02.2016')],
  ],
  [
    'The consent form for Thomas Wright (29/02/2016) was signed by his grandmother.',
    [name('Thomas Wright'), dob('29/02/2016')],
  ],
  [
    'Hannah Green, 06/06/2014, is now in Year 6 and mentors younger pupils.',
    [name('Hannah Green'), dob('06/06/2014')],
  ],
]

const HAND_NAMED_PUPILS: [string, ExpectedFinding[]][] = [
  ['A pupil called Amelia struggled with the noise in the dining hall.', [name('Amelia')]],
  ['One boy, Kai, would only enter the classroom after everyone else had sat down.', [name('Kai')]],
  ['Our student Mia now leads the lunchtime Lego club.', [name('Mia')]],
  ['Jack (Year 3) used a wobble cushion during carpet time.', [name('Jack')]],
  ['Then Mia in Year 6 read her poem to the whole school.', [name('Mia')]],
  [
    "Ella McDonald in Reception began to use Makaton signs for 'more' and 'finished'.",
    [name('Ella McDonald')],
  ],
  ['Mrs Smith worked with Jacob in Year 5 on his reading fluency.', [name('Jacob')]],
  ['The girl, Layla, had not spoken in class for two terms.', [name('Layla')]],
  ['Amelia, a Year 5 pupil, chose the colour of the calm corner herself.', [name('Amelia')]],
  ['His son Leo finds transitions between lessons very hard, his father told us.', [name('Leo')]],
  ['A learner named Oscar helped design the visual timetable.', [name('Oscar')]],
  ['Our pupil Charlie Davies (Year 8) now attends every maths lesson.', [name('Charlie Davies')]],
  ['Ruby, a Year 2 pupil with Down syndrome, joined the phonics group.', [name('Ruby')]],
  [
    'We set up a quiet start for a child called Alfie who found the playground overwhelming.',
    [name('Alfie')],
  ],
  ['Grace from Year 4 told the governors what helped her most.', [name('Grace')]],
  ['Noah, in Year 7, now travels independently to school.', [name('Noah')]],
  ['Two pupils, Sami and Priya, co-wrote the new buddy guide.', [name('Sami'), name('Priya')]],
  ['Her daughter Poppy (Year 1) has a diagnosis of autism.', [name('Poppy')]],
  ['A Year 9 student, Kacper, used exam access arrangements for the first time.', [name('Kacper')]],
  ['Evie (Y5) now asks for a movement break when she needs one.', [name('Evie')]],
  ['The boy named Yusuf Ali had a reduced timetable for six weeks.', [name('Yusuf Ali')]],
  ['Harry, our Year 6 pupil with ADHD, took part in the residential.', [name('Harry')]],
  ['With support from his TA, Tyler in Year 10 completed his first full week.', [name('Tyler')]],
  ['Maisie, who is in Year 3, uses a writing slope and pencil grips.', [name('Maisie')]],
  ['A girl called Hana Suzuki asked for a quieter space to eat.', [name('Hana Suzuki')]],
  ['The child (Archie) refused to wear the ear defenders at first.', [name('Archie')]],
  [
    'Pupils chose a name for the sensory garden, and Oliver from Year 2 planted the first bulbs.',
    [name('Oliver')],
  ],
  ['Dylan (Year 11) sat his GCSEs in a small room with a reader.', [name('Dylan')]],
  ['By the summer, pupil Jayden could name three strategies for calming down.', [name('Jayden')]],
  ['The learner Ava B. now types her extended writing.', [name('Ava B.')]],
  ['Reuben, aged 8, had been excluded twice from his previous school.', [name('Reuben')]],
  ['Leon (aged 12) uses a laptop for longer pieces of writing.', [name('Leon')]],
  ['Her brother Finn, also in Year 2, has a hearing impairment.', [name('Finn')]],
  [
    'We noticed that Isaac in Year 1 was lining up toys rather than playing with them.',
    [name('Isaac')],
  ],
  ['For example, Matilda (Year 5) now uses a task planner.', [name('Matilda')]],
  ['The boys, Ahmed and Luca, now share a reading buddy.', [name('Ahmed'), name('Luca')]],
  ['Sienna, now in Year 8, mentors younger pupils with anxiety.', [name('Sienna')]],
  ['One student, Ellie-Mae, created a video about her dyslexia.', [name('Ellie-Mae')]],
  ['The pupil (Theo Jackson) gave permission for his work to be shown.', [name('Theo Jackson')]],
  ['Miss Jones noticed that Kofi in Year 4 hid under the table.', [name('Kofi')]],
]

const HAND_ADULTS: string[] = [
  'Miss Jones, a Year 5 teacher, introduced visual timetables across the year group.',
  'Mr Patel in Year 6 adapted the homework policy for pupils with dyslexia.',
  'Dr Green, the educational psychologist, observed the class twice.',
  'Our SENCO, Sarah Jones, in Year 3 ran weekly drop-ins for parents.',
  'Teacher Amy Clarke (Year 4) trained the other staff in precision teaching.',
  'The headteacher, Tom Brown, agreed to protect the time in the timetable.',
  'Mrs Ahmed from Reception led the parent workshops.',
  'Teaching assistant Jo Lee in Year 2 ran the daily phonics catch-up.',
  'Ms Okafor (Year 1) set up the sensory circuit in the hall.',
  'Mx Taylor in Year 8 co-ordinated the lunchtime club.',
  'Prof Hughes from the local university evaluated the project.',
  'Mr. Singh (Year 6) stayed with the class on the residential.',
  'Our deputy head, Rachel Moore, in Year 5 modelled the approach for new staff.',
  'Class teacher Ben Harris in Year 3 used pre-teaching sessions before each unit.',
  'Amy Clarke, a Year 4 teacher, wrote the new social stories.',
  'Tom Brown, our headteacher, chaired every review meeting.',
  'Priya Shah (Year 2 TA) ran the speech and language groups.',
  'Learning assistant Kelly Price from Year 1 supported the transition.',
  'The school nurse, Joanne Bell, in Reception trained staff on epilepsy care.',
  'Mrs Begum, a Year 6 teacher, adapted the reading texts.',
  'Speech and language therapist Laura King (Year 3) visited weekly.',
  'Our SENDCo, Mark Evans, in Year 7 worked alongside the form tutors.',
  'Governor Helen Ward (Year 5 link governor) met the pupil parliament.',
  'Miss Rahman in Nursery used objects of reference with the whole group.',
  'The mentor, Chris Dale, in Year 9 met each pupil weekly.',
  'LSA Beth Moss in Year 4 kept a daily home-school communication book.',
  'Mum Sarah Jones (Year 2 parent rep) helped write the leaflet.',
  'Deputy head Tom Price, in Year 6, rewrote the behaviour policy.',
  'Assistant head Nadia Rossi from Reception coordinated the early help offer.',
  'Dr. Patel (Year 8 lead) reviewed the provision map each half term.',
  'Mrs Sarah Ahmed from Reception shared her planning with the trust.',
  'Educational psychologist Maria Lopez (Year 5 consultation) suggested the changes.',
  'The class teacher, Emma Wood, in Year 1 kept a sensory diary.',
  'Miss Jones and Mr Patel in Year 6 team-taught the unit.',
  'Head teacher Paul Kerr (Year 6) led the transition meetings.',
  'Dad Tom (Year 4 parent) helped build the sensory garden.',
  'Ms. Wilson, a Reception teacher, used the approach with the whole class.',
  'Dame Judith opened the resource base and spoke to pupils in Year 6.',
  'Sir Kevin Lane, our chair of governors, visited Year 3 lessons.',
  'Our TA, Jo Lee, from Year 2 now runs the lunchtime club.',
  'Social worker Dan Hall (Year 10 reviews) joined each meeting by video.',
  'Mrs Khan, who is in Year 5 this year, shared her resources with us.',
  'Learning mentor Grace Obi in Year 9 ran the anxiety group.',
  'Mr Evans, a Year 11 tutor, arranged the college taster days.',
  'Our SENCO, Miss Amy Hart, from Year 4 moved to the trust team.',
]

// Written after the rules above were tuned on the lists before, to measure them on prose they
// were not fitted to.
const LATER_NAME_WITH_DATE: [string, ExpectedFinding[]][] = [
  ['Pupil: Oliver Grant   DOB: 14/05/2016', [name('Oliver Grant'), dob('14/05/2016')]],
  ['Name: Lucy Fern, D.O.B. 02.09.2013', [name('Lucy Fern'), dob('02.09.2013')]],
  ['Ben Carter 3/4/15 Year 4 – reading age two years below.', [name('Ben Carter'), dob('3/4/15')]],
  [
    'Registered 4 September 2019: Holly Marsh (12.12.2014).',
    [name('Holly Marsh'), dob('12.12.2014')],
  ],
  [
    'Summary for Evie Long – born 6th July 2015 – in Year 5.',
    [name('Evie Long'), dob('6th July 2015')],
  ],
  ['Noah Bell (3 Sept 2014) has a hearing impairment.', [name('Noah Bell'), dob('3 Sept 2014')]],
  ['Poppy Hale 2014-11-30 EHCP review notes attached.', [name('Poppy Hale'), dob('2014-11-30')]],
  [
    'Harry Stone, 30th of June 2015, moved to us in Year 2.',
    [name('Harry Stone'), dob('30th of June 2015')],
  ],
]

const LATER_NAMED_PUPILS: [string, ExpectedFinding[]][] = [
  ['Ayaan (Year 2) began to use his talker to ask for help.', [name('Ayaan')]],
  ['When Lily-Rose in Year 4 joined, she had no spoken language.', [name('Lily-Rose')]],
  [
    'Our nurture group included a boy, Tomasz, who had recently arrived from Poland.',
    [name('Tomasz')],
  ],
  ['In Year 6, Jacob found the noise of the hall too much.', [name('Jacob')]],
  [
    'Freddie, a Reception child with global developmental delay, now joins the class for story time.',
    [name('Freddie')],
  ],
  ["Chloe's anxiety reduced once she had a key adult.", [name('Chloe')]],
  ['Adam (Y9) attends the alternative provision two days a week.', [name('Adam')]],
  ['Sofia, aged 11, now uses a reading pen in exams.', [name('Sofia')]],
  ['Our student, Marcus Lee, completed his work experience with support.', [name('Marcus Lee')]],
  ['Bella from Nursery started using the toilet independently.', [name('Bella')]],
  ["Jamie, who is in Year 9, helped train staff about Tourette's.", [name('Jamie')]],
  ['A child in Year 3 called Ruby asked for a quiet place to eat.', [name('Ruby')]],
  ['Her son, Caleb, was excluded from his last school.', [name('Caleb')]],
  ['Maya (Year 7) uses a time-out card.', [name('Maya')]],
  ['Kieran, in Reception, had a one-page profile written with his family.', [name('Kieran')]],
  ['Last year Oskar in Year 10 got his first GCSE grades.', [name('Oskar')]],
  ['The twins, Ella and Grace, are both autistic.', [name('Ella'), name('Grace')]],
  ['Mohammed told us that the visual timetable helped him.', [name('Mohammed')]],
  ['Layla Ahmed (Year 5) chose her own targets.', [name('Layla Ahmed')]],
  ['Jenny noticed that Toby in Year 1 covered his ears in assembly.', [name('Toby')]],
]

const LATER_ADULTS: string[] = [
  "Mrs O'Brien (Year 3) noticed the change first.",
  'Josh Miller (Year 6 class teacher) set up peer mentoring for the transition.',
  'Our inclusion lead, Fatima Noor, in Year 2 modelled the use of now-and-next boards.',
  'The SENCo, Mrs Lewis, from Year 5 attended every annual review.',
  'Teaching assistants Jo Lee and Sam Kerr in Year 2 shared the interventions.',
  'Ms Adeyemi, who is in Year 1 this year, adapted her phonics lessons.',
  'Nina Brooks (Year 3 teaching assistant) kept the sensory diary.',
  'Adam Reid, our Year 8 form tutor, ran the morning check-ins.',
  'Lucy Hart, a Reception practitioner, used intensive interaction.',
  'Pastoral lead Sam Green (Year 9) met families weekly.',
  'Our SENCO Ruth Mills in Year 1 used a graduated approach.',
  'Tom Fisher, our Year 11 head of year, organised the mock exams.',
  'Trainee teacher Ella Shaw (Year 4) planned the unit.',
  'Support staff such as Dan Webb in Year 5 were trained in de-escalation.',
  'Miss Clarke-Jones (Reception) led the stay-and-play sessions.',
  'Jenny, our Year 1 TA, noticed that he covered his ears.',
  'Family support worker Lisa Grant from Reception visited at home.',
  'Occupational therapist Ben Rees (Year 1 assessments) recommended a wobble cushion.',
  'Mr and Mrs Hussain in Year 6 have run the parent forum for two years.',
  'Kate Holmes, a Year 4 parent, set up the support group.',
]

const HAND_NEAR_MISSES: string[] = [
  'Our URN is 137245 and the school is in a rural town.',
  'The project ran from 2019-2020 to 2022-2023 across three schools.',
  'Attendance rose from 87.5% to 94.2% over the year.',
  'We recorded 1,204 behaviour incidents in 2021 and 612 in 2023.',
  'Call the SENDIASS helpline on 0808 800 5793 for advice.',
  'The EHCP number on the local authority portal is 2023-EH-0457.',
  'Scores went from 12/40 to 31/40 in the reading test.',
  'Rooms 101, 102 and 103 were converted into a resource base.',
  'NHS no. 943 476 5871 was on the form, but it fails the check.',
  'UPN: A801 2000 0500 1 had been typed with the wrong letter.',
  'ULN – 92763 08685 appeared in the college application.',
  'NHS number 943 476 5030 cannot be issued because its check would be 10.',
  'Sessions ran from 9.15 to 10.30 every Tuesday and Thursday.',
  'Between 2018 and 2024 the number of pupils with EHCPs rose from 14 to 39.',
  'The budget was £12,500 in 2022-23 and £14,000 in 2023-24.',
]

function handWritten(): Sentence[] {
  return [
    ...HAND_NAME_WITH_DATE.map(([text, expect]) => ({
      text,
      expect,
      category: 'name-with-date' as const,
      source: 'hand-written' as const,
    })),
    ...LATER_NAME_WITH_DATE.map(([text, expect]) => ({
      text,
      expect,
      category: 'name-with-date' as const,
      source: 'hand-written' as const,
    })),
    ...[...HAND_NAMED_PUPILS, ...LATER_NAMED_PUPILS].map(([text, expect]) => ({
      text,
      expect,
      category: 'named-pupil' as const,
      source: 'hand-written' as const,
    })),
    ...[...HAND_ADULTS, ...LATER_ADULTS].map((text) => ({
      text,
      expect: [],
      category: 'adult' as const,
      source: 'hand-written' as const,
    })),
    ...HAND_NEAR_MISSES.map((text) => ({
      text,
      expect: [],
      category: 'near-miss' as const,
      source: 'hand-written' as const,
    })),
  ]
}

export const SENTENCE_SEED = 20240917

/** The whole table: the same sentences on every call. */
export function personalDataSentences(seed = SENTENCE_SEED): Sentence[] {
  const random = mulberry32(seed)
  return [...handWritten(), ...identifierSentences(random), ...nameWithDateSentences(random)]
}

export const identifierGroupings = {
  upn: UPN_GROUPINGS,
  tenDigits: TEN_DIGIT_GROUPINGS,
  prefixes: PREFIXES,
} as const
