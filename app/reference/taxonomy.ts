// Controlled vocabularies that moderators tag case studies with. Codes are
// stored in the database and referenced from application code, so they must
// never change once seeded; labels and descriptions may be reworded freely.
// A term's position in its scheme is its order in taxonomyTerms.

export type SchemeCode =
  'need_area' | 'need' | 'practice' | 'phase' | 'setting' | 'outcome' | 'principle'

import type { PhaseCode } from './taxonomy-codes'

export type { PhaseCode }

export interface TaxonomyScheme {
  code: SchemeCode
  name: string
  description: string
}

export interface TaxonomyTerm {
  scheme: SchemeCode
  code: string
  label: string
  description: string
  /** Code of the parent term; for needs this is always a need_area code. */
  parent: string | null
}

export interface EvidenceStrengthLevel {
  value: 0 | 1 | 2 | 3 | 4
  label: string
  description: string
}

export const taxonomySchemes: readonly TaxonomyScheme[] = [
  {
    code: 'need_area',
    name: 'Area of need',
    description:
      'The four broad areas of need in the SEND Code of Practice, plus a group for needs that sit outside them.',
  },
  {
    code: 'need',
    name: 'Type of need',
    description: 'The special educational need types recorded in the school census.',
  },
  {
    code: 'practice',
    name: 'Practice',
    description: 'What the school or trust does to include pupils with SEND.',
  },
  {
    code: 'phase',
    name: 'Phase of education',
    description: 'The age range the practice is used with.',
  },
  {
    code: 'setting',
    name: 'Setting',
    description: 'The kind of school, provision or partnership where the practice happens.',
  },
  {
    code: 'outcome',
    name: 'Outcome',
    description: 'What changed for children, families or staff as a result of the practice.',
  },
  {
    code: 'principle',
    name: 'Principle of promising practice',
    description:
      'The five principles from the Inclusion in Practice emerging insights report (July 2025).',
  },
]

// Labels for needs follow DfE statistics (Explore Education Statistics) rather
// than census or GIAS wording, because those are the labels parents meet in
// published data.
const needAreas: TaxonomyTerm[] = [
  {
    scheme: 'need_area',
    code: 'communication-interaction',
    label: 'Communication and interaction',
    description:
      'Difficulty communicating with others, understanding what is said, or with social interaction.',
    parent: null,
  },
  {
    scheme: 'need_area',
    code: 'cognition-learning',
    label: 'Cognition and learning',
    description:
      'Learning at a slower pace than others of the same age, or difficulty with particular parts of learning.',
    parent: null,
  },
  {
    scheme: 'need_area',
    code: 'semh',
    label: 'Social, emotional and mental health',
    description:
      'Social and emotional difficulties that may show as withdrawal, anxiety, challenging behaviour or other mental health needs.',
    parent: null,
  },
  {
    scheme: 'need_area',
    code: 'sensory-physical',
    label: 'Sensory and/or physical needs',
    description:
      'A disability or impairment affecting sight, hearing or movement that makes it harder to use the usual facilities.',
    parent: null,
  },
  {
    scheme: 'need_area',
    code: 'other-needs',
    label: 'Other needs',
    description:
      'Needs that the SEND Code of Practice does not place in one of its four broad areas.',
    parent: null,
  },
]

