// Fictional demo case studies for the national practice library, and a generator for large
// synthetic sets used by benchmarks.
//
// Both are built from the paragraphs in case-study-content with a seeded PRNG, so the same call
// always returns the same items: seeds, screenshots and benchmark runs stay comparable, and a
// test can pin the demo set without storing 160 case studies as a fixture.

import {
  EVIDENCE_SENTENCES,
  NEED_VOCABULARY,
  PHASE_VOCABULARY,
  PRACTICE_CODES,
  PRACTICE_CONTENT,
  fillTemplate,
  usableTemplates,
} from './case-study-content'
import type {
  EvidenceStrength,
  NeedCode,
  OutcomeCode,
  PhaseCode,
  PracticeCode,
  PrincipleCode,
  SettingCode,
  TemplateValues,
} from './case-study-content'

export const FICTIONAL_NOTICE = 'This is a fictional example created for demonstration.'

export type OrganisationKind = 'school' | 'trust' | 'local-area'

export interface CaseStudyMeasure {
  measure: string
  before: string
  after: string
  period: string
}

export interface DemoCaseStudy {
  slug: string
  title: string
  /** 1–2 sentences, at most 300 characters, always ending with FICTIONAL_NOTICE. */
  summary: string
  organisationKind: OrganisationKind
  consentToName: boolean
  challenge: string
  practice: string
  impact: string
  keyFactors: string
  advice: string
  costAndResources: string
  measures: CaseStudyMeasure[]
  practiceCodes: string[]
  needCodes: string[]
  phaseCodes: string[]
  settingCode: string
  outcomeCodes: string[]
  principleCodes: string[]
  evidenceStrength: EvidenceStrength
  keywords: string[]
  /** ISO 8601, UTC. */
  publishedAt: string
}

export const DEMO_CASE_STUDY_COUNT = 160
const DEMO_SEED = 20250601
const SUMMARY_MAX = 300
const SLUG_MAX = 80
const PUBLISHED_FROM = Date.UTC(2025, 5, 1)
const PUBLISHED_TO = Date.UTC(2026, 9, 31, 23, 59)

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

// mulberry32: tiny, fast and good enough for content variety; Math.random cannot be seeded.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rng {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  float(): number {
    return this.next()
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo)
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('Cannot pick from an empty list')
    return item
  }
  /** Favours the start of the list, where each practice keeps its most typical options. */
  pickBiased<T>(items: readonly T[]): T {
    const item = items[Math.floor(items.length * this.next() ** 1.7)]
    if (item === undefined) throw new Error('Cannot pick from an empty list')
    return item
  }
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0)
    let r = this.next() * total
    for (const [value, weight] of options) {
      r -= weight
      if (r < 0) return value
    }
    const last = options[options.length - 1]
    if (!last) throw new Error('Cannot pick from an empty list')
    return last[0]
  }
}

// ---------------------------------------------------------------------------------------------
// Coherence rules: which needs, phases and organisations plausibly go together
// ---------------------------------------------------------------------------------------------

// Needs that commonly co-occur, so a second need reads as a real cohort, not a random pair.
const NEED_AFFINITY: Record<NeedCode, NeedCode[]> = {
  ASD: ['SLCN', 'SEMH', 'MLD'],
  SLCN: ['ASD', 'SEMH', 'SPLD', 'MLD'],
  SPLD: ['SLCN', 'MLD', 'SEMH'],
  MLD: ['SLCN', 'SPLD', 'DS', 'ASD'],
  SLD: ['DS', 'ASD', 'PMLD', 'SLCN'],
  PMLD: ['SLD', 'MSI', 'PD', 'VI'],
  SEMH: ['ASD', 'SLCN', 'OTH', 'NSA'],
  HI: ['SLCN', 'MSI', 'VI'],
  VI: ['HI', 'MSI', 'PD'],
  MSI: ['HI', 'VI', 'PMLD', 'PD'],
  PD: ['OTH', 'VI', 'SLCN'],
  OTH: ['PD', 'SEMH', 'NSA'],
  NSA: ['SEMH', 'SLCN', 'SPLD', 'MLD'],
  DS: ['SLD', 'MLD', 'SLCN', 'HI'],
}

