// Writes seeds/data/schools-register-sample.csv: 640 FICTIONAL establishments
// in the exact shape of the GIAS edubasealldata download (same columns, CRLF,
// RFC 4180 quoting, Windows-1252), so the real importer can be exercised
// without shipping or downloading the 60 MB register.
//
// Every name, address, phone number and identifier is invented. URNs run from
// 990001: real URNs are still far below 200000, so a 99xxxx URN can never be
// mistaken for (or collide with) a real school. Head teachers' names are left
// empty because the platform has no use for staff personal data.
//
// Deterministic: the same seed always gives a byte-identical file.
//   npx tsx seeds/cli/generate-schools-sample.ts

import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { localAuthorities, type LocalAuthority } from '../../app/reference/local-authorities'
import { regions, type RegionCode } from '../../app/reference/regions'
import { giasColumns } from '../../app/establishments/gias-columns'

const seed = 20250315
const firstUrn = 990001
const outputPath = fileURLToPath(new URL('../data/schools-register-sample.csv', import.meta.url))

// ---------------------------------------------------------------- randomness

function mulberry32(initial: number): () => number {
  let state = initial >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = mulberry32(seed)
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
const chance = (p: number): boolean => random() < p

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function weighted<T>(options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [value, weight] of options) {
    roll -= weight
    if (roll < 0) return value
  }
  return options[options.length - 1]![0]
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const giasDate = (year: number, month: number, day: number): string =>
  `${pad(day)}-${pad(month)}-${year}`
const randomDate = (fromYear: number, toYear: number): string =>
  giasDate(int(fromYear, toYear), int(1, 12), int(1, 28))

// ---------------------------------------------------------- reference values

interface EstablishmentType {
  code: number
  name: string
  groupCode: 1 | 4 | 5 | 10 | 11
  count: number
  kind: 'mainstream' | 'church' | 'free' | 'special' | 'pru' | 'nursery' | 'sixth-form'
  academy: boolean
}

const typeGroupNames = {
  1: 'Colleges',
  4: 'Local authority maintained schools',
  5: 'Special schools',
  10: 'Academies',
  11: 'Free Schools',
} as const

// Counts add up to 640 and roughly follow the national mix of state schools.
// prettier-ignore
const establishmentTypes: EstablishmentType[] = [
  { code: 1, name: 'Community school', groupCode: 4, count: 170, kind: 'mainstream', academy: false },
  { code: 2, name: 'Voluntary aided school', groupCode: 4, count: 45, kind: 'church', academy: false },
  { code: 3, name: 'Voluntary controlled school', groupCode: 4, count: 35, kind: 'church', academy: false },
  { code: 5, name: 'Foundation school', groupCode: 4, count: 25, kind: 'mainstream', academy: false },
  { code: 34, name: 'Academy converter', groupCode: 10, count: 200, kind: 'mainstream', academy: true },
  { code: 28, name: 'Academy sponsor led', groupCode: 10, count: 80, kind: 'mainstream', academy: true },
  { code: 35, name: 'Free schools', groupCode: 11, count: 30, kind: 'free', academy: true },
  { code: 44, name: 'Academy special converter', groupCode: 10, count: 12, kind: 'special', academy: true },
  { code: 7, name: 'Community special school', groupCode: 5, count: 14, kind: 'special', academy: false },
  { code: 14, name: 'Pupil referral unit', groupCode: 4, count: 12, kind: 'pru', academy: false },
  { code: 15, name: 'Local authority nursery school', groupCode: 4, count: 12, kind: 'nursery', academy: false },
  { code: 31, name: 'Sixth form centres', groupCode: 1, count: 5, kind: 'sixth-form', academy: false },
]

const phaseNames: Record<number, string> = {
  0: 'Not applicable',
  1: 'Nursery',
  2: 'Primary',
  3: 'Middle deemed primary',
  4: 'Secondary',
  5: 'Middle deemed secondary',
  6: '16 plus',
  7: 'All-through',
}

const senProvisionNames = [
  'SpLD - Specific Learning Difficulty',
  'MLD - Moderate Learning Difficulty',
  'SLD - Severe Learning Difficulty',
  'PMLD - Profound and Multiple Learning Difficulty',
  'SEMH - Social, Emotional and Mental Health',
  'SLCN - Speech, language and Communication',
  'HI - Hearing Impairment',
  'VI - Visual Impairment',
  'MSI - Multi-Sensory Impairment',
  'PD - Physical Disability',
  'ASD - Autistic Spectrum Disorder',
  'OTH - Other Difficulty/Disability',
] as const

// Most resource bases in England are for autism or speech and language needs.
const senProvisionWeights: Record<(typeof senProvisionNames)[number], number> = {
  'SpLD - Specific Learning Difficulty': 3,
  'MLD - Moderate Learning Difficulty': 5,
  'SLD - Severe Learning Difficulty': 2,
  'PMLD - Profound and Multiple Learning Difficulty': 1,
  'SEMH - Social, Emotional and Mental Health': 5,
  'SLCN - Speech, language and Communication': 8,
  'HI - Hearing Impairment': 4,
  'VI - Visual Impairment': 2,
  'MSI - Multi-Sensory Impairment': 1,
  'PD - Physical Disability': 3,
  'ASD - Autistic Spectrum Disorder': 12,
  'OTH - Other Difficulty/Disability': 1,
}

// Postcode areas that belong to each region, so addresses look local.
const postcodeAreas: Record<RegionCode, string[]> = {
  A: ['NE', 'DH', 'SR', 'TS', 'DL'],
  B: ['M', 'L', 'BL', 'WN', 'PR', 'CA', 'LA', 'CH', 'WA', 'OL', 'SK', 'BB', 'FY'],
  D: ['LS', 'BD', 'HD', 'HX', 'S', 'DN', 'HU', 'YO', 'WF'],
  E: ['DE', 'NG', 'LE', 'LN', 'NN'],
  F: ['B', 'CV', 'DY', 'WV', 'WS', 'ST', 'TF', 'WR', 'HR', 'SY'],
  G: ['CB', 'CM', 'SS', 'CO', 'IP', 'NR', 'LU', 'SG', 'AL', 'PE'],
  H: ['E', 'N', 'SE', 'SW', 'W', 'NW', 'BR', 'CR', 'HA', 'IG', 'RM', 'TW', 'UB', 'EN'],
  J: ['RG', 'SL', 'GU', 'PO', 'SO', 'BN', 'TN', 'ME', 'CT', 'OX', 'HP', 'MK', 'RH'],
  K: ['BS', 'BA', 'EX', 'PL', 'TR', 'TQ', 'TA', 'GL', 'SN', 'BH', 'DT'],
}

// Ofcom sets these ranges aside for fiction, so no number here rings anyone.
const dramaPhonePrefixes: Record<RegionCode, string> = {
  A: '01914980',
  B: '01614960',
  D: '01134960',
  E: '01154960',
  F: '01214960',
  G: '01632960',
  H: '02079460',
  J: '01184960',
  K: '01174960',
}

// Approximate British National Grid centre of each region, for Easting/Northing.
const regionCentres: Record<RegionCode, [number, number, number]> = {
  A: [425000, 570000, 25000],
  B: [360000, 440000, 30000],
  D: [440000, 440000, 30000],
  E: [470000, 330000, 30000],
  F: [390000, 285000, 30000],
  G: [560000, 260000, 35000],
  H: [530000, 180000, 12000],
  J: [480000, 140000, 40000],
  K: [320000, 100000, 45000],
}

const dioceses: Record<RegionCode, { ce: string; rc: string }> = {
  A: { ce: 'Diocese of Durham', rc: 'Diocese of Hexham and Newcastle' },
  B: { ce: 'Diocese of Manchester', rc: 'Archdiocese of Liverpool' },
  D: { ce: 'Diocese of Leeds', rc: 'Diocese of Hallam' },
  E: { ce: 'Diocese of Southwell and Nottingham', rc: 'Diocese of Nottingham' },
  F: { ce: 'Diocese of Lichfield', rc: 'Archdiocese of Birmingham' },
  G: { ce: 'Diocese of Chelmsford', rc: 'Diocese of Brentwood' },
  H: { ce: 'Diocese of London', rc: 'Archdiocese of Westminster' },
  J: { ce: 'Diocese of Oxford', rc: 'Diocese of Portsmouth' },
  K: { ce: 'Diocese of Exeter', rc: 'Diocese of Plymouth' },
}

// Grouped by region so each trust sounds as if it belongs where its schools are.
const trustNames: Record<RegionCode, string[]> = {
  A: [
    'Northern Lights Learning Trust',
    'Tyne and Wear Valley Academies',
    'Cheviot Hills Education Trust',
  ],
  B: [
    'Pennine Ridge Learning Partnership',
    'Mersey Estuary Schools Trust',
    'Red Rose Academies Trust',
    'Lakeland Fells Education Trust',
  ],
  D: ['White Rose Horizons Trust', 'Humber Bridge Learning Trust', 'Dales and Moors Academies'],
  E: [
    'Sherwood Oaks Learning Trust',
    'Trent Meadows Academy Trust',
    'Wolds Edge Education Partnership',
  ],
  F: ['Heart of Mercia Learning Trust', 'Severn Crossings Academies', 'Black Country Beacon Trust'],
  G: [
    'Fenland Skies Education Trust',
    'Broadland Horizons Trust',
    'Chiltern Gateway Learning Trust',
  ],
  H: [
    'Thames Bankside Learning Trust',
    'Capital Compass Academies',
    'Riverlight Schools Partnership',
    'Five Bridges Education Trust',
  ],
  J: [
    'Downland Chalk Learning Trust',
    'Solent Shore Academies',
    'Weald and Orchard Trust',
    'Ridgeway Valley Education Trust',
  ],
  K: [
    'Tamar Estuary Learning Trust',
    'Cotswold Stone Academies',
    'Jurassic Coast Education Trust',
    'Mendip Springs Trust',
  ],
}

// prettier-ignore
const placeStarts = [
  'Oak', 'Ash', 'Elm', 'Birch', 'Willow', 'River', 'Brook', 'Meadow', 'Hollin', 'Kings', 'Queens',
  'North', 'South', 'East', 'West', 'High', 'Long', 'Green', 'Fern', 'Heath', 'Moor', 'Hazel',
  'Thorn', 'Holly', 'Lark', 'Wren', 'Stone', 'Mill', 'Church', 'Castle', 'Bridge', 'Cherry',
  'Beech', 'Maple', 'Rowan', 'Alder', 'Bramble', 'Fox', 'Badger', 'Sandy',
]
// prettier-ignore
const placeEnds = [
  'field', 'side', 'gate', 'wood', 'ley', 'brook', 'hill', 'dale', 'ford', 'bank', 'lands', 'mead',
  'croft', 'hurst', 'wick', 'ton', 'by', 'thorpe', 'well', 'view',
]
const townEnds = ['bury', 'ford', 'ton', 'by', 'ham', 'wick', 'thorpe', 'minster', 'borough', 'ley']
// prettier-ignore
const saints = [
  'Aidan', 'Mary', 'John', 'Peter', 'Paul', 'Andrew', 'Hilda', 'Cuthbert', 'Bede', 'Oswald', 'Chad',
  'Wilfrid', 'Edmund', 'Thomas', 'Margaret', 'Anne', 'Joseph', 'Patrick', 'Bernadette', 'Francis',
  'Michael', 'George', 'Luke', 'Mark', 'Matthew', 'Clare', 'Teresa', 'Augustine', 'Benedict',
  'Catherine', 'Nicholas', 'Stephen', 'James', 'Lawrence', 'Alban', 'Dunstan', 'Swithun', 'Helen',
  'Werburgh', 'Wulstan', 'Etheldreda', 'Barnabas',
]
// prettier-ignore
const streetStarts = [
  'Church', 'School', 'Station', 'Mill', 'Park', 'Victoria', 'Albert', 'Queen', 'King', 'Manor',
  'Chapel', 'Green', 'Oak', 'Elm', 'Beech', 'Meadow', 'Orchard', 'Hollybush', 'Cross', 'Spring',
  'Well', 'Valley', 'Hill', 'Brook',
]
const streetEnds = [
  'Road',
  'Lane',
  'Street',
  'Avenue',
  'Way',
  'Drive',
  'Close',
  'Crescent',
  'Grove',
]

// Joins two parts, avoiding awkward seams such as "Eastton" or "Souththorpe".
function compound(starts: readonly string[], ends: readonly string[]): string {
  for (;;) {
    const start = pick(starts)
    const end = pick(ends)
    const seam = start.slice(-2).toLowerCase() + end.slice(0, 2)
    if (!/(.)\1|thth/.test(seam) && !start.toLowerCase().endsWith(end)) return start + end
  }
}

const placeName = (): string => compound(placeStarts, placeEnds)

function saintly(): string {
  const saint = pick(saints)
  // Real GIAS names use both apostrophes; the curly one is the Windows-1252 trap.
  const apostrophe = chance(0.35) ? '’' : "'"
  return `St ${saint}${apostrophe}s`
}

// ----------------------------------------------------------- local geography

const regionByCode = new Map(regions.map((region) => [region.code as RegionCode, region]))

// Big shire counties have far more schools than a London borough or Rutland.
function laWeight(la: LocalAuthority): number {
  if (la.code === '201' || la.code === '420') return 0 // City of London, Isles of Scilly: one school each
  if (la.onsCode.startsWith('E10')) return 6
  if (la.onsCode.startsWith('E08')) return 3
  return 2
}

// prettier-ignore
const boroughsNotNamedAfterATown = new Set([
  'Calderdale', 'Kirklees', 'Knowsley', 'Sefton', 'Tameside', 'Trafford', 'Wirral', 'Sandwell',
  'North Tyneside', 'South Tyneside',
])

const townsByLa = new Map<string, string[]>()
function townFor(la: LocalAuthority): string {
  if (la.onsCode.startsWith('E09')) return 'London'
  // Most metropolitan boroughs are named after their main town ("Wigan", "Leeds").
  if (la.onsCode.startsWith('E08') && !boroughsNotNamedAfterATown.has(la.name)) return la.name
  let towns = townsByLa.get(la.code)
  if (!towns) {
    towns = Array.from({ length: 3 }, () => compound(placeStarts, townEnds))
    townsByLa.set(la.code, towns)
  }
  return pick(towns)
}

// One postcode area per LA, so an LA's schools share an area as they would for real.
const postcodeAreaByLa = new Map<string, string>()
function postcode(la: LocalAuthority): string {
  const area = postcodeAreaByLa.get(la.code) ?? pick(postcodeAreas[la.regionCode])
  postcodeAreaByLa.set(la.code, area)
  const district = area.length === 1 ? int(1, 20) : int(1, 29)
  const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ'
  return `${area}${district} ${int(0, 9)}${pick([...inwardLetters])}${pick([...inwardLetters])}`
}

// ------------------------------------------------------------ establishments

interface Establishment {
  urn: number
  la: LocalAuthority
  regionCode: RegionCode
  type: EstablishmentType
  phaseCode: number
  lowAge: number
  highAge: number
  name: string
  religion: 'ce' | 'rc' | null
  statusCode: 1 | 2 | 3 | 4
  trust: { uid: string; name: string } | null
  provision:
    'Not applicable' | 'Resourced provision' | 'SEN unit' | 'Resourced provision and SEN unit'
  gender: 'Mixed' | 'Boys' | 'Girls'
}

function choosePhase(type: EstablishmentType): number {
  switch (type.kind) {
    case 'special':
    case 'pru':
      return 0
    case 'nursery':
      return 1
    case 'sixth-form':
      return 6
    case 'church':
      return weighted([
        [2, 85],
        [4, 15],
      ])
    case 'free':
      return weighted([
        [2, 45],
        [4, 40],
        [7, 15],
      ])
    case 'mainstream':
      return weighted([
        [2, 655],
        [4, 290],
        [3, 10],
        [5, 10],
        [7, 35],
      ])
  }
}

function ageRange(type: EstablishmentType, phaseCode: number): [number, number] {
  if (type.kind === 'special')
    return pick([
      [2, 19],
      [4, 11],
      [11, 19],
      [3, 19],
    ] as [number, number][])
  if (type.kind === 'pru')
    return pick([
      [11, 16],
      [5, 16],
      [5, 11],
    ] as [number, number][])
  switch (phaseCode) {
    case 1:
      return pick([
        [2, 5],
        [3, 5],
      ] as [number, number][])
    case 2:
      return weighted([
        [[4, 11], 60],
        [[3, 11], 25],
        [[4, 7], 8],
        [[7, 11], 7],
      ] as [[number, number], number][])
    case 3:
      return [8, 12]
    case 4:
      return chance(0.55) ? [11, 18] : [11, 16]
    case 5:
      return [9, 13]
    case 6:
      return [16, 19]
    default:
      return [4, 18]
  }
}

const usedNames = new Set<string>()
function uniqueName(make: () => string): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = make()
    const key = name.replace(/’/g, "'").toLowerCase()
    if (!usedNames.has(key)) {
      usedNames.add(key)
      return name
    }
  }
  throw new Error('Ran out of unique school names; add more name parts')
}

