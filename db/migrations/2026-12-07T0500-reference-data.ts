import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// The reference data the service cannot run without: the taxonomy moderators tag with and the
// default search synonyms. Before this migration they were seeded on every start; now they arrive
// once, with the schema, on every database (demo or not). Copied from app/reference/ on
// 2026-12-07; a later change to the taxonomy is a new migration, and a unit test checks that
// app/reference/ and what the migrations leave in a fresh database agree.
//
// Existing databases already hold these rows: anything present is left as it is (administrators'
// renames and retirements survive), and synonyms are added only to an empty table.

/** [code, name, description] */
const schemes: readonly (readonly [string, string, string])[] = [
  [
    'need_area',
    'Area of need',
    'The four broad areas of need in the SEND Code of Practice, plus a group for needs that sit outside them.',
  ],
  ['need', 'Type of need', 'The special educational need types recorded in the school census.'],
  ['practice', 'Practice', 'What the school or trust does to include pupils with SEND.'],
  ['phase', 'Phase of education', 'The age range the practice is used with.'],
  [
    'setting',
    'Setting',
    'The kind of school, provision or partnership where the practice happens.',
  ],
  [
    'outcome',
    'Outcome',
    'What changed for children, families or staff as a result of the practice.',
  ],
  [
    'principle',
    'Principle of promising practice',
    'The five principles from the Inclusion in Practice emerging insights report (July 2025).',
  ],
]