// Resourced provision and SEN units serve pupils with EHC plans, and NSA is only valid for
// pupils on SEN support (census rule 2175), so the two never appear together.
const EHC_PLAN_PRACTICES: readonly PracticeCode[] = ['resourced-provision', 'sen-unit']

const KIND_WEIGHTS: Partial<
  Record<PracticeCode, readonly (readonly [OrganisationKind, number])[]>
> = {
  'leadership-strategy': [
    ['school', 0.5],
    ['trust', 0.4],
    ['local-area', 0.1],
  ],
  'workforce-development': [
    ['school', 0.6],
    ['trust', 0.3],
    ['local-area', 0.1],
  ],
  'multi-agency': [
    ['school', 0.55],
    ['trust', 0.1],
    ['local-area', 0.35],
  ],
  'early-identification': [
    ['school', 0.75],
    ['trust', 0.1],
    ['local-area', 0.15],
  ],
  attendance: [
    ['school', 0.75],
    ['trust', 0.1],
    ['local-area', 0.15],
  ],
  reintegration: [
    ['school', 0.75],
    ['trust', 0.05],
    ['local-area', 0.2],
  ],
  'flexible-provision': [
    ['school', 0.7],
    ['trust', 0.1],
    ['local-area', 0.2],
  ],
  'resourced-provision': [
    ['school', 0.9],
    ['trust', 0.1],
  ],
  'sen-unit': [
    ['school', 0.92],
    ['trust', 0.08],
  ],
  'accessible-pe-sport': [
    ['school', 0.9],
    ['trust', 0.1],
  ],
  'adaptive-teaching': [
    ['school', 0.88],
    ['trust', 0.12],
  ],
}
const DEFAULT_KIND_WEIGHTS: readonly (readonly [OrganisationKind, number])[] = [
  ['school', 0.86],
  ['trust', 0.1],
  ['local-area', 0.04],
]

// A single school spans at most a nursery or a sixth form beyond its main phase.
const SCHOOL_PHASE_PAIRS: Partial<Record<PhaseCode, PhaseCode>> = {
  primary: 'early-years',
  secondary: 'post-16',
  'early-years': 'primary',
}
const GROUP_PHASE_PAIRS: Partial<Record<PhaseCode, PhaseCode>> = {
  primary: 'secondary',
  secondary: 'post-16',
  'early-years': 'primary',
}

const EVIDENCE_WEIGHTS: readonly (readonly [EvidenceStrength, number])[] = [
  [0, 0.12],
  [1, 0.23],
  [2, 0.3],
  [3, 0.22],
  [4, 0.13],
]

const TRUST_SIZES = ['six', 'eight', 'nine', 'eleven', 'fourteen', 'twenty-two']

// ---------------------------------------------------------------------------------------------
// Measures: numbers that match the outcome tags and the evidence strength
// ---------------------------------------------------------------------------------------------

type MeasureFormat = 'pct' | 'count' | 'months' | 'score' | 'progress8'

interface MeasureTemplate {
  measure: string
  format: MeasureFormat
  /** Range for the starting value. */
  from: readonly [number, number]
  /** Improvement: added (or subtracted when lowerIsBetter) unless ratio, then a share removed. */
  change: readonly [number, number]
  lowerIsBetter?: boolean
  ratio?: boolean
  max?: number
  phases?: readonly PhaseCode[]
  /** Only offered when the case study includes one of these practices. */
  practices?: readonly PracticeCode[]
}

