import { sql, type Generated, type Kysely } from 'kysely'

// Frozen in time: never import application code from a migration.
//
// Fills the conditions vocabulary (created by 2026-12-07T0700-conditions), copied from
// app/reference/conditions.ts on 2026-12-07: 105 conditions, diagnoses and everyday phrases, each
// placed where the DfE school census guidance on recording SEN type places it (and, where the census
// is silent, the SEND Code of Practice's broad areas); ambiguous ones point at every plausible need,
// with a note. A later change to the vocabulary is a new migration; an integration test checks that
// app/reference/conditions.ts and what the migrations leave in a fresh database agree.
//
// Rows are added only to an empty table, so administrators' changes survive a re-run.
//
// Search synonyms: abbreviations that are also everyday words, or short enough to be mistaken for
// one, become one-way (they find their group; the group no longer finds them), and "add" leaves the
// ADHD group: the vocabulary reads "ADD" as the condition only when typed in capitals. Only groups
// that still hold the term are changed, and never below two terms. A group for staff training
// (CPD) is added where none of its terms is taken.

/** [name, kind, need codes, other names, abbreviations (matched in capitals only), note] */
const conditions: readonly (readonly [
  string,
  'condition' | 'phrase',
  readonly string[],
  readonly string[],
  readonly string[],
  string | null,
])[] = [
  ['cerebral palsy', 'condition', ['PD'], [], ['CP'], null],
  [
    'muscular dystrophy',
    'condition',
    ['PD'],
    ['Duchenne muscular dystrophy', 'Duchenne', 'Becker muscular dystrophy', 'DMD'],
    [],
    null,
  ],
  ['spina bifida', 'condition', ['PD'], [], [], null],
  ['hydrocephalus', 'condition', ['PD'], [], [], null],
  [
    'heart condition',
    'condition',
    ['PD'],
    ['heart disease', 'congenital heart disease', 'heart defect'],
    [],
    null,
  ],
  ['spinal muscular atrophy', 'condition', ['PD'], ['SMA'], [], null],
  ['brittle bone disease', 'condition', ['PD'], ['osteogenesis imperfecta'], [], null],
  [
    'limb difference',
    'condition',
    ['PD'],
    ['amputation', 'amputee', 'missing limb', 'limb loss'],
    [],
    null,
  ],
  [
    'juvenile arthritis',
    'condition',
    ['PD'],
    ['juvenile idiopathic arthritis', 'JIA', 'arthritis'],
    [],
    null,
  ],
  [
    'hypermobility',
    'condition',
    ['PD'],
    ['Ehlers-Danlos syndrome', 'EDS', 'hypermobility spectrum disorder', 'joint hypermobility'],
    [],
    null,
  ],
  ['restricted growth', 'condition', ['PD'], ['dwarfism', 'achondroplasia'], [], null],
  ['Perthes disease', 'condition', ['PD'], ['Perthes', 'Legg-Calve-Perthes disease'], [], null],
  [
    'acquired brain injury',
    'condition',
    ['PD', 'OTH'],
    ['ABI', 'brain injury', 'traumatic brain injury', 'head injury'],
    [],
    'Recorded by its main effect: physical disability where movement is affected, otherwise other difficulty or disability.',
  ],
  [
    'uses a wheelchair',
    'phrase',
    ['PD'],
    ['wheelchair', 'in a wheelchair', 'wheelchair users'],
    [],
    null,
  ],
  [
    'mobility difficulties',
    'phrase',
    ['PD'],
    ['difficulty walking', 'can’t walk', 'cannot walk', 'walking frame'],
    [],
    null,
  ],
  [
    'deafness',
    'condition',
    ['HI'],
    ['deaf', 'profoundly deaf', 'partially deaf', 'hearing loss'],
    [],
    null,
  ],
  [
    'glue ear',
    'condition',
    ['HI'],
    ['otitis media', 'otitis media with effusion', 'grommets'],
    [],
    'Recorded as hearing impairment when the hearing loss it causes affects learning; often temporary.',
  ],
  [
    'unilateral hearing loss',
    'condition',
    ['HI'],
    ['deaf in one ear', 'single-sided deafness'],
    [],
    null,
  ],
  [
    'auditory neuropathy',
    'condition',
    ['HI'],
    ['auditory neuropathy spectrum disorder', 'ANSD'],
    [],
    null,
  ],
  [
    'hard of hearing',
    'phrase',
    ['HI'],
    ['partially hearing', 'can’t hear', 'cannot hear'],
    [],
    null,
  ],
  ['cochlear implant', 'phrase', ['HI'], ['cochlear implants'], [], null],
  ['hearing aids', 'phrase', ['HI'], ['hearing aid', 'wears hearing aids', 'radio aid'], [], null],
  [
    'uses sign language',
    'phrase',
    ['HI'],
    ['British Sign Language', 'BSL', 'sign language'],
    [],
    null,
  ],
  [
    'auditory processing disorder',
    'condition',
    ['SLCN', 'HI'],
    ['APD', 'auditory processing difficulties'],
    [],
    'Not a hearing loss: hearing is usually normal but sound is hard to make sense of. Schools record it as a communication need or, with audiology advice, as hearing impairment.',
  ],
  [
    'blindness',
    'condition',
    ['VI'],
    ['blind', 'severely sight impaired', 'registered blind'],
    [],
    null,
  ],
  [
    'partially sighted',
    'phrase',
    ['VI'],
    ['sight impaired', 'low vision', 'poor eyesight', 'sight loss', 'can’t see', 'cannot see'],
    [],
    null,
  ],
  ['nystagmus', 'condition', ['VI'], [], [], null],
  ['albinism', 'condition', ['VI'], [], [], null],
  [
    'cerebral visual impairment',
    'condition',
    ['VI'],
    ['CVI', 'cortical visual impairment'],
    [],
    null,
  ],
  ['retinopathy of prematurity', 'condition', ['VI'], ['ROP'], [], null],
  [
    'childhood cataracts',
    'condition',
    ['VI'],
    ['cataracts', 'congenital cataracts', 'cataract'],
    [],
    null,
  ],
  ['childhood glaucoma', 'condition', ['VI'], ['glaucoma', 'congenital glaucoma'], [], null],
  ['optic nerve hypoplasia', 'condition', ['VI'], ['ONH', 'septo-optic dysplasia'], [], null],
  ['retinitis pigmentosa', 'condition', ['VI'], [], [], null],
  ['reads braille', 'phrase', ['VI'], ['braille', 'braille user', 'uses braille'], [], null],
  [
    'deafblindness',
    'condition',
    ['MSI'],
    ['deafblind', 'deaf-blind', 'dual sensory impairment', 'multi-sensory impairment'],
    [],
    null,
  ],
  ['Usher syndrome', 'condition', ['MSI'], ['Usher’s syndrome'], [], null],
  ['CHARGE syndrome', 'condition', ['MSI'], ['CHARGE'], [], null],
  ['congenital rubella syndrome', 'condition', ['MSI'], ['congenital rubella'], [], null],
  [
    'autism',
    'condition',
    ['ASD'],
    [
      'autistic',
      'ASD',
      'ASC',
      'autism spectrum disorder',
      'autistic spectrum disorder',
      'autism spectrum condition',
      'on the spectrum',
    ],
    [],
    null,
  ],
  [
    'Asperger’s syndrome',
    'condition',
    ['ASD'],
    ['Asperger syndrome', 'Asperger’s', 'Asperger'],
    [],
    null,
  ],
  [
    'pathological demand avoidance',
    'condition',
    ['ASD'],
    ['PDA', 'demand avoidance', 'extreme demand avoidance', 'persistent drive for autonomy'],
    [],
    'A profile of autism; the census has no separate type for it.',
  ],
  [
    'sensory processing difficulties',
    'condition',
    ['ASD', 'OTH'],
    [
      'sensory processing disorder',
      'SPD',
      'sensory processing',
      'sensory overload',
      'sensory seeking',
    ],
    [],
    'Not a diagnosis in its own right and not named in the census guidance; most often seen with autism, otherwise recorded as other difficulty.',
  ],
  [
    'meltdowns',
    'phrase',
    ['ASD', 'SEMH'],
    ['meltdown', 'shutdowns', 'shutdown'],
    [],
    'Often described by parents of autistic children, and also by those of children with SEMH needs.',
  ],
  [
    'developmental language disorder',
    'condition',
    ['SLCN'],
    ['DLD', 'specific language impairment', 'SLI', 'language disorder'],
    [],
    null,
  ],
  [
    'stammering',
    'condition',
    ['SLCN'],
    ['stammer', 'stammers', 'stuttering', 'stutter', 'stutters', 'dysfluency'],
    [],
    null,
  ],
  [
    'verbal dyspraxia',
    'condition',
    ['SLCN'],
    ['childhood apraxia of speech', 'developmental verbal dyspraxia', 'apraxia of speech'],
    [],
    null,
  ],
  [
    'selective mutism',
    'condition',
    ['SLCN', 'SEMH'],
    ['situational mutism'],
    [],
    'An anxiety condition that shows as not speaking: schools record it under communication or under SEMH.',
  ],
  [
    'social communication difficulties',
    'condition',
    ['SLCN', 'ASD'],
    ['social communication disorder', 'pragmatic language impairment', 'social communication'],
    [],
    'Recorded as a communication need, or under autism where that is the diagnosis.',
  ],
  ['cleft lip and palate', 'condition', ['SLCN'], ['cleft palate', 'cleft lip'], [], null],
  [
    'speech delay',
    'phrase',
    ['SLCN'],
    [
      'speech and language delay',
      'language delay',
      'delayed speech',
      'late talker',
      'late talking',
      'not talking yet',
    ],
    [],
    null,
  ],
  [
    'doesn’t talk at school',
    'phrase',
    ['SLCN', 'SEMH'],
    [
      'does not talk at school',
      'won’t talk at school',
      'doesn’t speak at school',
      'does not speak at school',
      'won’t speak at school',
    ],
    [],
    'Usually selective mutism: see that entry.',
  ],
  [
    'non-verbal',
    'phrase',
    ['SLCN', 'ASD'],
    ['nonverbal', 'non-speaking', 'minimally verbal'],
    [],
    'Used of autistic children and of children with other communication needs.',
  ],
  [
    'unclear speech',
    'phrase',
    ['SLCN'],
    ['speech sound disorder', 'speech difficulties', 'hard to understand', 'lisp'],
    [],
    null,
  ],
  ['dyslexia', 'condition', ['SPLD'], ['dyslexic'], [], null],
  ['dyscalculia', 'condition', ['SPLD'], ['dyscalculic'], [], null],
  [
    'dyspraxia',
    'condition',
    ['SPLD'],
    ['developmental coordination disorder', 'DCD', 'dyspraxic'],
    [],
    'The census guidance lists dyspraxia under specific learning difficulty, even where movement is the main barrier.',
  ],
  [
    'dysgraphia',
    'condition',
    ['SPLD'],
    ['handwriting difficulties', 'poor handwriting', 'messy handwriting'],
    [],
    null,
  ],
  [
    'visual stress',
    'condition',
    ['SPLD'],
    ['Irlen syndrome', 'Meares-Irlen syndrome', 'scotopic sensitivity'],
    [],
    'Not a vision impairment; usually raised alongside reading difficulties.',
  ],
  [
    'working memory difficulties',
    'condition',
    ['SPLD', 'MLD'],
    ['poor working memory', 'working memory', 'slow processing', 'processing speed'],
    [],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.',
  ],
  [
    'struggles with reading',
    'phrase',
    ['SPLD', 'MLD'],
    [
      'struggling with reading',
      'can’t read',
      'cannot read',
      'reading difficulties',
      'difficulty reading',
      'struggling reader',
      'poor reader',
    ],
    [],
    'A specific difficulty such as dyslexia, or part of finding most learning hard.',
  ],
  [
    'struggles with spelling',
    'phrase',
    ['SPLD'],
    ['poor spelling', 'spelling difficulties', 'can’t spell'],
    [],
    null,
  ],
  [
    'struggles with maths',
    'phrase',
    ['SPLD', 'MLD'],
    ['struggling with maths', 'maths difficulties', 'difficulty with maths', 'number difficulties'],
    [],
    'A specific difficulty such as dyscalculia, or part of finding most learning hard.',
  ],
  [
    'clumsy',
    'phrase',
    ['SPLD'],
    ['clumsiness', 'poor coordination', 'coordination difficulties'],
    [],
    'Usually dyspraxia, which the census lists under specific learning difficulty.',
  ],
  [
    'global developmental delay',
    'condition',
    ['MLD', 'SLD'],
    ['GDD', 'developmental delay'],
    [],
    'Recorded by how much help the child needs: moderate or severe learning difficulty.',
  ],
  [
    'learning disability',
    'condition',
    ['MLD', 'SLD', 'PMLD'],
    ['learning disabilities', 'intellectual disability', 'learning disabled'],
    [],
    'A health term; the census records it by severity as moderate, severe, or profound and multiple learning difficulty.',
  ],
  ['Fragile X syndrome', 'condition', ['MLD', 'SLD'], ['Fragile X'], [], 'Recorded by severity.'],
  ['Williams syndrome', 'condition', ['MLD', 'SLD'], [], [], 'Recorded by severity.'],
  ['Angelman syndrome', 'condition', ['SLD', 'PMLD'], [], [], 'Recorded by severity.'],
  [
    'Rett syndrome',
    'condition',
    ['SLD', 'PMLD', 'PD'],
    [],
    [],
    'Affects learning and movement: recorded by the main need, which varies.',
  ],
  [
    'Down syndrome',
    'condition',
    ['DS'],
    ['Down’s syndrome', 'trisomy 21'],
    [],
    'Its own census type from spring 2025; earlier records usually show moderate or severe learning difficulty.',
  ],
  [
    'foetal alcohol spectrum disorder',
    'condition',
    ['MLD', 'SEMH', 'OTH'],
    [
      'FASD',
      'fetal alcohol spectrum disorder',
      'foetal alcohol syndrome',
      'fetal alcohol syndrome',
    ],
    [],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.',
  ],
  [
    'falling behind',
    'phrase',
    ['MLD'],
    [
      'behind at school',
      'behind with learning',
      'slow learner',
      'struggles to learn',
      'finds learning hard',
      'working below age',
    ],
    [],
    null,
  ],
  [
    'complex needs',
    'phrase',
    ['PMLD', 'SLD'],
    ['complex learning needs', 'complex medical and learning needs'],
    [],
    'Used of children with profound and multiple, or severe, learning difficulties.',
  ],
  [
    'ADHD',
    'condition',
    ['SEMH'],
    [
      'attention deficit hyperactivity disorder',
      'attention deficit disorder',
      'attention deficit',
      'hyperactivity',
    ],
    ['ADD'],
    'The SEND Code of Practice places ADHD and ADD under social, emotional and mental health. “ADD” is an everyday word, so only “ADD” in capitals means the condition.',
  ],
  [
    'attachment difficulties',
    'condition',
    ['SEMH'],
    ['attachment disorder', 'attachment issues', 'reactive attachment disorder', 'attachment'],
    [],
    null,
  ],
  [
    'anxiety',
    'condition',
    ['SEMH'],
    ['anxious', 'anxiety disorder', 'panic attacks', 'generalised anxiety'],
    [],
    null,
  ],
  ['depression', 'condition', ['SEMH'], ['depressed', 'low mood'], [], null],
  ['self-harm', 'condition', ['SEMH'], ['self-harming', 'selfharm'], [], null],
  [
    'eating disorder',
    'condition',
    ['SEMH'],
    ['eating disorders', 'anorexia', 'bulimia', 'ARFID'],
    [],
    null,
  ],
  ['obsessive compulsive disorder', 'condition', ['SEMH'], ['OCD'], [], null],
  [
    'trauma',
    'condition',
    ['SEMH'],
    [
      'childhood trauma',
      'adverse childhood experiences',
      'ACEs',
      'traumatised',
      'PTSD',
      'post-traumatic stress disorder',
    ],
    [],
    null,
  ],
  [
    'Tourette’s syndrome',
    'condition',
    ['SEMH', 'OTH'],
    ['Tourette syndrome', 'Tourette’s', 'Tourette', 'tic disorder'],
    [],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.',
  ],
  [
    'tics',
    'phrase',
    ['SEMH', 'OTH'],
    ['tic', 'vocal tics', 'motor tics', 'twitches'],
    [],
    'Usually Tourette’s syndrome or another tic disorder: see that entry.',
  ],
  ['oppositional defiant disorder', 'condition', ['SEMH'], ['conduct disorder'], ['ODD'], null],
  [
    'emotionally based school avoidance',
    'condition',
    ['SEMH'],
    [
      'EBSA',
      'school refusal',
      'school avoidance',
      'emotionally based school non-attendance',
      'EBSNA',
    ],
    [],
    'A pattern of attendance rather than a need in itself; most often rooted in anxiety.',
  ],
  [
    'emotional dysregulation',
    'condition',
    ['SEMH'],
    ['dysregulation', 'struggles to regulate', 'dysregulated'],
    [],
    null,
  ],
  [
    'won’t go to school',
    'phrase',
    ['SEMH'],
    [
      'doesn’t want to go to school',
      'does not want to go to school',
      'refuses to go to school',
      'scared of school',
      'anxious about school',
      'can’t face school',
      'school anxiety',
    ],
    [],
    'Usually anxiety or emotionally based school avoidance.',
  ],
  [
    'can’t sit still',
    'phrase',
    ['SEMH'],
    ['fidgety', 'fidgeting', 'restless', 'hyperactive'],
    [],
    'Often ADHD, which the Code of Practice places under SEMH.',
  ],
  [
    'can’t concentrate',
    'phrase',
    ['SEMH', 'SPLD'],
    [
      'poor concentration',
      'short attention span',
      'easily distracted',
      'attention difficulties',
      'can’t focus',
    ],
    [],
    'Often ADHD (SEMH); sometimes a specific learning difficulty.',
  ],
  [
    'challenging behaviour',
    'phrase',
    ['SEMH'],
    [
      'behaviour problems',
      'bad behaviour',
      'disruptive behaviour',
      'behavioural difficulties',
      'angry outbursts',
      'aggressive behaviour',
    ],
    [],
    null,
  ],
  [
    'struggles with friendships',
    'phrase',
    ['SEMH', 'ASD'],
    ['no friends', 'finds friendships hard', 'socially isolated'],
    [],
    'Described by parents of autistic children and of children with SEMH needs.',
  ],
  [
    'epilepsy',
    'condition',
    ['OTH', 'PD'],
    ['epileptic', 'seizures', 'seizure', 'absence seizures'],
    [],
    'A medical condition: other difficulty or disability, or physical disability where it limits movement or access.',
  ],
  [
    'diabetes',
    'condition',
    ['OTH'],
    ['type 1 diabetes', 'diabetic'],
    [],
    'Usually a medical need met by an individual healthcare plan rather than SEN.',
  ],
  [
    'cystic fibrosis',
    'condition',
    ['OTH', 'PD'],
    [],
    [],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.',
  ],
  ['sickle cell disease', 'condition', ['OTH'], ['sickle cell', 'sickle cell anaemia'], [], null],
  [
    'childhood cancer',
    'condition',
    ['OTH'],
    ['cancer', 'leukaemia', 'brain tumour', 'chemotherapy'],
    [],
    null,
  ],
  [
    'chronic fatigue syndrome',
    'condition',
    ['OTH', 'PD'],
    ['CFS', 'myalgic encephalomyelitis', 'ME/CFS', 'long COVID'],
    ['ME'],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these. “me” is an everyday word, so only “ME” in capitals means the condition.',
  ],
  ['asthma', 'condition', ['OTH'], [], [], 'Rarely SEN on its own; a medical need.'],
  [
    'severe allergies',
    'condition',
    ['OTH'],
    ['anaphylaxis', 'severe allergy'],
    [],
    'Rarely SEN on its own; a medical need.',
  ],
  [
    'Crohn’s disease',
    'condition',
    ['OTH'],
    ['Crohns', 'inflammatory bowel disease', 'IBD', 'colitis'],
    [],
    null,
  ],
  [
    'continence needs',
    'condition',
    ['OTH', 'PD'],
    ['incontinence', 'toileting needs', 'not toilet trained'],
    [],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.',
  ],
  [
    'tube feeding',
    'condition',
    ['OTH', 'PD'],
    ['gastrostomy', 'tube fed', 'PEG fed'],
    [],
    'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.',
  ],
  [
    'medical needs',
    'phrase',
    ['OTH'],
    [
      'medical condition',
      'long-term illness',
      'chronic illness',
      'health needs',
      'life-limiting condition',
    ],
    [],
    null,
  ],
  [
    'waiting for a diagnosis',
    'phrase',
    ['NSA'],
    [
      'awaiting diagnosis',
      'no diagnosis',
      'undiagnosed',
      'waiting for an assessment',
      'not diagnosed',
    ],
    [],
    'The census type for pupils on SEN support whose need has not been assessed by a specialist.',
  ],
]