function nameFor(
  e: Omit<Establishment, 'name' | 'urn' | 'statusCode' | 'trust' | 'provision'>,
): string {
  const { type, phaseCode, lowAge, highAge, religion } = e
  const faith = religion === 'ce' ? 'CofE' : 'Catholic'
  return uniqueName(() => {
    if (religion) {
      const patron =
        religion === 'rc'
          ? pick([
              saintly(),
              saintly(),
              'Sacred Heart',
              'Holy Family',
              'Our Lady of Lourdes',
              'Christ the King',
            ])
          : pick([saintly(), saintly(), placeName(), 'Holy Trinity', 'Christ Church', 'All Saints'])
      if (phaseCode === 4) return `${patron} ${faith} ${pick(['High School', 'Academy', 'School'])}`
      if (type.academy) return `${patron} ${faith} Primary Academy`
      return `${patron} ${faith} ${lowAge === 4 && highAge === 7 ? 'Infant School' : 'Primary School'}`
    }
    const place = placeName()
    switch (type.kind) {
      case 'special':
        return `${place} ${pick(['School', 'Special School', 'Academy', 'Specialist Learning Centre'])}`
      case 'pru':
        return `${place} ${pick(['Pupil Referral Unit', 'Learning Centre', 'Tuition Centre'])}`
      case 'nursery':
        return `${place} Nursery School`
      case 'sixth-form':
        return `${place} Sixth Form Centre`
      default:
        break
    }
    if (phaseCode === 2 || phaseCode === 3) {
      if (lowAge === 4 && highAge === 7)
        return `${place} Infant${type.academy ? ' Academy' : ' School'}`
      if (lowAge === 7) return `${place} Junior${type.academy ? ' Academy' : ' School'}`
      if (phaseCode === 3) return `${place} Middle School`
      const suffix = type.academy
        ? pick(['Primary Academy', 'Primary School', 'Academy'])
        : pick(['Primary School', 'Primary School', 'Community Primary School'])
      return `${place} ${suffix}`
    }
    if (phaseCode === 7) return `${place} ${pick(['All-Through School', 'Academy', 'School'])}`
    if (phaseCode === 5) return `${place} Middle School`
    const suffix = type.academy
      ? pick(['Academy', 'High School', 'School', 'Community Academy'])
      : pick(['High School', 'School', 'Community College', 'Secondary School'])
    return `${place} ${suffix}`
  })
}