const MEASURES: Record<OutcomeCode, MeasureTemplate[]> = {
  attendance: [
    {
      measure: 'Attendance of pupils with EHC plans',
      format: 'pct',
      from: [84, 90.5],
      change: [2.5, 6.5],
      max: 97.5,
    },
    {
      measure: 'Attendance of pupils on SEN support',
      format: 'pct',
      from: [86, 91],
      change: [2, 5],
      max: 97.5,
    },
    {
      measure: 'Attendance of {needShort}',
      format: 'pct',
      from: [82, 90],
      change: [3, 7],
      max: 97,
    },
    {
      measure: 'Persistent absence among pupils with SEND',
      format: 'pct',
      from: [28, 42],
      change: [8, 17],
      lowerIsBetter: true,
    },
  ],
  exclusions: [
    {
      measure: 'Suspensions of pupils with SEND (per year)',
      format: 'count',
      from: [24, 70],
      change: [0.35, 0.7],
      lowerIsBetter: true,
      ratio: true,
    },
    {
      measure: 'Days lost to suspension by pupils with SEND',
      format: 'count',
      from: [60, 180],
      change: [0.4, 0.75],
      lowerIsBetter: true,
      ratio: true,
    },
    {
      measure: 'Lesson removals involving {needShort} (per half term)',
      format: 'count',
      from: [40, 120],
      change: [0.3, 0.65],
      lowerIsBetter: true,
      ratio: true,
    },
    {
      measure: 'Suspension rate for pupils with SEND (per 100 pupils)',
      format: 'score',
      from: [12, 25],
      change: [0.35, 0.65],
      lowerIsBetter: true,
      ratio: true,
    },
  ],
  attainment: [
    {
      measure: 'Average reading age gap for pupils on SEN support (months behind)',
      format: 'months',
      from: [18, 30],
      change: [0.35, 0.6],
      lowerIsBetter: true,
      ratio: true,
      phases: ['primary', 'secondary', 'all-through'],
    },
    {
      measure: 'Pupils with SEND meeting the expected standard in key stage 2 reading',
      format: 'pct',
      from: [25, 40],
      change: [9, 18],
      phases: ['primary', 'all-through'],
    },
    {
      measure: 'Average Progress 8 score of pupils with SEND',
      format: 'progress8',
      from: [-0.95, -0.5],
      change: [0.18, 0.42],
      phases: ['secondary', 'all-through'],
    },
    {
      measure: 'Pupils with SEND making expected progress in reading and maths (internal tracking)',
      format: 'pct',
      from: [45, 60],
      change: [12, 24],
    },
    {
      measure:
        'Children with SEND reaching the expected level in communication and language by the end of Reception',
      format: 'pct',
      from: [20, 35],
      change: [10, 18],
      phases: ['early-years'],
    },
    {
      measure: 'Students with SEND achieving their level 3 or level 2 qualification',
      format: 'pct',
      from: [62, 78],
      change: [8, 16],
      max: 98,
      phases: ['post-16'],
    },
  ],
  wellbeing: [
    {
      measure: 'Pupils with SEND who say they feel safe in school (pupil voice survey)',
      format: 'pct',
      from: [55, 70],
      change: [12, 24],
      max: 97,
    },
    {
      measure: 'Average wellbeing questionnaire score of pupils in the programme (out of 40)',
      format: 'score',
      from: [18, 24],
      change: [4, 8],
    },
    {
      measure: 'Pupils with SEND who say there is an adult in school they trust',
      format: 'pct',
      from: [50, 70],
      change: [15, 27],
      max: 98,
    },
  ],
  'communication-skills': [
    {
      measure: 'Pupils at the age-expected level on the language screen',
      format: 'pct',
      from: [38, 55],
      change: [15, 27],
      practices: [
        'early-identification',
        'multi-agency',
        'adaptive-teaching',
        'graduated-approach',
        'specialist-staff',
      ],
    },
    {
      measure: 'Pupils meeting their speech and language therapy targets',
      format: 'pct',
      from: [40, 55],
      change: [15, 28],
    },
    {
      measure: 'Pupils using their communication system independently across the day',
      format: 'pct',
      from: [20, 40],
      change: [20, 34],
    },
  ],
  independence: [
    {
      measure: 'Lessons in which {needShort} worked without adult prompting (observation sample)',
      format: 'pct',
      from: [20, 40],
      change: [20, 34],
    },
    {
      measure: 'EHC plan independence outcomes rated achieved or on track',
      format: 'pct',
      from: [35, 55],
      change: [15, 28],
    },
    {
      measure: 'Students with SEND travelling to school or college independently',
      format: 'pct',
      from: [15, 30],
      change: [15, 25],
      phases: ['secondary', 'post-16'],
    },
  ],
  participation: [
    {
      measure: 'Pupils with SEND attending at least one extra-curricular club',
      format: 'pct',
      from: [18, 35],
      change: [18, 34],
    },
    {
      measure: 'Share of the timetable {needShort} spend in mainstream lessons',
      format: 'pct',
      from: [40, 60],
      change: [15, 28],
    },
    {
      measure: 'Pupils with SEND taking part fully in every PE lesson',
      format: 'pct',
      from: [45, 65],
      change: [20, 32],
      max: 99,
      practices: ['accessible-pe-sport'],
    },
  ],
  'parent-confidence': [
    {
      measure:
        "Parents of pupils with SEND who agree the school meets their child's needs (annual survey)",
      format: 'pct',
      from: [48, 65],
      change: [15, 28],
      max: 97,
    },
    {
      measure: 'Formal complaints about SEND provision (per year)',
      format: 'count',
      from: [8, 18],
      change: [0.45, 0.75],
      lowerIsBetter: true,
      ratio: true,
    },
    {
      measure: "Families attending their child's review meetings",
      format: 'pct',
      from: [60, 78],
      change: [12, 22],
      max: 99,
    },
  ],
  'staff-confidence': [
    {
      measure: 'Staff who feel confident adapting lessons for pupils with SEND (staff survey)',
      format: 'pct',
      from: [35, 55],
      change: [20, 34],
    },
    {
      measure: 'Teaching assistants who feel well trained for their role (staff survey)',
      format: 'pct',
      from: [30, 50],
      change: [25, 38],
    },
    {
      measure: 'Staff who feel confident supporting {needShort} (staff survey)',
      format: 'pct',
      from: [30, 50],
      change: [22, 36],
    },
  ],
  transition: [
    {
      measure:
        'Pupils with SEND whose attendance stayed above 90% in their first term after transition',
      format: 'pct',
      from: [55, 70],
      change: [12, 24],
    },
    {
      measure: 'Young people with SEND in education, employment or training after Year 11',
      format: 'pct',
      from: [85, 92],
      change: [4, 7],
      max: 99,
      phases: ['secondary', 'post-16'],
    },
    {
      measure: 'Transition plans shared with the receiving setting before the first day',
      format: 'pct',
      from: [40, 60],
      change: [30, 40],
      max: 100,
    },
    {
      measure: 'Returns to school still in place after one term',
      format: 'pct',
      from: [45, 60],
      change: [20, 30],
      practices: ['reintegration', 'flexible-provision', 'attendance'],
    },
  ],
}