/** Abbreviations made one-way in the synonym groups that hold them. */
const oneWay = ['ta', 'salt', 'hi', 'vi', 'pd', 'ot', 'ep', 'ap', 'pe', 'send', 'ds']
/** Everyday words taken out of synonym groups altogether. */
const removed = ['add']
/** Groups added, unless one of their terms is already in a group. */
const added: readonly (readonly string[])[] = [
  [
    'cpd',
    'staff training',
    'professional development',
    'continuing professional development',
    'staff development',
  ],
]

/** The columns this migration writes, as they were when it was written. */
type Tables = {
  taxonomy_conditions: {
    name: string
    kind: string
    need_codes: string[]
    other_names: string[]
    abbreviations: string[]
    note: string | null
  }
  search_synonym_groups: {
    id: Generated<number>
    terms: string[]
    one_way_terms: string[]
    updated_at: Generated<Date>
  }
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped.withTables<Tables>()
  // One filler at a time, so two instances migrating together do not both fill the table.
  await sql`SELECT pg_advisory_xact_lock(hashtext('seed taxonomy conditions'))`.execute(db)
  const existing = await sql`SELECT 1 FROM taxonomy_conditions LIMIT 1`.execute(db)
  if (existing.rows.length === 0) {
    await db
      .insertInto('taxonomy_conditions')
      .values(
        conditions.map(([name, kind, needs, otherNames, abbreviations, note]) => ({
          name,
          kind,
          need_codes: [...needs],
          other_names: [...otherNames],
          abbreviations: [...abbreviations],
          note,
        })),
      )
      .execute()
  }

  await sql`SELECT pg_advisory_xact_lock(hashtext('search synonyms'))`.execute(db)
  const groups = await db
    .selectFrom('search_synonym_groups')
    .select(['id', 'terms', 'one_way_terms'])
    .orderBy('id')
    .execute()
  for (const group of groups) {
    const moved = group.terms.filter((term) => oneWay.includes(term))
    const terms = group.terms.filter((term) => !oneWay.includes(term) && !removed.includes(term))
    if (terms.length === group.terms.length || terms.length < 2) continue
    await db
      .updateTable('search_synonym_groups')
      .set({ terms, one_way_terms: [...group.one_way_terms, ...moved], updated_at: sql`now()` })
      .where('id', '=', group.id)
      .execute()
  }
  const taken = new Set(groups.flatMap((group) => [...group.terms, ...group.one_way_terms]))
  for (const terms of added) {
    if (terms.some((term) => taken.has(term))) continue
    await db
      .insertInto('search_synonym_groups')
      .values({ terms: [...terms], one_way_terms: [] })
      .execute()
  }
}

export async function down(): Promise<void> {
  // Vocabulary rows and synonym changes stay; the previous migration's down drops the table.
}
