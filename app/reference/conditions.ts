// The conditions vocabulary: conditions, diagnoses and everyday descriptions that parents and
// teachers type, each pointing at the census need types (taxonomy-codes.ts) it is recorded under.
// The library uses it to understand a query ("muscular dystrophy" → physical disability) and show
// practice for that need when few case studies name the condition itself.
//
// Placement follows the DfE school census guidance on recording SEN type (its descriptions of each
// type: for example cerebral palsy, heart disease, spina bifida and hydrocephalus, and muscular
// dystrophy under physical disability; dyslexia, dyscalculia and dyspraxia under specific learning
// difficulty; Asperger's under autism) and, where the census is silent, the SEND Code of Practice's
// descriptions of the four broad areas (6.28–6.35: ADHD, attachment disorder, anxiety, depression,
// self-harm and eating disorders under SEMH). Where neither places a condition, or schools record
// it by its main effect on learning, it points at every plausible need and `note` says why.
//
// This file is the current expected list. The data arrives in the database by the migration
// 2026-12-07T0710-conditions-data (frozen copy); administrators edit it at /admin/taxonomy/conditions.
// A later change here is a new data migration, and an integration test checks that a freshly
// migrated database matches this file.

import type { NeedCode } from './taxonomy-codes'

export type ConditionKind = 'condition' | 'phrase'

export interface ConditionDefinition {
  /** As written in the middle of a sentence: "muscular dystrophy", "Tourette's syndrome". */
  name: string
  /** A diagnosis or named condition, or an everyday description of what a child finds hard. */
  kind: ConditionKind
  /** Other names, spellings and abbreviations, matched whatever the capitals. */
  otherNames: readonly string[]
  /** Abbreviations that are also everyday words (ADD, ME): matched only when typed in capitals. */
  abbreviations: readonly string[]
  /** The census need types it is recorded under; several where the guidance is ambiguous. */
  needs: readonly NeedCode[]
  /** Why it points where it does, when that is not obvious or the guidance is ambiguous. */
  note: string | null
}

const BY_EFFECT =
  'The census guidance does not name it; schools record it by its main effect on learning, so it points at each of these.'

const c = (
  name: string,
  needs: readonly NeedCode[],
  otherNames: readonly string[] = [],
  options: { abbreviations?: readonly string[]; note?: string; kind?: ConditionKind } = {},
): ConditionDefinition => ({
  name,
  kind: options.kind ?? 'condition',
  otherNames,
  abbreviations: options.abbreviations ?? [],
  needs,
  note: options.note ?? null,
})

const phrase = (
  name: string,
  needs: readonly NeedCode[],
  otherNames: readonly string[] = [],
  note?: string,
) => c(name, needs, otherNames, { kind: 'phrase', note })