function religionFor(type: EstablishmentType): 'ce' | 'rc' | null {
  if (type.code === 2) return chance(0.55) ? 'rc' : 'ce'
  if (type.code === 3) return 'ce'
  if (type.academy && type.kind === 'mainstream' && chance(0.12)) return chance(0.5) ? 'rc' : 'ce'
  return null
}

function buildEstablishments(): Establishment[] {
  // Every LA gets at least one school; the rest are spread by LA size.
  const laSlots = [...localAuthorities]
  const weightedLas = localAuthorities.map((la) => [la, laWeight(la)] as const)
  while (laSlots.length < 640) laSlots.push(weighted(weightedLas))
  shuffle(laSlots)

  const typeSlots = shuffle(
    establishmentTypes.flatMap((type) => Array.from({ length: type.count }, () => type)),
  )

  const establishments: Establishment[] = laSlots.map((la, index) => {
    const type = typeSlots[index]!
    const phaseCode = choosePhase(type)
    const [lowAge, highAge] = ageRange(type, phaseCode)
    const religion = phaseCode === 2 || phaseCode === 4 ? religionFor(type) : null
    const gender: Establishment['gender'] =
      phaseCode === 4 && chance(0.04) ? pick(['Boys', 'Girls'] as const) : 'Mixed'
    const base = {
      la,
      regionCode: la.regionCode,
      type,
      phaseCode,
      lowAge,
      highAge,
      religion,
      gender,
    }
    return {
      ...base,
      urn: firstUrn + index,
      name: nameFor(base),
      statusCode: 1,
      trust: null,
      provision: 'Not applicable',
    }
  })

  assignStatuses(establishments)
  assignTrusts(establishments)
  assignProvision(establishments)
  addAwkwardCharacters(establishments)
  checkSample(establishments)
  return establishments
}