const PERIODS: Record<2 | 3 | 4, string[]> = {
  2: [
    '2022/23 to 2023/24',
    '2023/24 to 2024/25',
    'autumn 2023 to summer 2024',
    'September 2023 to July 2024',
    'autumn 2024 to spring 2025',
  ],
  3: ['2021/22 to 2023/24', '2022/23 to 2024/25', '2021/22 to 2024/25'],
  4: ['2022/23 to 2024/25', '2023/24 to 2024/25', 'autumn 2023 to summer 2025'],
}

function formatValue(value: number, format: MeasureFormat): string {
  switch (format) {
    case 'pct':
      return `${value.toFixed(1)}%`
    case 'count':
      return String(Math.round(value))
    case 'months':
      return `${Math.round(value)} months`
    case 'score':
      return value.toFixed(1)
    case 'progress8':
      return `${value > 0 ? '+' : ''}${value.toFixed(2)}`
  }
}

function improve(t: MeasureTemplate, before: number, share: number): number {
  const amount = t.change[0] + share * (t.change[1] - t.change[0])
  let after: number
  if (t.ratio) after = t.lowerIsBetter ? before * (1 - amount) : before * (1 + amount)
  else after = t.lowerIsBetter ? before - amount : before + amount
  if (t.max !== undefined) after = Math.min(after, t.max)
  // Progress 8 is legitimately negative; every other measure is a count or a share.
  return t.format === 'progress8' ? after : Math.max(after, 0)
}