export const conditions: readonly ConditionDefinition[] = [
  // Physical disability: the census guidance names cerebral palsy, heart disease, spina bifida
  // and hydrocephalus, and muscular dystrophy, and pupils with significant motor difficulties.
  c('cerebral palsy', ['PD'], [], { abbreviations: ['CP'] }),
  c(
    'muscular dystrophy',
    ['PD'],
    ['Duchenne muscular dystrophy', 'Duchenne', 'Becker muscular dystrophy', 'DMD'],
  ),
  c('spina bifida', ['PD']),
  c('hydrocephalus', ['PD']),
  c('heart condition', ['PD'], ['heart disease', 'congenital heart disease', 'heart defect']),
  c('spinal muscular atrophy', ['PD'], ['SMA']),
  c('brittle bone disease', ['PD'], ['osteogenesis imperfecta']),
  c('limb difference', ['PD'], ['amputation', 'amputee', 'missing limb', 'limb loss']),
  c('juvenile arthritis', ['PD'], ['juvenile idiopathic arthritis', 'JIA', 'arthritis']),
  c(
    'hypermobility',
    ['PD'],
    ['Ehlers-Danlos syndrome', 'EDS', 'hypermobility spectrum disorder', 'joint hypermobility'],
  ),
  c('restricted growth', ['PD'], ['dwarfism', 'achondroplasia']),
  c('Perthes disease', ['PD'], ['Perthes', 'Legg-Calve-Perthes disease']),
  c(
    'acquired brain injury',
    ['PD', 'OTH'],
    ['ABI', 'brain injury', 'traumatic brain injury', 'head injury'],
    {
      note: 'Recorded by its main effect: physical disability where movement is affected, otherwise other difficulty or disability.',
    },
  ),
  phrase('uses a wheelchair', ['PD'], ['wheelchair', 'in a wheelchair', 'wheelchair users']),
  phrase(
    'mobility difficulties',
    ['PD'],
    ['difficulty walking', 'can’t walk', 'cannot walk', 'walking frame'],
  ),

  // Hearing impairment.
  c('deafness', ['HI'], ['deaf', 'profoundly deaf', 'partially deaf', 'hearing loss']),
  c('glue ear', ['HI'], ['otitis media', 'otitis media with effusion', 'grommets'], {
    note: 'Recorded as hearing impairment when the hearing loss it causes affects learning; often temporary.',
  }),
  c('unilateral hearing loss', ['HI'], ['deaf in one ear', 'single-sided deafness']),
  c('auditory neuropathy', ['HI'], ['auditory neuropathy spectrum disorder', 'ANSD']),
  phrase('hard of hearing', ['HI'], ['partially hearing', 'can’t hear', 'cannot hear']),
  phrase('cochlear implant', ['HI'], ['cochlear implants']),
  phrase('hearing aids', ['HI'], ['hearing aid', 'wears hearing aids', 'radio aid']),
  phrase('uses sign language', ['HI'], ['British Sign Language', 'BSL', 'sign language']),
  c('auditory processing disorder', ['SLCN', 'HI'], ['APD', 'auditory processing difficulties'], {
    note: 'Not a hearing loss: hearing is usually normal but sound is hard to make sense of. Schools record it as a communication need or, with audiology advice, as hearing impairment.',
  }),

  // Vision impairment.
  c('blindness', ['VI'], ['blind', 'severely sight impaired', 'registered blind']),
  phrase(
    'partially sighted',
    ['VI'],
    ['sight impaired', 'low vision', 'poor eyesight', 'sight loss', 'can’t see', 'cannot see'],
  ),
  c('nystagmus', ['VI']),
  c('albinism', ['VI']),
  c('cerebral visual impairment', ['VI'], ['CVI', 'cortical visual impairment']),
  c('retinopathy of prematurity', ['VI'], ['ROP']),
  c('childhood cataracts', ['VI'], ['cataracts', 'congenital cataracts', 'cataract']),
  c('childhood glaucoma', ['VI'], ['glaucoma', 'congenital glaucoma']),
  c('optic nerve hypoplasia', ['VI'], ['ONH', 'septo-optic dysplasia']),
  c('retinitis pigmentosa', ['VI']),
  phrase('reads braille', ['VI'], ['braille', 'braille user', 'uses braille']),

  // Multi-sensory impairment.
  c(
    'deafblindness',
    ['MSI'],
    ['deafblind', 'deaf-blind', 'dual sensory impairment', 'multi-sensory impairment'],
  ),
  c('Usher syndrome', ['MSI'], ['Usher’s syndrome']),
  c('CHARGE syndrome', ['MSI'], ['CHARGE']),
  c('congenital rubella syndrome', ['MSI'], ['congenital rubella']),

  // Autism (communication and interaction).
  c(
    'autism',
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
  ),
  c('Asperger’s syndrome', ['ASD'], ['Asperger syndrome', 'Asperger’s', 'Asperger']),
  c(
    'pathological demand avoidance',
    ['ASD'],
    ['PDA', 'demand avoidance', 'extreme demand avoidance', 'persistent drive for autonomy'],
    { note: 'A profile of autism; the census has no separate type for it.' },
  ),
  c(
    'sensory processing difficulties',
    ['ASD', 'OTH'],
    [
      'sensory processing disorder',
      'SPD',
      'sensory processing',
      'sensory overload',
      'sensory seeking',
    ],
    {
      note: 'Not a diagnosis in its own right and not named in the census guidance; most often seen with autism, otherwise recorded as other difficulty.',
    },
  ),
  phrase(
    'meltdowns',
    ['ASD', 'SEMH'],
    ['meltdown', 'shutdowns', 'shutdown'],
    'Often described by parents of autistic children, and also by those of children with SEMH needs.',
  ),

  // Speech, language and communication needs.
  c(
    'developmental language disorder',
    ['SLCN'],
    ['DLD', 'specific language impairment', 'SLI', 'language disorder'],
  ),
  c(
    'stammering',
    ['SLCN'],
    ['stammer', 'stammers', 'stuttering', 'stutter', 'stutters', 'dysfluency'],
  ),
  c(
    'verbal dyspraxia',
    ['SLCN'],
    ['childhood apraxia of speech', 'developmental verbal dyspraxia', 'apraxia of speech'],
  ),
  c('selective mutism', ['SLCN', 'SEMH'], ['situational mutism'], {
    note: 'An anxiety condition that shows as not speaking: schools record it under communication or under SEMH.',
  }),
  c(
    'social communication difficulties',
    ['SLCN', 'ASD'],
    ['social communication disorder', 'pragmatic language impairment', 'social communication'],
    { note: 'Recorded as a communication need, or under autism where that is the diagnosis.' },
  ),
  c('cleft lip and palate', ['SLCN'], ['cleft palate', 'cleft lip']),
  phrase(
    'speech delay',
    ['SLCN'],
    [
      'speech and language delay',
      'language delay',
      'delayed speech',
      'late talker',
      'late talking',
      'not talking yet',
    ],
  ),
  phrase(
    'doesn’t talk at school',
    ['SLCN', 'SEMH'],
    [
      'does not talk at school',
      'won’t talk at school',
      'doesn’t speak at school',
      'does not speak at school',
      'won’t speak at school',
    ],
    'Usually selective mutism: see that entry.',
  ),
  phrase(
    'non-verbal',
    ['SLCN', 'ASD'],
    ['nonverbal', 'non-speaking', 'minimally verbal'],
    'Used of autistic children and of children with other communication needs.',
  ),
  phrase(
    'unclear speech',
    ['SLCN'],
    ['speech sound disorder', 'speech difficulties', 'hard to understand', 'lisp'],
  ),

  // Specific learning difficulty: the census guidance names dyslexia, dyscalculia and dyspraxia.
  c('dyslexia', ['SPLD'], ['dyslexic']),
  c('dyscalculia', ['SPLD'], ['dyscalculic']),
  c('dyspraxia', ['SPLD'], ['developmental coordination disorder', 'DCD', 'dyspraxic'], {
    note: 'The census guidance lists dyspraxia under specific learning difficulty, even where movement is the main barrier.',
  }),
  c('dysgraphia', ['SPLD'], ['handwriting difficulties', 'poor handwriting', 'messy handwriting']),
  c(
    'visual stress',
    ['SPLD'],
    ['Irlen syndrome', 'Meares-Irlen syndrome', 'scotopic sensitivity'],
    {
      note: 'Not a vision impairment; usually raised alongside reading difficulties.',
    },
  ),
  c(
    'working memory difficulties',
    ['SPLD', 'MLD'],
    ['poor working memory', 'working memory', 'slow processing', 'processing speed'],
    { note: BY_EFFECT },
  ),
  phrase(
    'struggles with reading',
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
    'A specific difficulty such as dyslexia, or part of finding most learning hard.',
  ),
  phrase(
    'struggles with spelling',
    ['SPLD'],
    ['poor spelling', 'spelling difficulties', 'can’t spell'],
  ),
  phrase(
    'struggles with maths',
    ['SPLD', 'MLD'],
    ['struggling with maths', 'maths difficulties', 'difficulty with maths', 'number difficulties'],
    'A specific difficulty such as dyscalculia, or part of finding most learning hard.',
  ),
  phrase(
    'clumsy',
    ['SPLD'],
    ['clumsiness', 'poor coordination', 'coordination difficulties'],
    'Usually dyspraxia, which the census lists under specific learning difficulty.',
  ),

  // Learning difficulties, by severity.
  c('global developmental delay', ['MLD', 'SLD'], ['GDD', 'developmental delay'], {
    note: 'Recorded by how much help the child needs: moderate or severe learning difficulty.',
  }),
  c(
    'learning disability',
    ['MLD', 'SLD', 'PMLD'],
    ['learning disabilities', 'intellectual disability', 'learning disabled'],
    {
      note: 'A health term; the census records it by severity as moderate, severe, or profound and multiple learning difficulty.',
    },
  ),
  c('Fragile X syndrome', ['MLD', 'SLD'], ['Fragile X'], { note: 'Recorded by severity.' }),
  c('Williams syndrome', ['MLD', 'SLD'], [], { note: 'Recorded by severity.' }),
  c('Angelman syndrome', ['SLD', 'PMLD'], [], { note: 'Recorded by severity.' }),
  c('Rett syndrome', ['SLD', 'PMLD', 'PD'], [], {
    note: 'Affects learning and movement: recorded by the main need, which varies.',
  }),
  c('Down syndrome', ['DS'], ['Down’s syndrome', 'trisomy 21'], {
    note: 'Its own census type from spring 2025; earlier records usually show moderate or severe learning difficulty.',
  }),
  c(
    'foetal alcohol spectrum disorder',
    ['MLD', 'SEMH', 'OTH'],
    [
      'FASD',
      'fetal alcohol spectrum disorder',
      'foetal alcohol syndrome',
      'fetal alcohol syndrome',
    ],
    { note: BY_EFFECT },
  ),
  phrase(
    'falling behind',
    ['MLD'],
    [
      'behind at school',
      'behind with learning',
      'slow learner',
      'struggles to learn',
      'finds learning hard',
      'working below age',
    ],
  ),
  phrase(
    'complex needs',
    ['PMLD', 'SLD'],
    ['complex learning needs', 'complex medical and learning needs'],
    'Used of children with profound and multiple, or severe, learning difficulties.',
  ),

  // Social, emotional and mental health: the Code of Practice names these under SEMH.
  c(
    'ADHD',
    ['SEMH'],
    [
      'attention deficit hyperactivity disorder',
      'attention deficit disorder',
      'attention deficit',
      'hyperactivity',
    ],
    {
      abbreviations: ['ADD'],
      note: 'The SEND Code of Practice places ADHD and ADD under social, emotional and mental health. “ADD” is an everyday word, so only “ADD” in capitals means the condition.',
    },
  ),
  c(
    'attachment difficulties',
    ['SEMH'],
    ['attachment disorder', 'attachment issues', 'reactive attachment disorder', 'attachment'],
  ),
  c('anxiety', ['SEMH'], ['anxious', 'anxiety disorder', 'panic attacks', 'generalised anxiety']),
  c('depression', ['SEMH'], ['depressed', 'low mood']),
  c('self-harm', ['SEMH'], ['self-harming', 'selfharm']),
  c('eating disorder', ['SEMH'], ['eating disorders', 'anorexia', 'bulimia', 'ARFID']),
  c('obsessive compulsive disorder', ['SEMH'], ['OCD']),
  c(
    'trauma',
    ['SEMH'],
    [
      'childhood trauma',
      'adverse childhood experiences',
      'ACEs',
      'traumatised',
      'PTSD',
      'post-traumatic stress disorder',
    ],
  ),
  c(
    'Tourette’s syndrome',
    ['SEMH', 'OTH'],
    ['Tourette syndrome', 'Tourette’s', 'Tourette', 'tic disorder'],
    {
      note: BY_EFFECT,
    },
  ),
  phrase(
    'tics',
    ['SEMH', 'OTH'],
    ['tic', 'vocal tics', 'motor tics', 'twitches'],
    'Usually Tourette’s syndrome or another tic disorder: see that entry.',
  ),
  c('oppositional defiant disorder', ['SEMH'], ['conduct disorder'], { abbreviations: ['ODD'] }),
  c(
    'emotionally based school avoidance',
    ['SEMH'],
    [
      'EBSA',
      'school refusal',
      'school avoidance',
      'emotionally based school non-attendance',
      'EBSNA',
    ],
    { note: 'A pattern of attendance rather than a need in itself; most often rooted in anxiety.' },
  ),
  c(
    'emotional dysregulation',
    ['SEMH'],
    ['dysregulation', 'struggles to regulate', 'dysregulated'],
  ),
  phrase(
    'won’t go to school',
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
    'Usually anxiety or emotionally based school avoidance.',
  ),
  phrase(
    'can’t sit still',
    ['SEMH'],
    ['fidgety', 'fidgeting', 'restless', 'hyperactive'],
    'Often ADHD, which the Code of Practice places under SEMH.',
  ),
  phrase(
    'can’t concentrate',
    ['SEMH', 'SPLD'],
    [
      'poor concentration',
      'short attention span',
      'easily distracted',
      'attention difficulties',
      'can’t focus',
    ],
    'Often ADHD (SEMH); sometimes a specific learning difficulty.',
  ),
  phrase(
    'challenging behaviour',
    ['SEMH'],
    [
      'behaviour problems',
      'bad behaviour',
      'disruptive behaviour',
      'behavioural difficulties',
      'angry outbursts',
      'aggressive behaviour',
    ],
  ),
  phrase(
    'struggles with friendships',
    ['SEMH', 'ASD'],
    ['no friends', 'finds friendships hard', 'socially isolated'],
    'Described by parents of autistic children and of children with SEMH needs.',
  ),

  // Other difficulty or disability: long-term medical conditions.
  c('epilepsy', ['OTH', 'PD'], ['epileptic', 'seizures', 'seizure', 'absence seizures'], {
    note: 'A medical condition: other difficulty or disability, or physical disability where it limits movement or access.',
  }),
  c('diabetes', ['OTH'], ['type 1 diabetes', 'diabetic'], {
    note: 'Usually a medical need met by an individual healthcare plan rather than SEN.',
  }),
  c('cystic fibrosis', ['OTH', 'PD'], [], { note: BY_EFFECT }),
  c('sickle cell disease', ['OTH'], ['sickle cell', 'sickle cell anaemia']),
  c('childhood cancer', ['OTH'], ['cancer', 'leukaemia', 'brain tumour', 'chemotherapy']),
  c(
    'chronic fatigue syndrome',
    ['OTH', 'PD'],
    ['CFS', 'myalgic encephalomyelitis', 'ME/CFS', 'long COVID'],
    {
      abbreviations: ['ME'],
      note: `${BY_EFFECT} “me” is an everyday word, so only “ME” in capitals means the condition.`,
    },
  ),
  c('asthma', ['OTH'], [], { note: 'Rarely SEN on its own; a medical need.' }),
  c('severe allergies', ['OTH'], ['anaphylaxis', 'severe allergy'], {
    note: 'Rarely SEN on its own; a medical need.',
  }),
  c('Crohn’s disease', ['OTH'], ['Crohns', 'inflammatory bowel disease', 'IBD', 'colitis']),
  c('continence needs', ['OTH', 'PD'], ['incontinence', 'toileting needs', 'not toilet trained'], {
    note: BY_EFFECT,
  }),
  c('tube feeding', ['OTH', 'PD'], ['gastrostomy', 'tube fed', 'PEG fed'], { note: BY_EFFECT }),
  phrase(
    'medical needs',
    ['OTH'],
    [
      'medical condition',
      'long-term illness',
      'chronic illness',
      'health needs',
      'life-limiting condition',
    ],
  ),

  // SEN support without a specialist assessment yet.
  phrase(
    'waiting for a diagnosis',
    ['NSA'],
    [
      'awaiting diagnosis',
      'no diagnosis',
      'undiagnosed',
      'waiting for an assessment',
      'not diagnosed',
    ],
    'The census type for pupils on SEN support whose need has not been assessed by a specialist.',
  ),
]