// Guards the promises other code and tests rely on, so a tweak to the
// weights cannot quietly produce a sample that breaks them.
function checkSample(establishments: Establishment[]): void {
  const trustSizes = new Map<string, number>()
  for (const e of establishments) {
    if (e.type.academy && !e.trust) throw new Error(`Academy ${e.urn} has no trust`)
    if (e.trust) trustSizes.set(e.trust.uid, (trustSizes.get(e.trust.uid) ?? 0) + 1)
  }
  if (trustSizes.size !== 25) throw new Error(`Expected 25 trusts, made ${trustSizes.size}`)
  for (const [uid, size] of trustSizes) {
    if (size < 3 || size > 20) throw new Error(`Trust ${uid} has ${size} academies; expected 3–20`)
  }
  const regionCount = new Set(establishments.map((e) => e.regionCode)).size
  const laCount = new Set(establishments.map((e) => e.la.code)).size
  if (regionCount !== 9 || laCount < 120)
    throw new Error(`Only ${regionCount} regions and ${laCount} LAs`)
}

function assignStatuses(establishments: Establishment[]): void {
  // Closures and proposed closures are of maintained schools (typically before
  // academy conversion); schools proposed to open are new free schools.
  const maintained = shuffle(establishments.filter((e) => !e.type.academy))
  maintained.slice(0, 19).forEach((e) => (e.statusCode = 2))
  maintained.slice(19, 24).forEach((e) => (e.statusCode = 3))
  shuffle(establishments.filter((e) => e.type.code === 35))
    .slice(0, 4)
    .forEach((e) => (e.statusCode = 4))
}