const needs: TaxonomyTerm[] = [
  {
    scheme: 'need',
    code: 'SPLD',
    label: 'Specific learning difficulty',
    description:
      'Difficulty with one particular part of learning, such as reading and spelling (dyslexia), maths (dyscalculia) or coordination (dyspraxia).',
    parent: 'cognition-learning',
  },
  {
    scheme: 'need',
    code: 'MLD',
    label: 'Moderate learning difficulty',
    description:
      'Finding most schoolwork harder than other children of the same age, and needing more time and help to learn.',
    parent: 'cognition-learning',
  },
  {
    scheme: 'need',
    code: 'SLD',
    label: 'Severe learning difficulty',
    description:
      'Significant difficulty with learning and everyday tasks, often with help needed for communication, mobility and self-care.',
    parent: 'cognition-learning',
  },
  {
    scheme: 'need',
    code: 'PMLD',
    label: 'Profound and multiple learning difficulty',
    description:
      'Very complex learning difficulties together with other disabilities or health needs. Children usually need a high level of adult support throughout the day.',
    parent: 'cognition-learning',
  },
  {
    scheme: 'need',
    code: 'SEMH',
    label: 'Social, emotional and mental health',
    description:
      'Difficulties with emotions, behaviour or relationships, such as anxiety, low mood or attachment difficulties, that get in the way of learning.',
    parent: 'semh',
  },
  {
    scheme: 'need',
    code: 'SLCN',
    label: 'Speech, language and communication needs',
    description:
      'Difficulty speaking clearly, understanding what others say, or using language to communicate.',
    parent: 'communication-interaction',
  },
  {
    scheme: 'need',
    code: 'HI',
    label: 'Hearing impairment',
    description:
      'Hearing loss, from mild to profound, that affects learning. Some children use hearing aids, cochlear implants or sign language.',
    parent: 'sensory-physical',
  },
  {
    scheme: 'need',
    code: 'VI',
    label: 'Vision impairment',
    description:
      'Sight loss that glasses alone cannot correct and that affects learning. Some children use large print, Braille or other aids.',
    parent: 'sensory-physical',
  },
  {
    scheme: 'need',
    code: 'MSI',
    label: 'Multi-sensory impairment',
    description:
      'Having both sight and hearing loss, which makes communicating and getting information especially hard.',
    parent: 'sensory-physical',
  },
  {
    scheme: 'need',
    code: 'PD',
    label: 'Physical disability',
    description:
      'A physical disability or medical condition that affects movement or access to school, and may need equipment or adaptations.',
    parent: 'sensory-physical',
  },
  {
    scheme: 'need',
    code: 'ASD',
    label: 'Autistic spectrum disorder',
    description:
      'Autism, which affects how a child communicates, relates to other people and experiences the world around them.',
    parent: 'communication-interaction',
  },
  {
    scheme: 'need',
    code: 'OTH',
    label: 'Other difficulty or disability',
    description: 'A special educational need that does not fit any of the other types.',
    parent: 'other-needs',
  },
  {
    scheme: 'need',
    code: 'NSA',
    label: 'SEN support but no specialist assessment of type of need',
    description:
      'The school is giving extra help, but no specialist has yet assessed what type of need the child has.',
    parent: 'other-needs',
  },
  {
    // Recorded in the school census from spring 2025. DfE does not map it to a
    // broad area because it is a condition rather than a type of need.
    scheme: 'need',
    code: 'DS',
    label: 'Down syndrome',
    description:
      'A genetic condition that usually means some learning disability and can affect speech, hearing, vision and physical health.',
    parent: 'other-needs',
  },
]