/** [scheme, code, label, description, parent code] — a term's position is its order here. */
const terms: readonly (readonly [string, string, string, string, string | null])[] = [
  [
    'need_area',
    'communication-interaction',
    'Communication and interaction',
    'Difficulty communicating with others, understanding what is said, or with social interaction.',
    null,
  ],
  [
    'need_area',
    'cognition-learning',
    'Cognition and learning',
    'Learning at a slower pace than others of the same age, or difficulty with particular parts of learning.',
    null,
  ],
  [
    'need_area',
    'semh',
    'Social, emotional and mental health',
    'Social and emotional difficulties that may show as withdrawal, anxiety, challenging behaviour or other mental health needs.',
    null,
  ],
  [
    'need_area',
    'sensory-physical',
    'Sensory and/or physical needs',
    'A disability or impairment affecting sight, hearing or movement that makes it harder to use the usual facilities.',
    null,
  ],
  [
    'need_area',
    'other-needs',
    'Other needs',
    'Needs that the SEND Code of Practice does not place in one of its four broad areas.',
    null,
  ],
  [
    'need',
    'SPLD',
    'Specific learning difficulty',
    'Difficulty with one particular part of learning, such as reading and spelling (dyslexia), maths (dyscalculia) or coordination (dyspraxia).',
    'cognition-learning',
  ],
  [
    'need',
    'MLD',
    'Moderate learning difficulty',
    'Finding most schoolwork harder than other children of the same age, and needing more time and help to learn.',
    'cognition-learning',
  ],
  [
    'need',
    'SLD',
    'Severe learning difficulty',
    'Significant difficulty with learning and everyday tasks, often with help needed for communication, mobility and self-care.',
    'cognition-learning',
  ],
  [
    'need',
    'PMLD',
    'Profound and multiple learning difficulty',
    'Very complex learning difficulties together with other disabilities or health needs. Children usually need a high level of adult support throughout the day.',
    'cognition-learning',
  ],
  [
    'need',
    'SEMH',
    'Social, emotional and mental health',
    'Difficulties with emotions, behaviour or relationships, such as anxiety, low mood or attachment difficulties, that get in the way of learning.',
    'semh',
  ],
  [
    'need',
    'SLCN',
    'Speech, language and communication needs',
    'Difficulty speaking clearly, understanding what others say, or using language to communicate.',
    'communication-interaction',
  ],
  [
    'need',
    'HI',
    'Hearing impairment',
    'Hearing loss, from mild to profound, that affects learning. Some children use hearing aids, cochlear implants or sign language.',
    'sensory-physical',
  ],
  [
    'need',
    'VI',
    'Vision impairment',
    'Sight loss that glasses alone cannot correct and that affects learning. Some children use large print, Braille or other aids.',
    'sensory-physical',
  ],
  [
    'need',
    'MSI',
    'Multi-sensory impairment',
    'Having both sight and hearing loss, which makes communicating and getting information especially hard.',
    'sensory-physical',
  ],
  [
    'need',
    'PD',
    'Physical disability',
    'A physical disability or medical condition that affects movement or access to school, and may need equipment or adaptations.',
    'sensory-physical',
  ],
  [
    'need',
    'ASD',
    'Autistic spectrum disorder',
    'Autism, which affects how a child communicates, relates to other people and experiences the world around them.',
    'communication-interaction',
  ],
  [
    'need',
    'OTH',
    'Other difficulty or disability',
    'A special educational need that does not fit any of the other types.',
    'other-needs',
  ],
  [
    'need',
    'NSA',
    'SEN support but no specialist assessment of type of need',
    'The school is giving extra help, but no specialist has yet assessed what type of need the child has.',
    'other-needs',
  ],
  [
    'need',
    'DS',
    'Down syndrome',
    'A genetic condition that usually means some learning disability and can affect speech, hearing, vision and physical health.',
    'other-needs',
  ],
  [
    'practice',
    'resourced-provision',
    'Resourced provision',
    'Places in a mainstream school for pupils with a particular type of need, who spend most of their time in mainstream classes with a specialist base to use.',
    null,
  ],
  [
    'practice',
    'sen-unit',
    'SEN unit',
    'A specialist class or base within a mainstream school where pupils with a particular type of need are taught for most of the day.',
    null,
  ],
  [
    'practice',
    'specialist-staff',
    'Specialist staff and teaching assistants',
    'How teaching assistants and specialist learning support staff are deployed so that pupils learn in mainstream classes.',
    null,
  ],
  [
    'practice',
    'accessible-pe-sport',
    'Specialist equipment and accessible PE and sport',
    'Equipment, adapted activities and facilities that let every pupil take part in PE, sport and physical activity.',
    null,
  ],
  [
    'practice',
    'early-identification',
    'Early identification of need and transition',
    'Spotting needs early and planning ahead, including when children move between settings or phases.',
    null,
  ],
  [
    'practice',
    'adaptive-teaching',
    'Adaptive classroom teaching',
    'Evidence-informed teaching that adapts to pupils’ needs so that most needs are met in the classroom.',
    null,
  ],
  [
    'practice',
    'graduated-approach',
    'Graduated approach and targeted support',
    'The assess, plan, do, review cycle and targeted interventions for pupils who need more than good classroom teaching.',
    null,
  ],
  [
    'practice',
    'working-with-families',
    'Working with families',
    'Building trust and working in partnership with parents and carers.',
    null,
  ],
  [
    'practice',
    'multi-agency',
    'Working with health and social care',
    'Joint work with services such as speech and language therapy, occupational therapy, CAMHS and social care.',
    null,
  ],
  [
    'practice',
    'workforce-development',
    'Staff training and development',
    'Building staff expertise in SEND, including training, coaching and qualifications such as the NPQ for SENCOs.',
    null,
  ],
  [
    'practice',
    'leadership-strategy',
    'Leadership, strategy and funding',
    'How leaders make inclusion a priority, including trust-wide models and the way funding is used.',
    null,
  ],
  [
    'practice',
    'pastoral-semh',
    'Pastoral support and relational approaches',
    'Pastoral and wellbeing support and relationship-based approaches to behaviour and mental health.',
    null,
  ],
  [
    'practice',
    'attendance',
    'Attendance',
    'Helping pupils with SEND attend school regularly, including those who are persistently or severely absent.',
    null,
  ],
  [
    'practice',
    'alternatives-to-exclusion',
    'Alternatives to exclusion',
    'Treating the risk of suspension or exclusion as a signal to look again at a pupil’s needs and support.',
    null,
  ],
  [
    'practice',
    'flexible-provision',
    'Part-time timetables, EOTAS and alternative provision',
    'Careful use of part-time timetables, education otherwise than at school (EOTAS) and partnerships with alternative provision.',
    null,
  ],
  [
    'practice',
    'reintegration',
    'Returning to school',
    'Helping pupils who have been out of school, or in alternative provision, to return and settle.',
    null,
  ],
  [
    'practice',
    'pupil-voice',
    'Pupil voice',
    'Asking pupils with SEND what helps them and acting on what they say.',
    null,
  ],
  ['phase', 'early-years', 'Early years', 'Nursery and early years settings, up to age 5.', null],
  [
    'phase',
    'primary',
    'Primary',
    'Primary schools, including middle schools deemed primary.',
    null,
  ],
  [
    'phase',
    'secondary',
    'Secondary',
    'Secondary schools, including middle schools deemed secondary.',
    null,
  ],
  [
    'phase',
    'all-through',
    'All-through',
    'Schools that teach both primary and secondary age pupils.',
    null,
  ],
  [
    'phase',
    'post-16',
    'Post-16',
    'Sixth forms, sixth form centres and other provision for 16 to 19 year olds.',
    null,
  ],
  [
    'setting',
    'mainstream-school',
    'Mainstream school',
    'A mainstream school without a resourced provision or SEN unit.',
    null,
  ],
  [
    'setting',
    'school-with-resourced-provision',
    'School with resourced provision',
    'A mainstream school with a resourced provision recorded in Get Information about Schools.',
    null,
  ],
  [
    'setting',
    'school-with-sen-unit',
    'School with an SEN unit',
    'A mainstream school with an SEN unit recorded in Get Information about Schools.',
    null,
  ],
  [
    'setting',
    'alternative-provision',
    'Alternative provision',
    'A pupil referral unit, alternative provision academy or free school working with mainstream schools.',
    null,
  ],
  [
    'setting',
    'multi-academy-trust',
    'Multi-academy trust',
    'Practice led across several schools in a multi-academy trust.',
    null,
  ],
  [
    'setting',
    'local-area-partnership',
    'Local area partnership',
    'Practice led by a local authority or a partnership of schools and services in a local area.',
    null,
  ],
  ['outcome', 'attendance', 'Attendance', 'Pupils attend school more often.', null],
  [
    'outcome',
    'exclusions',
    'Fewer suspensions and exclusions',
    'Fewer pupils are suspended or permanently excluded.',
    null,
  ],
  [
    'outcome',
    'attainment',
    'Attainment and progress',
    'Pupils make more progress or reach higher standards in their learning.',
    null,
  ],
  [
    'outcome',
    'wellbeing',
    'Wellbeing',
    'Pupils are happier, less anxious and feel they belong at school.',
    null,
  ],
  [
    'outcome',
    'communication-skills',
    'Communication skills',
    'Pupils understand others and express themselves better.',
    null,
  ],
  [
    'outcome',
    'independence',
    'Independence',
    'Pupils do more for themselves and rely less on adult support.',
    null,
  ],
  [
    'outcome',
    'participation',
    'Participation',
    'Pupils take part more fully in lessons, clubs, trips and school life.',
    null,
  ],
  [
    'outcome',
    'parent-confidence',
    'Parent confidence',
    'Parents and carers trust the school to meet their child’s needs.',
    null,
  ],
  [
    'outcome',
    'staff-confidence',
    'Staff confidence',
    'Staff feel more skilled and confident in meeting pupils’ needs.',
    null,
  ],
  [
    'outcome',
    'transition',
    'Smoother transitions',
    'Pupils settle well when they move class, school or phase.',
    null,
  ],
  [
    'principle',
    'knowing-children-well',
    'Knowing children well, early and often',
    'Understanding each child’s needs early and keeping that knowledge up to date, including through transitions and planning ahead.',
    null,
  ],
  [
    'principle',
    'high-quality-teaching',
    'High quality and evidence-informed teaching practice',
    'Meeting most needs through well-adapted, evidence-informed teaching in the classroom.',
    null,
  ],
  [
    'principle',
    'targeted-support',
    'Coherent and expert targeted support',
    'A clear, graduated system of targeted support with well-understood roles and responsibilities.',
    null,
  ],
  [
    'principle',
    'relationships-partnerships',
    'Strengthening inclusion through relationships and partnerships',
    'Working closely with families, local authorities and external services.',
    null,
  ],
  [
    'principle',
    'shared-responsibility',
    'Inclusion as a strategic and shared responsibility',
    'Leaders treat inclusion as a whole-school priority rather than a separate system run by one person.',
    null,
  ],
]