function assignTrusts(establishments: Establishment[]): void {
  const academiesByRegion = new Map<RegionCode, Establishment[]>()
  for (const e of establishments.filter((x) => x.type.academy)) {
    academiesByRegion.set(e.regionCode, [...(academiesByRegion.get(e.regionCode) ?? []), e])
  }

  // 25 trusts, each with 3–20 academies, spread in proportion to academies per region.
  const trustCounts = new Map<RegionCode, number>()
  for (const [code, academies] of academiesByRegion)
    trustCounts.set(code, Math.ceil(academies.length / 20))
  const total = () => [...trustCounts.values()].reduce((sum, n) => sum + n, 0)
  while (total() < 25) {
    const candidates = [...academiesByRegion]
      .filter(
        ([code, academies]) => (trustCounts.get(code) ?? 0) + 1 <= Math.floor(academies.length / 3),
      )
      .filter(([code]) => (trustCounts.get(code) ?? 0) < trustNames[code].length)
    const [busiest] = candidates.sort(
      ([a, x], [b, y]) =>
        y.length / (trustCounts.get(b) ?? 1) - x.length / (trustCounts.get(a) ?? 1),
    )
    if (!busiest) throw new Error('Cannot place 25 trusts within the 3–20 academies rule')
    trustCounts.set(busiest[0], (trustCounts.get(busiest[0]) ?? 0) + 1)
  }

  let trustNumber = 0
  for (const region of regions) {
    const academies = shuffle(academiesByRegion.get(region.code) ?? [])
    const count = trustCounts.get(region.code) ?? 0
    const sizes = Array.from(
      { length: count },
      (_, i) => Math.floor(academies.length / count) + (i < academies.length % count ? 1 : 0),
    )
    // Uneven sizes are more realistic: move academies between trusts within the bounds.
    for (let move = 0; move < count * 25; move++) {
      const from = int(0, count - 1)
      const to = int(0, count - 1)
      if (from !== to && sizes[from]! > 3 && sizes[to]! < 20) {
        sizes[from]! -= 1
        sizes[to]! += 1
      }
    }
    let next = 0
    sizes.forEach((size, i) => {
      trustNumber += 1
      // Real Group UIDs have at most five digits; 99xxxxxx cannot clash with one.
      const name = trustNames[region.code][i]
      if (!name) throw new Error(`Not enough trust names for region ${region.code}`)
      const trust = { uid: String(99000100 + trustNumber * 7), name }
      academies.slice(next, next + size).forEach((e) => (e.trust = trust))
      next += size
    })
  }
}

function assignProvision(establishments: Establishment[]): void {
  // Exact shares of the whole sample: 12% resourced provision, 6% SEN unit, 2% both.
  const eligible = shuffle(
    establishments.filter(
      (e) => ['mainstream', 'church', 'free'].includes(e.type.kind) && e.statusCode !== 4,
    ),
  )
  const share = (fraction: number) => Math.round(establishments.length * fraction)
  let at = 0
  const take = (n: number, provision: Establishment['provision']) => {
    eligible.slice(at, at + n).forEach((e) => (e.provision = provision))
    at += n
  }
  take(share(0.12), 'Resourced provision')
  take(share(0.06), 'SEN unit')
  take(share(0.02), 'Resourced provision and SEN unit')
}