function buildMeasures(
  rng: Rng,
  strength: EvidenceStrength,
  outcomes: readonly OutcomeCode[],
  practices: readonly PracticeCode[],
  phase: PhaseCode,
  values: TemplateValues,
): CaseStudyMeasure[] {
  if (strength < 2) return []
  const main = strength === 4 ? 2 + rng.int(2) : 1 + rng.int(2)
  const period = rng.pick(PERIODS[strength as 2 | 3 | 4])
  const used = new Set<MeasureTemplate>()
  const measures: CaseStudyMeasure[] = []
  let first: { template: MeasureTemplate; before: number; after: number } | undefined
  for (let k = 0; k < main; k++) {
    const outcome = outcomes[k % outcomes.length] ?? 'wellbeing'
    const options = MEASURES[outcome].filter(
      (t) =>
        !used.has(t) &&
        (!t.phases || t.phases.includes(phase)) &&
        (!t.practices || t.practices.some((p) => practices.includes(p))),
    )
    if (options.length === 0) continue
    const template = rng.pick(options)
    used.add(template)
    const before = rng.between(template.from[0], template.from[1])
    const after = improve(template, before, rng.float())
    first ??= { template, before, after }
    measures.push({
      measure: fillTemplate(template.measure, values),
      before: formatValue(before, template.format),
      after: formatValue(after, template.format),
      period,
    })
  }
  // Levels 3 and 4 claim a trend or a comparison, so show the comparison as its own row. A
  // national figure only makes sense for rates; for level 3 counts the multi-year period is
  // the trend.
  const rate = first !== undefined && first.template.format !== 'count'
  if (first && (strength === 4 || (strength === 3 && rate))) {
    const { template } = first
    const drift = (template.from[1] - template.from[0]) * rng.between(-0.15, 0.15)
    const before = first.before + drift
    const share = rng.between(0.1, 0.3)
    const after = before + (first.after - first.before) * share
    measures.push({
      // Worded to fit pupil, parent and staff measures alike.
      measure: `${fillTemplate(template.measure, values)}: ${
        strength === 3 ? 'national benchmark' : 'matched comparison schools'
      }`,
      before: formatValue(before, template.format),
      after: formatValue(after, template.format),
      period,
    })
  }
  return measures
}

// ---------------------------------------------------------------------------------------------
// Building one case study
// ---------------------------------------------------------------------------------------------

interface Plan {
  practice: PracticeCode
  need: NeedCode
  kind: OrganisationKind
}

function uniquePush<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item)
}

function choosePractices(rng: Rng, primary: PracticeCode, need: NeedCode): PracticeCode[] {
  const practices: PracticeCode[] = [primary]
  const extra = rng.weighted([
    [0, 0.45],
    [1, 0.4],
    [2, 0.15],
  ] as const)
  const candidates = PRACTICE_CODES.filter(
    (code) =>
      code !== primary &&
      PRACTICE_CONTENT[code].needs.includes(need) &&
      !(EHC_PLAN_PRACTICES.includes(code) && EHC_PLAN_PRACTICES.includes(primary)),
  )
  for (let k = 0; k < extra && candidates.length > 0; k++) {
    const next = candidates.splice(rng.int(candidates.length), 1)[0]
    if (next) practices.push(next)
  }
  return practices
}

function chooseNeeds(rng: Rng, need: NeedCode, practices: readonly PracticeCode[]): NeedCode[] {
  const needs: NeedCode[] = [need]
  const extra = rng.weighted([
    [0, 0.5],
    [1, 0.38],
    [2, 0.12],
  ] as const)
  const servesEhcPlans = practices.some((p) => EHC_PLAN_PRACTICES.includes(p))
  const offered = new Set(practices.flatMap((p) => PRACTICE_CONTENT[p].needs))
  let candidates = NEED_AFFINITY[need].filter(
    (n) => offered.has(n) && !(servesEhcPlans && n === 'NSA'),
  )
  if (candidates.length === 0) {
    candidates = NEED_AFFINITY[need].filter((n) => !(servesEhcPlans && n === 'NSA'))
  }
  for (let k = 0; k < extra && candidates.length > 0; k++) {
    const next = candidates.splice(rng.int(candidates.length), 1)[0]
    if (next) needs.push(next)
  }
  return needs
}

function choosePhases(rng: Rng, practice: PracticeCode, kind: OrganisationKind): PhaseCode[] {
  const main = rng.pickBiased(PRACTICE_CONTENT[practice].phases)
  const pairs = kind === 'school' ? SCHOOL_PHASE_PAIRS : GROUP_PHASE_PAIRS
  const partner = pairs[main]
  // A nursery-only school is unusual for most practices, so early years mostly comes paired.
  if (main === 'early-years' && kind === 'school' && partner) return [main, partner]
  return partner && rng.chance(0.3) ? [main, partner] : [main]
}