const synonymGroups: readonly (readonly string[])[] = [
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
  ['salt', 'speech and language therapy', 'speech and language therapist', 'slt'],
  [
    'ta',
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
  ['hi', 'hearing impairment', 'deaf', 'hearing loss'],
  ['vi', 'visual impairment', 'vision impairment', 'blind', 'sight loss'],
  ['msi', 'multi-sensory impairment', 'deafblind'],
  ['pd', 'physical disability', 'wheelchair user'],
  ['adhd', 'attention deficit hyperactivity disorder', 'add'],
  ['ot', 'occupational therapy', 'occupational therapist'],
  ['ep', 'educational psychologist', 'ed psych'],
  ['camhs', 'child and adolescent mental health services', 'mental health support team', 'mhst'],
  ['senco', 'special educational needs coordinator', 'inclusion lead', 'sendco'],
  ['ap', 'alternative provision', 'pru', 'pupil referral unit'],
  ['eotas', 'education otherwise than at school'],
  ['pe', 'physical education', 'sport', 'sports'],
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
  ['send', 'sen', 'special educational needs', 'special educational needs and disabilities'],
  ['ds', 'down syndrome', "down's syndrome"],
  ['elsa', 'emotional literacy support assistant'],
]

/** The columns this migration writes, as they were when it was written. */
type ReferenceTables = {
  taxonomy_schemes: { code: string; name: string; description: string }
  taxonomy_terms: {
    scheme_code: string
    code: string
    label: string
    description: string
    position: number
  }
  search_synonym_groups: { terms: string[] }
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped.withTables<ReferenceTables>()
  await db
    .insertInto('taxonomy_schemes')
    .values(schemes.map(([code, name, description]) => ({ code, name, description })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  const positions = new Map<string, number>()
  await db
    .insertInto('taxonomy_terms')
    .values(
      terms.map(([scheme, code, label, description]) => {
        const position = positions.get(scheme) ?? 0
        positions.set(scheme, position + 1)
        return { scheme_code: scheme, code, label, description, position }
      }),
    )
    .onConflict((oc) => oc.columns(['scheme_code', 'code']).doNothing())
    .execute()
  // Parents are linked by code once every term exists (a need's parent is a need_area term).
  for (const [scheme, code, , , parent] of terms) {
    if (!parent) continue
    const parentScheme = scheme === 'need' ? 'need_area' : scheme
    await sql`
      UPDATE taxonomy_terms t
      SET parent_id = (SELECT p.id FROM taxonomy_terms p WHERE p.code = ${parent} AND p.scheme_code = ${parentScheme})
      WHERE t.scheme_code = ${scheme} AND t.code = ${code} AND t.parent_id IS NULL`.execute(db)
  }
  // One filler at a time, so two instances migrating together do not both fill the table.
  await sql`SELECT pg_advisory_xact_lock(hashtext('seed search synonyms'))`.execute(db)
  const existing = await sql`SELECT 1 FROM search_synonym_groups LIMIT 1`.execute(db)
  if (existing.rows.length === 0) {
    await db
      .insertInto('search_synonym_groups')
      .values(synonymGroups.map((group) => ({ terms: [...group] })))
      .execute()
  }
}

export async function down(): Promise<void> {
  // Reference rows are referenced by tags; they stay. (Nothing to undo on the schema.)
}