// A few names with characters that Windows-1252 and UTF-8 encode differently,
// so a reader that forgets to decode Windows-1252 shows visible mojibake.
function addAwkwardCharacters(establishments: Establishment[]): void {
  const rename = (match: (e: Establishment) => boolean, name: string) => {
    const target = establishments.find((e) => match(e) && /^[\x20-\x7e]+$/.test(e.name))
    if (target) target.name = name
  }
  rename(
    (e) =>
      e.type.code === 1 &&
      e.phaseCode === 2 &&
      e.statusCode === 1 &&
      e.lowAge === 4 &&
      e.highAge === 11,
    'Ærendel Primary School',
  )
  rename(
    (e) => e.type.code === 34 && e.phaseCode === 2 && e.lowAge !== 7 && !e.religion,
    'Brontë Primary Academy',
  )
  rename(
    (e) => e.type.code === 2 && e.religion === 'rc' && e.phaseCode === 2,
    'St Thérèse’s Catholic Primary School',
  )
  rename(
    (e) => e.type.code === 28 && e.phaseCode === 4 && !e.religion,
    'Ørmesby Hill – The Academy',
  )
}

// ----------------------------------------------------------------- CSV rows

function rowFor(e: Establishment): Record<string, string> {
  const region = regionByCode.get(e.regionCode)!
  const isClosed = e.statusCode === 2
  const isProposed = e.statusCode === 4
  const hasCensus = !isClosed && !isProposed
  const hasRp = e.provision.startsWith('Resourced provision')
  const hasUnit = e.provision.endsWith('SEN unit')

  const pupils = hasCensus ? pupilCount(e) : null
  const capacity =
    pupils === null
      ? isProposed
        ? roundTo(pupilCountRange(e)[1], 30)
        : null
      : Math.max(pupils, roundTo(pupils * (0.95 + random() * 0.3), 5))
  const boysShare =
    e.gender === 'Boys'
      ? 1
      : e.gender === 'Girls'
        ? 0
        : e.type.kind === 'special'
          ? 0.7
          : 0.47 + random() * 0.06
  const boys = pupils === null ? null : Math.round(pupils * boysShare)
  const fsmPercent = hasCensus ? Math.round((4 + random() * 40) * 10) / 10 : null
  const ehcp =
    pupils === null
      ? null
      : e.type.kind === 'special'
        ? Math.round(pupils * (0.95 + random() * 0.05))
        : Math.round(pupils * (0.01 + random() * 0.04))
  const senSupport =
    pupils === null || ehcp === null
      ? null
      : e.type.kind === 'special'
        ? pupils - ehcp
        : Math.round(pupils * (0.09 + random() * 0.11))

  const openDate = openDateFor(e)
  const closeDate = isClosed
    ? closeDateAfter(openDate)
    : e.statusCode === 3
      ? giasDate(2025, 8, 31)
      : ''
  const [centreE, centreN, spread] = regionCentres[e.regionCode]
  const websiteSlug = e.name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const inCounty = e.la.onsCode.startsWith('E10')
  const msoa = `${e.la.name} ${pad(int(1, 40), 3)}`
  const senTypes =
    e.provision !== 'Not applicable' || e.type.kind === 'special' ? senTypesFor(e) : []
  const rpCapacity = hasRp ? int(2, 6) * 4 : null
  const unitCapacity = hasUnit ? int(2, 5) * 4 : null
  const religion = e.religion ? religionNames[e.religion] : 'Does not apply'
  const diocese = e.religion
    ? {
        code: `${e.religion.toUpperCase()}${pad(regionNumber(e.regionCode), 3)}`,
        name: dioceses[e.regionCode][e.religion],
      }
    : null
  const urbanRural = inCounty ? pick(['C1', 'D1', 'E1'] as const) : pick(['A1', 'C1'] as const)

  const row: Record<string, string> = {
    URN: String(e.urn),
    'LA (code)': e.la.code,
    'LA (name)': e.la.name,
    EstablishmentNumber: establishmentNumber(e),
    EstablishmentName: e.name,
    'TypeOfEstablishment (code)': String(e.type.code),
    'TypeOfEstablishment (name)': e.type.name,
    'EstablishmentTypeGroup (code)': String(e.type.groupCode),
    'EstablishmentTypeGroup (name)': typeGroupNames[e.type.groupCode],
    'EstablishmentStatus (code)': String(e.statusCode),
    'EstablishmentStatus (name)': statusNames[e.statusCode],
    'ReasonEstablishmentOpened (code)': '00',
    'ReasonEstablishmentOpened (name)': 'Not applicable',
    OpenDate: openDate,
    'ReasonEstablishmentClosed (code)': isClosed ? '02' : '00',
    'ReasonEstablishmentClosed (name)': isClosed ? 'Closure' : 'Not applicable',
    CloseDate: closeDate,
    'PhaseOfEducation (code)': String(e.phaseCode),
    'PhaseOfEducation (name)': phaseNames[e.phaseCode]!,
    StatutoryLowAge: String(e.lowAge),
    StatutoryHighAge: String(e.highAge),
    'Boarders (code)': '1',
    'Boarders (name)': 'No boarders',
    'NurseryProvision (name)': e.lowAge <= 3 ? 'Has Nursery Classes' : 'No Nursery Classes',
    'OfficialSixthForm (code)':
      e.highAge >= 18 && e.phaseCode !== 6 ? '1' : e.phaseCode === 4 ? '2' : '0',
    'OfficialSixthForm (name)':
      e.highAge >= 18 && e.phaseCode !== 6
        ? 'Has a sixth form'
        : e.phaseCode === 4
          ? 'Does not have a sixth form'
          : 'Not applicable',
    'Gender (code)': { Boys: '1', Girls: '2', Mixed: '3' }[e.gender],
    'Gender (name)': e.gender,
    'ReligiousCharacter (code)': e.religion === 'ce' ? '02' : e.religion === 'rc' ? '03' : '00',
    'ReligiousCharacter (name)': religion,
    'ReligiousEthos (name)': religion,
    'Diocese (code)': diocese?.code ?? '0000',
    'Diocese (name)': diocese?.name ?? 'Not applicable',
    'AdmissionsPolicy (code)': e.phaseCode === 4 || e.phaseCode === 7 ? '2' : '0',
    'AdmissionsPolicy (name)':
      e.phaseCode === 4 || e.phaseCode === 7 ? 'Non-selective' : 'Not applicable',
    SchoolCapacity: capacity === null ? '' : String(capacity),
    'SpecialClasses (code)': hasUnit ? '1' : '2',
    'SpecialClasses (name)': hasUnit ? 'Has Special Classes' : 'No Special Classes',
    CensusDate: hasCensus ? '16-01-2025' : '',
    NumberOfPupils: pupils === null ? '' : String(pupils),
    NumberOfBoys: boys === null || pupils === null ? '' : String(boys),
    NumberOfGirls: boys === null || pupils === null ? '' : String(pupils - boys),
    PercentageFSM: fsmPercent === null ? '' : fsmPercent.toFixed(1),
    'TrustSchoolFlag (code)': e.trust ? '5' : '0',
    'TrustSchoolFlag (name)': e.trust ? 'Supported by a multi-academy trust' : 'Not applicable',
    'Trusts (code)': e.trust?.uid ?? '',
    'Trusts (name)': e.trust?.name ?? '',
    'SchoolSponsorFlag (name)': e.type.code === 28 ? 'Linked to a sponsor' : 'Not applicable',
    'SchoolSponsors (name)': e.type.code === 28 ? (e.trust?.name ?? '') : '',
    'FederationFlag (name)': 'Not under a federation',
    UKPRN: `10${e.urn}`,
    'FurtherEducationType (name)': 'Not applicable',
    OfstedLastInsp: hasCensus && chance(0.92) ? randomDate(2016, 2024) : '',
    'OfstedSpecialMeasures (code)': '0',
    'OfstedSpecialMeasures (name)': 'Not applicable',
    LastChangedDate: giasDate(pick([2024, 2025]), int(1, 3), int(1, 28)),
    Street: `${pick(streetStarts)} ${pick(streetEnds)}`,
    Locality: chance(0.3) ? placeName() : '',
    Town: townFor(e.la),
    'County (name)': inCounty ? e.la.name : '',
    Postcode: postcode(e.la),
    SchoolWebsite: isClosed ? '' : `https://www.${websiteSlug}.example`,
    TelephoneNum: isClosed ? '' : dramaPhonePrefixes[e.regionCode] + pad(int(0, 999), 3),
    HeadPreferredJobTitle: isClosed
      ? ''
      : e.type.kind === 'pru'
        ? 'Head of Centre'
        : e.type.academy
          ? pick(['Principal', 'Headteacher'])
          : 'Headteacher',
    'BSOInspectorateName (name)': 'Not applicable',
    'TeenMoth (name)': 'Not applicable',
    'CCF (name)': 'Not applicable',
    'SENPRU (name)': 'Not applicable',
    'EBD (name)': 'Not applicable',
    PlacesPRU: e.type.kind === 'pru' && capacity !== null ? String(capacity) : '',
    'EdByOther (name)': 'Not applicable',
    'Section41Approved (name)': 'Not applicable',
    'TypeOfResourcedProvision (name)': e.provision,
    ResourcedProvisionOnRoll:
      rpCapacity === null ? '' : String(int(Math.floor(rpCapacity * 0.6), rpCapacity)),
    ResourcedProvisionCapacity: rpCapacity === null ? '' : String(rpCapacity),
    SenUnitOnRoll:
      unitCapacity === null ? '' : String(int(Math.floor(unitCapacity * 0.6), unitCapacity)),
    SenUnitCapacity: unitCapacity === null ? '' : String(unitCapacity),
    'GOR (code)': region.code,
    'GOR (name)': region.name,
    'DistrictAdministrative (code)': inCounty ? '' : e.la.onsCode,
    'DistrictAdministrative (name)': inCounty ? '' : e.la.name,
    'UrbanRural (code)': urbanRural,
    'UrbanRural (name)': urbanRuralNames[urbanRural],
    'GSSLACode (name)': e.la.onsCode,
    Easting: String(centreE + int(-spread, spread)),
    Northing: String(centreN + int(-spread, spread)),
    'MSOA (name)': msoa,
    'LSOA (name)': `${msoa}${pick([...'ABCDE'])}`,
    'InspectorateName (name)': 'Not applicable',
    SENStat: ehcp === null ? '' : String(ehcp),
    SENNoStat: senSupport === null ? '' : String(senSupport),
    'BoardingEstablishment (name)': 'Not applicable',
    'OfstedRating (name)': hasCensus
      ? weighted([
          ['Good', 65],
          ['Outstanding', 15],
          ['Requires improvement', 12],
          ['', 8],
        ])
      : '',
    'Country (name)': 'United Kingdom',
    'QABName (code)': '0',
    'QABName (name)': 'Not applicable',
    'EstablishmentAccredited (code)': '0',
    'EstablishmentAccredited (name)': 'Not applicable',
    FSM:
      pupils === null || fsmPercent === null ? '' : String(Math.round((pupils * fsmPercent) / 100)),
  }
  senTypes.forEach((name, i) => (row[`SEN${i + 1} (name)`] = name))
  return row
}