const practices: TaxonomyTerm[] = [
  {
    scheme: 'practice',
    code: 'resourced-provision',
    label: 'Resourced provision',
    description:
      'Places in a mainstream school for pupils with a particular type of need, who spend most of their time in mainstream classes with a specialist base to use.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'sen-unit',
    label: 'SEN unit',
    description:
      'A specialist class or base within a mainstream school where pupils with a particular type of need are taught for most of the day.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'specialist-staff',
    label: 'Specialist staff and teaching assistants',
    description:
      'How teaching assistants and specialist learning support staff are deployed so that pupils learn in mainstream classes.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'accessible-pe-sport',
    label: 'Specialist equipment and accessible PE and sport',
    description:
      'Equipment, adapted activities and facilities that let every pupil take part in PE, sport and physical activity.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'early-identification',
    label: 'Early identification of need and transition',
    description:
      'Spotting needs early and planning ahead, including when children move between settings or phases.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'adaptive-teaching',
    label: 'Adaptive classroom teaching',
    description:
      'Evidence-informed teaching that adapts to pupils’ needs so that most needs are met in the classroom.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'graduated-approach',
    label: 'Graduated approach and targeted support',
    description:
      'The assess, plan, do, review cycle and targeted interventions for pupils who need more than good classroom teaching.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'working-with-families',
    label: 'Working with families',
    description: 'Building trust and working in partnership with parents and carers.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'multi-agency',
    label: 'Working with health and social care',
    description:
      'Joint work with services such as speech and language therapy, occupational therapy, CAMHS and social care.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'workforce-development',
    label: 'Staff training and development',
    description:
      'Building staff expertise in SEND, including training, coaching and qualifications such as the NPQ for SENCOs.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'leadership-strategy',
    label: 'Leadership, strategy and funding',
    description:
      'How leaders make inclusion a priority, including trust-wide models and the way funding is used.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'pastoral-semh',
    label: 'Pastoral support and relational approaches',
    description:
      'Pastoral and wellbeing support and relationship-based approaches to behaviour and mental health.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'attendance',
    label: 'Attendance',
    description:
      'Helping pupils with SEND attend school regularly, including those who are persistently or severely absent.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'alternatives-to-exclusion',
    label: 'Alternatives to exclusion',
    description:
      'Treating the risk of suspension or exclusion as a signal to look again at a pupil’s needs and support.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'flexible-provision',
    label: 'Part-time timetables, EOTAS and alternative provision',
    description:
      'Careful use of part-time timetables, education otherwise than at school (EOTAS) and partnerships with alternative provision.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'reintegration',
    label: 'Returning to school',
    description:
      'Helping pupils who have been out of school, or in alternative provision, to return and settle.',
    parent: null,
  },
  {
    scheme: 'practice',
    code: 'pupil-voice',
    label: 'Pupil voice',
    description: 'Asking pupils with SEND what helps them and acting on what they say.',
    parent: null,
  },
]

const phases: TaxonomyTerm[] = [
  {
    scheme: 'phase',
    code: 'early-years',
    label: 'Early years',
    description: 'Nursery and early years settings, up to age 5.',
    parent: null,
  },
  {
    scheme: 'phase',
    code: 'primary',
    label: 'Primary',
    description: 'Primary schools, including middle schools deemed primary.',
    parent: null,
  },
  {
    scheme: 'phase',
    code: 'secondary',
    label: 'Secondary',
    description: 'Secondary schools, including middle schools deemed secondary.',
    parent: null,
  },
  {
    scheme: 'phase',
    code: 'all-through',
    label: 'All-through',
    description: 'Schools that teach both primary and secondary age pupils.',
    parent: null,
  },
  {
    scheme: 'phase',
    code: 'post-16',
    label: 'Post-16',
    description: 'Sixth forms, sixth form centres and other provision for 16 to 19 year olds.',
    parent: null,
  },
]

const settings: TaxonomyTerm[] = [
  {
    scheme: 'setting',
    code: 'mainstream-school',
    label: 'Mainstream school',
    description: 'A mainstream school without a resourced provision or SEN unit.',
    parent: null,
  },
  {
    scheme: 'setting',
    code: 'school-with-resourced-provision',
    label: 'School with resourced provision',
    description:
      'A mainstream school with a resourced provision recorded in Get Information about Schools.',
    parent: null,
  },
  {
    scheme: 'setting',
    code: 'school-with-sen-unit',
    label: 'School with an SEN unit',
    description: 'A mainstream school with an SEN unit recorded in Get Information about Schools.',
    parent: null,
  },
  {
    scheme: 'setting',
    code: 'alternative-provision',
    label: 'Alternative provision',
    description:
      'A pupil referral unit, alternative provision academy or free school working with mainstream schools.',
    parent: null,
  },
  {
    scheme: 'setting',
    code: 'multi-academy-trust',
    label: 'Multi-academy trust',
    description: 'Practice led across several schools in a multi-academy trust.',
    parent: null,
  },
  {
    scheme: 'setting',
    code: 'local-area-partnership',
    label: 'Local area partnership',
    description:
      'Practice led by a local authority or a partnership of schools and services in a local area.',
    parent: null,
  },
]

