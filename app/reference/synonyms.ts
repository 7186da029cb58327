// SEND language as people type it. Each group lists words and phrases that should find each other;
// search/index-settings.ts turns the groups into Meilisearch's multi-way synonyms.
//
// A term that is also an everyday word, or short enough to be mistaken for one, only finds its
// group and is never found by it (oneWaySynonyms below): searching for "teaching assistant" must not
// match "ta", and "special educational needs" must not match the verb "send". "ADD" is not here at
// all: it is an everyday verb, so the conditions vocabulary (conditions.ts) reads it as ADHD only
// when typed in capitals. tests/unit/synonyms.test.ts checks every group against a list of the
// 5,000 most common English words.
export const synonymGroups: readonly (readonly string[])[] = [
  [
    'autism',
    'autistic',
    'asd',
    'asc',
    'autism spectrum',
    'autistic spectrum disorder',
    'autism spectrum condition',
  ],
  [
    'semh',
    'social emotional and mental health',
    'social, emotional and mental health',
    'mental health',
    'sebd',
    'emotional wellbeing',
  ],
  [
    'slcn',
    'speech language and communication',
    'speech and language',
    'speech, language and communication needs',
    'communication needs',
  ],
  ['speech and language therapy', 'speech and language therapist', 'slt'],
  [
    'teaching assistant',
    'learning support assistant',
    'lsa',
    'hlta',
    'higher level teaching assistant',
    'learning assistant',
  ],
  [
    'ehcp',
    'ehc plan',
    'education health and care plan',
    'education, health and care plan',
    'statement of sen',
  ],
  [
    'resource base',
    'resourced provision',
    'sen unit',
    'specialist base',
    'specialist resource provision',
    'srp',
    'enhanced provision',
  ],
  ['spld', 'specific learning difficulty', 'dyslexia', 'dyscalculia', 'dyspraxia'],
  ['mld', 'moderate learning difficulty'],
  ['sld', 'severe learning difficulty'],
  ['pmld', 'profound and multiple learning difficulty'],
  ['hearing impairment', 'deaf', 'hearing loss'],
  ['visual impairment', 'vision impairment', 'blind', 'sight loss'],
  ['msi', 'multi-sensory impairment', 'deafblind'],
  ['physical disability', 'wheelchair user'],
  ['adhd', 'attention deficit hyperactivity disorder'],
  ['occupational therapy', 'occupational therapist'],
  ['educational psychologist', 'ed psych'],
  ['camhs', 'child and adolescent mental health services', 'mental health support team', 'mhst'],
  ['senco', 'special educational needs coordinator', 'inclusion lead', 'sendco'],
  ['alternative provision', 'pru', 'pupil referral unit'],
  ['eotas', 'education otherwise than at school'],
  ['physical education', 'sport', 'sports'],
  [
    'exclusion',
    'exclusions',
    'suspension',
    'suspensions',
    'fixed-term exclusion',
    'permanent exclusion',
  ],
  [
    'attendance',
    'absence',
    'persistent absence',
    'school refusal',
    'emotionally based school avoidance',
    'ebsa',
  ],
  ['sen', 'special educational needs', 'special educational needs and disabilities'],
  ['down syndrome', "down's syndrome"],
  ['elsa', 'emotional literacy support assistant'],
  [
    'cpd',
    'staff training',
    'professional development',
    'continuing professional development',
    'staff development',
  ],
]

/**
 * Abbreviations that find a group but are not found by it, each with the group's first term:
 * Meilisearch's one-way synonyms.
 */
export const oneWaySynonyms: readonly (readonly [abbreviation: string, group: string])[] = [
  ['ta', 'teaching assistant'],
  ['salt', 'speech and language therapy'],
  ['hi', 'hearing impairment'],
  ['vi', 'visual impairment'],
  ['pd', 'physical disability'],
  ['ot', 'occupational therapy'],
  ['ep', 'educational psychologist'],
  ['ap', 'alternative provision'],
  ['pe', 'physical education'],
  ['send', 'sen'],
  ['ds', 'down syndrome'],
]

export interface SynonymGroupDefinition {
  /** Words and phrases that find each other. */
  terms: readonly string[]
  /** Abbreviations that find the terms but are not found by them. */
  oneWay: readonly string[]
}

/** The groups with their one-way abbreviations, as the migrations leave them in a new database. */
export const synonymGroupDefinitions: readonly SynonymGroupDefinition[] = synonymGroups.map(
  (terms) => ({
    terms,
    oneWay: oneWaySynonyms
      .filter(([, group]) => group === terms[0])
      .map(([abbreviation]) => abbreviation),
  }),
)