const statusNames = {
  1: 'Open',
  2: 'Closed',
  3: 'Open, but proposed to close',
  4: 'Proposed to open',
} as const

const religionNames = { ce: 'Church of England', rc: 'Roman Catholic' } as const

const regionNumber = (code: RegionCode): number => regions.findIndex((r) => r.code === code) + 1

// ONS 2011 rural-urban classification.
const urbanRuralNames = {
  A1: '(England/Wales) Urban major conurbation',
  C1: '(England/Wales) Urban city and town',
  D1: '(England/Wales) Rural town and fringe',
  E1: '(England/Wales) Rural village',
} as const

function pupilCountRange(e: Establishment): [number, number] {
  if (e.type.kind === 'special') return [40, 250]
  if (e.type.kind === 'pru') return [12, 90]
  switch (e.phaseCode) {
    case 1:
      return [40, 120]
    case 2:
      return e.lowAge === 7 || e.highAge === 7 ? [90, 360] : [60, 630]
    case 3:
    case 5:
      return [250, 600]
    case 4:
      return e.highAge === 18 ? [700, 1800] : [450, 1200]
    case 6:
      return [150, 600]
    default:
      return [900, 2000]
  }
}

function pupilCount(e: Establishment): number {
  const [min, max] = pupilCountRange(e)
  // Sum of two draws: sizes bunch around the middle, as they do nationally.
  return Math.round(min + ((random() + random()) / 2) * (max - min))
}