const outcomes: TaxonomyTerm[] = [
  {
    scheme: 'outcome',
    code: 'attendance',
    label: 'Attendance',
    description: 'Pupils attend school more often.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'exclusions',
    label: 'Fewer suspensions and exclusions',
    description: 'Fewer pupils are suspended or permanently excluded.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'attainment',
    label: 'Attainment and progress',
    description: 'Pupils make more progress or reach higher standards in their learning.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'wellbeing',
    label: 'Wellbeing',
    description: 'Pupils are happier, less anxious and feel they belong at school.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'communication-skills',
    label: 'Communication skills',
    description: 'Pupils understand others and express themselves better.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'independence',
    label: 'Independence',
    description: 'Pupils do more for themselves and rely less on adult support.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'participation',
    label: 'Participation',
    description: 'Pupils take part more fully in lessons, clubs, trips and school life.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'parent-confidence',
    label: 'Parent confidence',
    description: 'Parents and carers trust the school to meet their child’s needs.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'staff-confidence',
    label: 'Staff confidence',
    description: 'Staff feel more skilled and confident in meeting pupils’ needs.',
    parent: null,
  },
  {
    scheme: 'outcome',
    code: 'transition',
    label: 'Smoother transitions',
    description: 'Pupils settle well when they move class, school or phase.',
    parent: null,
  },
]

const principles: TaxonomyTerm[] = [
  {
    scheme: 'principle',
    code: 'knowing-children-well',
    label: 'Knowing children well, early and often',
    description:
      'Understanding each child’s needs early and keeping that knowledge up to date, including through transitions and planning ahead.',
    parent: null,
  },
  {
    scheme: 'principle',
    code: 'high-quality-teaching',
    label: 'High quality and evidence-informed teaching practice',
    description:
      'Meeting most needs through well-adapted, evidence-informed teaching in the classroom.',
    parent: null,
  },
  {
    scheme: 'principle',
    code: 'targeted-support',
    label: 'Coherent and expert targeted support',
    description:
      'A clear, graduated system of targeted support with well-understood roles and responsibilities.',
    parent: null,
  },
  {
    scheme: 'principle',
    code: 'relationships-partnerships',
    label: 'Strengthening inclusion through relationships and partnerships',
    description: 'Working closely with families, local authorities and external services.',
    parent: null,
  },
  {
    scheme: 'principle',
    code: 'shared-responsibility',
    label: 'Inclusion as a strategic and shared responsibility',
    description:
      'Leaders treat inclusion as a whole-school priority rather than a separate system run by one person.',
    parent: null,
  },
]

export const taxonomyTerms: readonly TaxonomyTerm[] = [
  ...needAreas,
  ...needs,
  ...practices,
  ...phases,
  ...settings,
  ...outcomes,
  ...principles,
]

// Case studies are practice accounts, not trials, so this rates the evidence of
// impact the school itself offers rather than applying an EEF or WWC rating.
export const evidenceStrengthLevels: readonly EvidenceStrengthLevel[] = [
  {
    value: 0,
    label: 'Description only',
    description: 'The case study describes the practice but offers no evidence of its impact.',
  },
  {
    value: 1,
    label: 'Qualitative or stakeholder voice',
    description:
      'Impact is shown through the views of pupils, parents or staff, such as quotes, surveys or interviews.',
  },
  {
    value: 2,
    label: 'Before/after data, no comparison',
    description:
      'Data from before and after the practice started shows a change, with nothing to compare it against.',
  },
  {
    value: 3,
    label: 'Before/after data with a comparison or trend',
    description:
      'Before and after data is set against a comparison, such as national figures or the trend over earlier years.',
  },
  {
    value: 4,
    label: 'Comparison-group evaluation',
    description:
      'Outcomes for pupils who received the practice are compared with a similar group who did not.',
  },
]

// GIAS treats middle schools as "deemed" primary or secondary; we follow that.
const phaseByGiasCode: Readonly<Record<number, PhaseCode>> = {
  1: 'early-years',
  2: 'primary',
  3: 'primary',
  4: 'secondary',
  5: 'secondary',
  6: 'post-16',
  7: 'all-through',
}

/** Maps a GIAS `PhaseOfEducation (code)`; 0 ("Not applicable", e.g. many special schools) and unknown codes give null. */
export function phaseFromGiasPhaseCode(code: number): PhaseCode | null {
  return phaseByGiasCode[code] ?? null
}