function chooseSetting(
  rng: Rng,
  practices: readonly PracticeCode[],
  kind: OrganisationKind,
): SettingCode {
  if (kind === 'trust') return 'multi-academy-trust'
  if (kind === 'local-area') return 'local-area-partnership'
  // The practice text describes the base or unit, so a school that runs one is tagged as such.
  if (practices.includes('resourced-provision')) return 'school-with-resourced-provision'
  if (practices.includes('sen-unit')) return 'school-with-sen-unit'
  const primary = practices[0]
  const apPractices: readonly PracticeCode[] = [
    'flexible-provision',
    'reintegration',
    'alternatives-to-exclusion',
  ]
  if (primary && apPractices.includes(primary) && rng.chance(0.25)) return 'alternative-provision'
  return 'mainstream-school'
}

function pickSome<T>(rng: Rng, pool: readonly T[], min: number, max: number): T[] {
  const remaining = [...pool]
  const count = Math.min(remaining.length, min + rng.int(max - min + 1))
  const out: T[] = []
  for (let k = 0; k < count; k++) {
    // The first pick favours the head of the pool, where the primary practice's tags sit.
    const index =
      k === 0 ? Math.floor(remaining.length * rng.float() ** 1.7) : rng.int(remaining.length)
    const [item] = remaining.splice(index, 1)
    if (item !== undefined) out.push(item)
  }
  return out
}