const roundTo = (n: number, step: number): number => Math.round(n / step) * step

function openDateFor(e: Establishment): string {
  if (e.statusCode === 4) return giasDate(pick([2025, 2026]), 9, 1)
  if (e.type.code === 35) return giasDate(int(2012, 2023), 9, 1)
  if (e.type.academy) return giasDate(int(2011, 2024), pick([1, 4, 9, 9, 9]), 1)
  // GIAS has no opening date for many long-established maintained schools.
  return chance(0.45) ? '' : chance(0.5) ? giasDate(int(1950, 2010), 9, 1) : randomDate(1950, 2010)
}

function closeDateAfter(openDate: string): string {
  const openYear = openDate ? Number(openDate.slice(-4)) : 2010
  // Schools usually close at the end of a term.
  return giasDate(int(Math.max(openYear + 1, 2012), 2024), pick([3, 7, 8, 12]), 31)
}

const establishmentNumbers = new Map<string, Set<number>>()
function establishmentNumber(e: Establishment): string {
  const used = establishmentNumbers.get(e.la.code) ?? new Set<number>()
  establishmentNumbers.set(e.la.code, used)
  let n: number
  do n = establishmentNumberBase(e) + int(0, 999)
  while (used.has(n))
  used.add(n)
  return String(n)
}

// Roughly the DfE's numbering habit, so numbers hint at the kind of school as real ones do.
function establishmentNumberBase(e: Establishment): number {
  if (e.type.kind === 'nursery' || e.type.kind === 'pru') return 1000
  if (e.type.kind === 'special') return 7000
  if (e.type.kind === 'sixth-form') return 8000
  const secondary = e.phaseCode === 4 || e.phaseCode === 5 || e.phaseCode === 7
  return (secondary ? 4000 : 2000) + (e.religion ? 1000 : 0)
}
function senTypesFor(e: Establishment): string[] {
  const howMany = e.type.kind === 'special' ? int(2, 5) : int(1, 3)
  const chosen = new Set<string>()
  const options = senProvisionNames.map((name) => [name, senProvisionWeights[name]] as const)
  while (chosen.size < howMany) chosen.add(weighted(options))
  return [...chosen]
}

// --------------------------------------------------------------------- write

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function main(): void {
  const establishments = buildEstablishments()
  const lines = [giasColumns.map(csvField).join(',')]
  for (const e of establishments) {
    const row = rowFor(e)
    const unknown = Object.keys(row).filter((key) => !giasColumns.includes(key))
    if (unknown.length > 0) throw new Error(`Not GIAS columns: ${unknown.join(', ')}`)
    lines.push(giasColumns.map((column) => csvField(row[column] ?? '')).join(','))
  }
  const text = lines.join('\r\n') + '\r\n'
  const bytes = iconv.encode(text, 'win1252')
  // iconv-lite silently writes "?" for characters Windows-1252 lacks.
  if (iconv.decode(bytes, 'win1252') !== text)
    throw new Error('Sample contains characters that Windows-1252 cannot encode')
  writeFileSync(outputPath, bytes)
  console.log(`Wrote ${establishments.length} fictional establishments to ${outputPath}`)
}

main()