function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`
}

function describeOrganisation(
  rng: Rng,
  kind: OrganisationKind,
  setting: SettingCode,
  phases: readonly PhaseCode[],
): { org: string; orgDesc: string; shortDesc: string } {
  const main = phases[0] ?? 'primary'
  if (kind === 'trust') {
    // Trusts are described by the schools they run: nurseries sit in primaries, sixth forms
    // in secondaries, and all-through schools count as both.
    const words: string[] = []
    for (const p of phases) {
      if (p === 'early-years' || p === 'primary' || p === 'all-through')
        uniquePush(words, 'primary')
      if (p === 'secondary' || p === 'post-16' || p === 'all-through')
        uniquePush(words, 'secondary')
    }
    const phaseWords = words.join(' and ')
    return {
      org: 'the trust',
      orgDesc: `a multi-academy trust of ${rng.pick(TRUST_SIZES)} ${phaseWords} schools`,
      shortDesc: 'a multi-academy trust',
    }
  }
  if (kind === 'local-area') {
    return {
      org: 'the partnership',
      orgDesc: rng.pick([
        'a local area partnership of schools, health and social care',
        'a local authority and its schools working as one partnership',
        'a partnership of schools, the local authority and health services',
      ]),
      shortDesc: 'a local area partnership',
    }
  }
  let noun = PHASE_VOCABULARY[main].schoolNoun
  if (setting === 'alternative-provision') noun = 'alternative provision school'
  else if (main === 'post-16') noun = 'secondary school with a sixth form'
  else if (phases.includes('early-years') && phases.includes('primary'))
    noun = 'primary school with a nursery class'
  else if (phases.includes('post-16') && phases.includes('secondary'))
    noun = 'secondary school with a sixth form'
  return {
    org: 'the school',
    orgDesc: article(noun),
    shortDesc: article(noun.split(' with ')[0] ?? noun),
  }
}

function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > 20 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '')
}

function buildKeywords(
  practices: readonly PracticeCode[],
  needs: readonly NeedCode[],
  phases: readonly PhaseCode[],
): string[] {
  const keywords: string[] = []
  const seen = new Set<string>()
  const add = (words: readonly string[], limit: number): void => {
    for (const word of words.slice(0, limit)) {
      const key = word.toLowerCase()
      if (!seen.has(key)) {
        seen.add(key)
        keywords.push(word)
      }
    }
  }
  practices.forEach((p, i) => add(PRACTICE_CONTENT[p].keywords, i === 0 ? 3 : 1))
  needs.forEach((n, i) => add(NEED_VOCABULARY[n].keywords, i === 0 ? 3 : 1))
  phases.forEach((p) => add(PHASE_VOCABULARY[p].keywords, 1))
  return keywords
}

function publishedAt(rng: Rng, index: number, count: number): string {
  const span = PUBLISHED_TO - PUBLISHED_FROM
  const day = 86_400_000
  const t = PUBLISHED_FROM + Math.floor(((index + rng.float() * 0.9) / count) * span)
  // Publication happens in office hours; keep times plausible rather than uniformly random.
  const midnight = Math.floor(t / day) * day
  const minutes = 8 * 60 + rng.int(9 * 60)
  return new Date(Math.min(midnight + minutes * 60_000, PUBLISHED_TO)).toISOString()
}

interface Built {
  study: Omit<DemoCaseStudy, 'slug' | 'title'>
  /** Title templates in preference order; filled lazily because most callers need one. */
  titleTemplates: string[]
  values: TemplateValues
}

function buildOne(rng: Rng, plan: Plan, index: number, count: number): Built {
  const content = PRACTICE_CONTENT[plan.practice]
  const practices = choosePractices(rng, plan.practice, plan.need)
  const needs = chooseNeeds(rng, plan.need, practices)
  const phases = choosePhases(rng, plan.practice, plan.kind)
  const setting = chooseSetting(rng, practices, plan.kind)
  const outcomePool: OutcomeCode[] = []
  practices.forEach((p) => PRACTICE_CONTENT[p].outcomes.forEach((o) => uniquePush(outcomePool, o)))
  const principlePool: PrincipleCode[] = []
  practices.forEach((p) =>
    PRACTICE_CONTENT[p].principles.forEach((o) => uniquePush(principlePool, o)),
  )
  const outcomes = pickSome(rng, outcomePool, 1, 3)
  const principles = pickSome(rng, principlePool, 1, 2)
  const strength = rng.weighted(EVIDENCE_WEIGHTS)

  const need = NEED_VOCABULARY[plan.need]
  const phaseCode = phases[0] ?? 'primary'
  const phase = PHASE_VOCABULARY[phaseCode]
  const yearGroup = rng.pick(phase.yearGroups)
  const otherYears = phase.yearGroups.filter((y) => y !== yearGroup)
  const organisation = describeOrganisation(rng, plan.kind, setting, phases)
  const aPupil = yearGroup.startsWith('Year')
    ? `a ${yearGroup} ${phaseCode === 'post-16' ? 'student' : 'pupil'}`
    : yearGroup === 'Reception'
      ? 'a child in Reception'
      : 'a child in the nursery'
  const values: TemplateValues = {
    needPupils: need.pupils,
    needShort: need.short,
    needNoun: need.noun,
    needArea: need.area,
    needStrategy: need.strategy,
    needSpecialist: need.specialist,
    yearGroup,
    otherYearGroup: otherYears.length > 0 ? rng.pick(otherYears) : yearGroup,
    entryYear: phase.entryYear,
    aPupil,
    keyStage: phase.keyStage,
    teachers: phase.teachers,
    transition: phase.transition,
    phaseLabel: phase.label,
    org: organisation.org,
    orgDesc: organisation.orgDesc,
  }
  const scope = plan.kind === 'school' ? 'school' : 'group'
  const use = (templates: readonly string[]): readonly string[] => usableTemplates(templates, scope)
  const fill = (templates: readonly string[]): string =>
    fillTemplate(rng.pick(use(templates)), values)

  let summaryText = fill(content.summaries)
  if (summaryText.length + FICTIONAL_NOTICE.length + 1 > SUMMARY_MAX) {
    summaryText = fillTemplate(rng.pick(use(content.summaries)), {
      ...values,
      orgDesc: organisation.shortDesc,
    })
  }
  if (summaryText.length + FICTIONAL_NOTICE.length + 1 > SUMMARY_MAX) {
    const room = SUMMARY_MAX - FICTIONAL_NOTICE.length - 2
    summaryText = `${summaryText.slice(0, room).replace(/[\s,;:]+\S*$/, '')}.`
  }

  const practiceText = [fill(content.practice)]
  const second = practices[1]
  if (second)
    practiceText.push(fillTemplate(rng.pick(use(PRACTICE_CONTENT[second].practice)), values))

  const titleOptions = use(content.titles)
  const titleStart = rng.int(titleOptions.length)
  const titleTemplates = [...titleOptions.slice(titleStart), ...titleOptions.slice(0, titleStart)]

  return {
    titleTemplates,
    values,
    study: {
      summary: `${summaryText} ${FICTIONAL_NOTICE}`,
      organisationKind: plan.kind,
      consentToName: rng.chance(0.8),
      challenge: fill(content.challenge),
      practice: practiceText.join('\n\n'),
      impact: `${fill(content.impact)} ${rng.pick(EVIDENCE_SENTENCES[strength])}`,
      keyFactors: fill(content.keyFactors),
      advice: fill(content.advice),
      costAndResources: fill(content.costAndResources),
      measures: buildMeasures(rng, strength, outcomes, practices, phaseCode, values),
      practiceCodes: practices,
      needCodes: needs,
      phaseCodes: phases,
      settingCode: setting,
      outcomeCodes: outcomes,
      principleCodes: principles,
      evidenceStrength: strength,
      keywords: buildKeywords(practices, needs, phases),
      publishedAt: publishedAt(rng, index, count),
    },
  }
}

function orderFields(slug: string, title: string, study: Built['study']): DemoCaseStudy {
  // Keep the interface's field order so printed JSON reads like the published page.
  return {
    slug,
    title,
    summary: study.summary,
    organisationKind: study.organisationKind,
    consentToName: study.consentToName,
    challenge: study.challenge,
    practice: study.practice,
    impact: study.impact,
    keyFactors: study.keyFactors,
    advice: study.advice,
    costAndResources: study.costAndResources,
    measures: study.measures,
    practiceCodes: study.practiceCodes,
    needCodes: study.needCodes,
    phaseCodes: study.phaseCodes,
    settingCode: study.settingCode,
    outcomeCodes: study.outcomeCodes,
    principleCodes: study.principleCodes,
    evidenceStrength: study.evidenceStrength,
    keywords: study.keywords,
    publishedAt: study.publishedAt,
  }
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * The 160 fictional case studies seeded into every environment. Practices are dealt round-robin
 * and each practice cycles through its typical needs, so every practice and every need code is
 * represented several times however the random choices fall.
 */
export function buildDemoCaseStudies(): DemoCaseStudy[] {
  const rng = new Rng(DEMO_SEED)
  const needTurn = new Map<PracticeCode, number>()
  const usedTitles = new Set<string>()
  const usedSlugs = new Set<string>()
  const studies: DemoCaseStudy[] = []
  for (let i = 0; i < DEMO_CASE_STUDY_COUNT; i++) {
    const practice = PRACTICE_CODES[i % PRACTICE_CODES.length] ?? 'adaptive-teaching'
    const turn = needTurn.get(practice) ?? 0
    needTurn.set(practice, turn + 1)
    const needs = PRACTICE_CONTENT[practice].needs
    const need = needs[turn % needs.length] ?? 'NSA'
    const kind = rng.weighted(KIND_WEIGHTS[practice] ?? DEFAULT_KIND_WEIGHTS)
    const { study, titleTemplates, values } = buildOne(
      rng,
      { practice, need, kind },
      i,
      DEMO_CASE_STUDY_COUNT,
    )
    const titles = titleTemplates.map((t) => fillTemplate(t, values))
    const title = titles.find((t) => !usedTitles.has(t)) ?? titles[0] ?? practice
    usedTitles.add(title)
    const base = truncateSlug(kebab(title), SLUG_MAX - 3)
    let slug = base
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`
    usedSlugs.add(slug)
    studies.push(orderFields(slug, title, study))
  }
  return studies
}

/**
 * Any number of fictional case studies for benchmarks and load tests (10,000–100,000 items).
 * Slugs carry the seed and the item's index, so they are unique within a call and do not
 * collide with the demo set or with a set generated from another seed.
 */
export function generateSyntheticCaseStudies(count: number, seed: number): DemoCaseStudy[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`)
  }
  const rng = new Rng(seed ^ 0x5f3759df)
  const seedTag = (seed >>> 0).toString(36)
  const studies: DemoCaseStudy[] = new Array<DemoCaseStudy>(count)
  for (let i = 0; i < count; i++) {
    const practice = rng.pick(PRACTICE_CODES)
    const need = rng.pickBiased(PRACTICE_CONTENT[practice].needs)
    const kind = rng.weighted(KIND_WEIGHTS[practice] ?? DEFAULT_KIND_WEIGHTS)
    const { study, titleTemplates, values } = buildOne(rng, { practice, need, kind }, i, count)
    const title = fillTemplate(titleTemplates[0] ?? practice, values)
    const suffix = `-${seedTag}-${i.toString(36)}`
    const slug = `${truncateSlug(kebab(title), SLUG_MAX - suffix.length)}${suffix}`
    studies[i] = orderFields(slug, title, study)
  }
  return studies
}
