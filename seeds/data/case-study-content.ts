// Building blocks for the fictional demo library and the synthetic benchmark generator.
//
// Everything here is invented. Pupils are only ever described by role and year group, and no
// text names a person, a school, a place or an identifier, so nothing that looks like personal
// data can reach the public library (or trip the redaction checks) from seed content.
//
// Paragraphs are templates: `{placeholder}` is filled from the need, phase and organisation of
// the case study being built, so that one paragraph reads naturally for many combinations.
// A placeholder written with a capital first letter (`{NeedSpecialist}`) is filled with the
// same value capitalised, for use at the start of a sentence.

import {
  NEED_CODES,
  OUTCOME_CODES,
  PHASE_CODES,
  PRACTICE_CODES,
  PRINCIPLE_CODES,
  SETTING_CODES,
  type NeedCode,
  type OutcomeCode,
  type PhaseCode,
  type PracticeCode,
  type PrincipleCode,
  type SettingCode,
} from '../../app/reference/taxonomy-codes'

export { NEED_CODES, OUTCOME_CODES, PHASE_CODES, PRACTICE_CODES, PRINCIPLE_CODES, SETTING_CODES }
export type { NeedCode, OutcomeCode, PhaseCode, PracticeCode, PrincipleCode, SettingCode }

export type EvidenceStrength = 0 | 1 | 2 | 3 | 4

// ---------------------------------------------------------------------------------------------
// Need vocabulary: the short phrases that let one paragraph speak about any type of need.
// ---------------------------------------------------------------------------------------------

export interface NeedVocabulary {
  /** Plural noun phrase used in running text, e.g. 'autistic pupils'. */
  pupils: string
  /** Shorter plural used in titles and summaries, where length matters. */
  short: string
  /** The need itself, e.g. 'hearing impairment'. */
  noun: string
  /** Broad area of need from the SEND Code of Practice. */
  area: string
  /** Typical classroom adjustments, as a noun phrase list. */
  strategy: string
  /** Specialist who advises the school, with article. */
  specialist: string
  /** Words search users type for this need. */
  keywords: string[]
}

export const NEED_VOCABULARY: Record<NeedCode, NeedVocabulary> = {
  SPLD: {
    pupils: 'pupils with dyslexia and other specific learning difficulties',
    short: 'pupils with dyslexia',
    noun: 'specific learning difficulties such as dyslexia',
    area: 'cognition and learning',
    strategy: 'structured, cumulative literacy teaching, reader pens and speech-to-text software',
    specialist: 'the specialist dyslexia teacher from the local authority',
    keywords: ['SpLD', 'dyslexia', 'dyscalculia', 'specific learning difficulty', 'reading'],
  },
  MLD: {
    pupils: 'pupils with moderate learning difficulties',
    short: 'pupils with learning difficulties',
    noun: 'moderate learning difficulties',
    area: 'cognition and learning',
    strategy: 'small-step planning, concrete resources and frequent retrieval practice',
    specialist: 'the educational psychologist (EP)',
    keywords: ['MLD', 'moderate learning difficulties', 'cognition and learning'],
  },
  SLD: {
    pupils: 'pupils with severe learning difficulties',
    short: 'pupils with severe learning difficulties',
    noun: 'severe learning difficulties',
    area: 'cognition and learning',
    strategy: 'a personalised curriculum, symbol-supported communication and intensive interaction',
    specialist: 'the outreach team from the local special school',
    keywords: ['SLD', 'severe learning difficulties', 'learning disability'],
  },
  PMLD: {
    pupils: 'pupils with profound and multiple learning difficulties',
    short: 'pupils with PMLD',
    noun: 'profound and multiple learning difficulties (PMLD)',
    area: 'cognition and learning',
    strategy: 'sensory-based learning, a postural care plan and objects of reference',
    specialist: 'the physiotherapist and the outreach team from the local special school',
    keywords: ['PMLD', 'profound and multiple learning difficulties', 'complex needs', 'sensory'],
  },
  SEMH: {
    pupils: 'pupils with social, emotional and mental health needs',
    short: 'pupils with SEMH needs',
    noun: 'social, emotional and mental health (SEMH) needs',
    area: 'social, emotional and mental health',
    strategy: 'a trusted key adult, planned movement breaks and a calm space to regulate',
    specialist: 'the educational psychologist and the CAMHS link worker',
    keywords: ['SEMH', 'mental health', 'anxiety', 'behaviour', 'ADHD', 'trauma-informed'],
  },
  SLCN: {
    pupils: 'pupils with speech, language and communication needs',
    short: 'pupils with language needs',
    noun: 'speech, language and communication needs (SLCN)',
    area: 'communication and interaction',
    strategy: 'pre-taught vocabulary, visual supports and short, chunked instructions',
    specialist: 'the speech and language therapist (SALT)',
    keywords: ['SLCN', 'speech and language', 'SALT', 'DLD', 'language'],
  },
  HI: {
    pupils: 'deaf pupils and pupils with hearing impairment',
    short: 'deaf pupils',
    noun: 'deafness and hearing impairment',
    area: 'sensory and/or physical needs',
    strategy:
      'radio aids, subtitled video, good classroom acoustics and pre-taught subject vocabulary',
    specialist: 'the qualified teacher of the deaf (QToD)',
    keywords: ['HI', 'deaf', 'hearing impairment', 'BSL', 'radio aid'],
  },
  VI: {
    pupils: 'blind and partially sighted pupils',
    short: 'pupils with vision impairment',
    noun: 'vision impairment',
    area: 'sensory and/or physical needs',
    strategy: 'modified large print, braille where needed, good lighting and tactile resources',
    specialist: 'the qualified teacher of vision impairment (QTVI)',
    keywords: ['VI', 'vision impairment', 'visual impairment', 'blind', 'braille', 'QTVI'],
  },
  MSI: {
    pupils: 'pupils with multi-sensory impairment',
    short: 'deafblind pupils',
    noun: 'multi-sensory impairment (deafblindness)',
    area: 'sensory and/or physical needs',
    strategy: 'a consistent intervener, tactile signing and objects of reference',
    specialist: 'the multi-sensory impairment specialist teacher',
    keywords: ['MSI', 'multi-sensory impairment', 'deafblind', 'sensory'],
  },
  PD: {
    pupils: 'pupils with physical disabilities',
    short: 'pupils with physical disabilities',
    noun: 'physical disability',
    area: 'sensory and/or physical needs',
    strategy: 'accessible classroom layouts, adapted equipment and a moving and handling plan',
    specialist: 'the occupational therapist (OT) and the physiotherapist',
    keywords: ['PD', 'physical disability', 'wheelchair user', 'cerebral palsy', 'OT', 'physio'],
  },
  ASD: {
    pupils: 'autistic pupils',
    short: 'autistic pupils',
    noun: 'autism',
    area: 'communication and interaction',
    strategy:
      'visual timetables, a low-arousal workspace and advance warning of changes to routine',
    specialist: "the local authority's autism outreach teacher",
    keywords: ['autism', 'autistic', 'ASD', 'ASC', 'neurodivergent'],
  },
  OTH: {
    pupils: 'pupils with other difficulties and disabilities, including complex medical needs',
    short: 'pupils with medical needs',
    noun: 'complex medical needs and other difficulties',
    area: 'a range of needs',
    strategy: 'an individual healthcare plan, planned rest breaks and flexible deadlines',
    specialist: 'the school nurse and the community paediatric team',
    keywords: [
      'medical needs',
      'other difficulty',
      'individual healthcare plan',
      'chronic illness',
    ],
  },
  NSA: {
    pupils: 'pupils on SEN support whose needs have not yet had a specialist assessment',
    short: 'pupils on SEN support',
    noun: 'emerging needs that have not yet been assessed',
    area: 'a range of needs',
    strategy: 'careful observation, short diagnostic assessments and quick, low-cost adjustments',
    specialist: 'the educational psychologist (EP)',
    keywords: ['SEN support', 'unidentified need', 'graduated approach', 'assess plan do review'],
  },
  DS: {
    pupils: 'pupils with Down syndrome',
    short: 'pupils with Down syndrome',
    noun: 'Down syndrome',
    area: 'a range of needs',
    strategy: 'visual supports, Makaton signing and reading taught as a route into speech',
    specialist: 'the Down syndrome specialist outreach teacher',
    keywords: ['Down syndrome', 'DS', 'Makaton', 'learning disability'],
  },
}

// ---------------------------------------------------------------------------------------------
// Phase vocabulary: year groups and roles that make a paragraph fit its age range.
// ---------------------------------------------------------------------------------------------

export interface PhaseVocabulary {
  /** Adjective used in titles, e.g. 'secondary'. */
  label: string
  /** How a single school in this phase is described in a summary. */
  schoolNoun: string
  yearGroups: string[]
  /** The year group pupils join in, where screening and transition work concentrates. */
  entryYear: string
  keyStage: string
  /** The staff who teach pupils day to day. */
  teachers: string
  /** The main transition this phase worries about. */
  transition: string
  keywords: string[]
}

export const PHASE_VOCABULARY: Record<PhaseCode, PhaseVocabulary> = {
  'early-years': {
    label: 'early years',
    schoolNoun: 'maintained nursery school',
    yearGroups: ['Nursery', 'Reception'],
    entryYear: 'Reception',
    keyStage: 'the early years foundation stage',
    teachers: 'early years practitioners',
    transition: 'the move from nursery into Reception',
    keywords: ['early years', 'EYFS', 'nursery', 'Reception'],
  },
  primary: {
    label: 'primary',
    schoolNoun: 'primary school',
    yearGroups: ['Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6'],
    entryYear: 'Reception',
    keyStage: 'key stage 2',
    teachers: 'class teachers',
    transition: 'the move from Year 6 to Year 7',
    keywords: ['primary', 'KS1', 'KS2'],
  },
  secondary: {
    label: 'secondary',
    schoolNoun: 'secondary school',
    yearGroups: ['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11'],
    entryYear: 'Year 7',
    keyStage: 'key stage 3',
    teachers: 'subject teachers',
    transition: 'the move from Year 6 to Year 7',
    keywords: ['secondary', 'KS3', 'KS4'],
  },
  'all-through': {
    label: 'all-through',
    schoolNoun: 'all-through school',
    yearGroups: ['Year 3', 'Year 5', 'Year 6', 'Year 7', 'Year 8', 'Year 10'],
    entryYear: 'Reception',
    keyStage: 'key stages 2 and 3',
    teachers: 'class and subject teachers',
    transition: 'the move from the primary phase into Year 7',
    keywords: ['all-through', 'primary', 'secondary'],
  },
  'post-16': {
    label: 'sixth form',
    schoolNoun: 'school sixth form',
    yearGroups: ['Year 12', 'Year 13'],
    entryYear: 'Year 12',
    keyStage: 'key stage 5',
    teachers: 'subject teachers',
    transition: 'the move from Year 11 into the sixth form',
    keywords: ['post-16', 'sixth form', 'preparing for adulthood'],
  },
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

/**
 * The placeholders a template may use. Filling fails loudly on anything else, so a typo in
 * a paragraph is caught by the first build rather than published as '{needPupil}'.
 */
export interface TemplateValues {
  needPupils: string
  needShort: string
  needNoun: string
  needArea: string
  needStrategy: string
  needSpecialist: string
  yearGroup: string
  otherYearGroup: string
  entryYear: string
  aPupil: string
  keyStage: string
  teachers: string
  transition: string
  phaseLabel: string
  org: string
  orgDesc: string
}

const compiledTemplates = new Map<string, string[]>()

// Splitting each template once keeps the generator fast enough for 100,000 items.
function compile(template: string): string[] {
  let parts = compiledTemplates.get(template)
  if (!parts) {
    parts = template.split(/\{([A-Za-z]+)\}/)
    compiledTemplates.set(template, parts)
  }
  return parts
}

export function fillTemplate(template: string, values: TemplateValues): string {
  const parts = compile(template)
  let out = parts[0] ?? ''
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? ''
    const lower = key.charAt(0).toLowerCase() + key.slice(1)
    const value = (values as unknown as Record<string, string | undefined>)[lower]
    if (value === undefined) throw new Error(`Unknown placeholder {${key}} in case study template`)
    out += key === lower ? value : value.charAt(0).toUpperCase() + value.slice(1)
    out += parts[i + 1] ?? ''
  }
  return out
}

/** The placeholder names a template uses, for checks that every template can be filled. */
export function templatePlaceholders(template: string): string[] {
  return compile(template).filter((_, i) => i % 2 === 1)
}

/**
 * Marks a template that only makes sense for a group of schools (a trust or a local area),
 * such as pooled funding or a SENCO network. Single schools never draw these.
 */
export const GROUP_ONLY = '[group] '

const schoolTemplates = new WeakMap<readonly string[], readonly string[]>()
const groupTemplates = new WeakMap<readonly string[], readonly string[]>()

/** The templates an organisation of this kind may use, with any GROUP_ONLY marker removed. */
export function usableTemplates(
  templates: readonly string[],
  kind: 'school' | 'group',
): readonly string[] {
  const cache = kind === 'school' ? schoolTemplates : groupTemplates
  let usable = cache.get(templates)
  if (!usable) {
    usable = templates
      .filter((t) => kind === 'group' || !t.startsWith(GROUP_ONLY))
      .map((t) => (t.startsWith(GROUP_ONLY) ? t.slice(GROUP_ONLY.length) : t))
    cache.set(templates, usable)
  }
  return usable
}

export interface PracticeContent {
  label: string
  /** Title patterns; most mention the need so titles vary across case studies. */
  titles: string[]
  /** One-sentence summaries; the fictional notice is appended by the builder. */
  summaries: string[]
  challenge: string[]
  practice: string[]
  impact: string[]
  keyFactors: string[]
  advice: string[]
  costAndResources: string[]
  keywords: string[]
  /** Needs this practice is typically used with, most typical first. */
  needs: NeedCode[]
  phases: PhaseCode[]
  outcomes: OutcomeCode[]
  principles: PrincipleCode[]
}

/**
 * How the school knows, by evidence strength (domain README §6.3). Appended to the impact
 * section so the prose matches the rating and the measures shown beside it.
 */
export const EVIDENCE_SENTENCES: Record<EvidenceStrength, string[]> = {
  4: [
    'To check this was more than a good year, we compared the pupils involved with a matched group of similar pupils in partner schools that had not yet adopted the approach; the comparison rows in the measures show the difference.',
    'An independent evaluation commissioned by the trust compared our pupils with a comparison group with similar needs and starting points in schools not yet using the approach, and the gap between the groups is reported below.',
  ],
  3: [
    'We have tracked the same measures for three years and set them against the national figures for pupils with similar needs, so we are confident the change is more than normal year-to-year variation.',
    'Our figures show a steady trend over several years, and we compare them each year with the local authority and national figures for pupils with SEND.',
  ],
  2: [
    'The before and after figures below come from our own tracking; we have no comparison group, so we treat them as encouraging rather than conclusive.',
    'We collected the same data before we started and a year later. It is a single school with small numbers and no comparison group, so we read the results with care.',
  ],
  1: [
    'Our evidence so far is what pupils, parents and staff tell us, gathered through pupil voice sessions, annual review feedback and a staff survey; we have not yet collected before and after data.',
    'We rely on feedback from pupils, families and colleagues, recorded at reviews and in regular conversations, and we are now setting up proper baseline measures.',
  ],
  0: [
    'This account describes our approach; we have not yet gathered data on its impact and plan to do so over the next year.',
    'We are still early in this work and have not yet measured impact; we share it because other schools have asked how we set it up.',
  ],
}

// ---------------------------------------------------------------------------------------------
// Practice content
// ---------------------------------------------------------------------------------------------

const RESOURCED_PROVISION: PracticeContent = {
  label: 'Resourced provision',
  titles: [
    'A resource base that keeps {needShort} in mainstream lessons',
    'Opening a resource base for {needShort} without creating a school within a school',
    'From withdrawal room to resource base: rethinking provision for {needShort}',
    'Resourced places for {needShort}, built around the mainstream timetable',
    'How our resource base shares its expertise with every classroom',
    'Growing a resource base for {needShort} one year group at a time',
    'Specialist base, mainstream belonging: resourced provision for {needShort}',
    'Twelve resourced places and one inclusive timetable',
  ],
  summaries: [
    'How {orgDesc} runs a resource base so that {needShort} spend most of the week in mainstream lessons with specialist support close at hand.',
    '{OrgDesc} explains how its resourced provision builds specialist teaching around mainstream lessons rather than the other way round.',
    'Lessons from {orgDesc} on opening resourced places for {needShort} and using the base to improve teaching across the whole school.',
  ],
  challenge: [
    'Before we opened the base, {needPupils} with EHC plans in our area often travelled more than an hour to a specialist place, or stayed in mainstream classes with a one-to-one teaching assistant and little specialist input. Parents told us their children were either isolated on a long taxi journey or isolated inside their own classroom. Our SENCO spent most of the week firefighting, and {teachers} said they lacked the knowledge to adapt lessons well. When the local authority asked us to host resourced places, we agreed on one condition: pupils would belong to a mainstream class or tutor group from the first day.',
    'We already had a number of {needPupils} on roll, but provision had grown piecemeal. Each pupil had a separate package of withdrawal sessions, and by {yearGroup} some were missing more than a third of their lessons. Support depended on which teaching assistant happened to be free, and advice from {needSpecialist} arrived as reports that nobody had time to turn into classroom practice. Suspensions and part-time timetables were creeping up, and several families had started asking about specialist school places because they felt mainstream was not working for their children.',
    'Our local area had a shortage of specialist places, and the wait for an EHC needs assessment meant many {needPupils} were in mainstream classes without the right support. When the local authority commissioned new resourced provision, governors worried that a base would become a separate unit where pupils were taught apart for most of the day, and staff worried about workload. We needed a model that gave pupils specialist teaching and a place to regulate, while keeping high expectations and time in mainstream lessons at the heart of the offer.',
  ],
  practice: [
    'Each pupil in the resource base has a mainstream class or tutor group and a personalised timetable agreed at their annual review. Most spend at least 70% of the week in mainstream lessons, supported by a specialist teaching assistant who knows both the pupil and the subject. The base teacher plans short, focused sessions on the areas the EHC plan identifies, using {needStrategy}. Pupils can check in at the base at the start and end of each day, and a calm room is always available. {NeedSpecialist} visits every half term to observe lessons and coach staff, not just to assess pupils.',
    "The base is a hub, not a destination. Timetables are built from the mainstream timetable outwards: we identify the lessons where a pupil can succeed with adaptations, then the small number where pre-teaching or an alternative is needed. Base staff pre-teach key vocabulary on Monday for the week's lessons, and {teachers} receive a one-page pupil profile written with the pupil. Each half term we hold an assess–plan–do–review meeting with the pupil, their parents and the SENCO to adjust the balance between base and classroom time.",
    'A typical day for {aPupil} with a resourced place starts with a ten-minute check-in, a look at the visual timetable and any changes flagged in advance. Most lessons are in mainstream classes; in two or three sessions a week the pupil works in the base on targets from their EHC plan. The base lead spends one afternoon a week in lessons modelling strategies such as {needStrategy}, so that expertise spreads beyond the pupils with places. Breaktimes are supported but shared, with a quieter option for pupils who want it.',
  ],
  impact: [
    'Pupils with resourced places now spend far more of their week in mainstream lessons than when they joined, and almost all have kept their place rather than moving to specialist provision. Parents say their children talk about friends from their class, not just base staff. Teachers report that strategies first used for {needPupils} are now routine in their classrooms and help many other pupils too. We know this from timetable data reviewed each half term, annual review records, attendance and suspension figures, and an annual survey of pupils, parents and staff.',
    'The clearest change is that pupils arrive ready to learn. Attendance has risen and the number of times a pupil left a lesson in distress has fallen each term. Pupils tell us in their reviews that the base feels safe because they can choose to use it, not because they are sent there. {Teachers} say their confidence in teaching {needPupils} has grown, and requests for help from the base are now about refining practice rather than emergencies. We track this through attendance data, our behaviour log and termly pupil voice.',
    'Most pupils with places have moved from needing adult support in every lesson to working independently for parts of the week. Progress against EHC plan outcomes is reviewed each term, and most outcomes are now rated as achieved or on track. Families who had been considering specialist schools have chosen to stay. The local authority now uses our base as a demonstration site, and other schools visit to see how the timetable is built. Our evidence comes from EHC plan reviews, tracking of time in mainstream lessons and parent feedback.',
  ],
  keyFactors: [
    "Three things mattered most. First, the headteacher made it clear that pupils in the base are everyone's pupils, and appraisal for {teachers} includes their progress. Second, we recruited a base lead with specialist experience and protected their time for coaching rather than cover. Third, we agreed a clear admissions and review process with the local authority so that places go to pupils the base can genuinely serve. Regular input from {needSpecialist} kept our practice current and gave staff somewhere to turn when a pupil's needs changed.",
    'The design of the timetable was the key enabler. Because the base timetable is built around mainstream lessons, pupils do not miss the same subject every week and staff cannot quietly default to withdrawal. A consistent team of specialist teaching assistants, deployed to subjects or classes rather than shadowing individual pupils, meant adults knew the curriculum as well as the child. Governors receive a short termly report on time spent in mainstream lessons, which keeps the principle visible when pressures rise.',
    'Relationships with families made the difference. Every parent meets the base lead before their child starts, and we agree how we will communicate, whether through a home–school book, a weekly call or a short message on the school app. Parents know who to contact and trust that small concerns will be picked up early. Inside school, a shared pupil profile and a fortnightly briefing for {teachers} meant strategies were applied consistently across lessons, not just by the adults who work in the base.',
  ],
  advice: [
    "Decide what the base is for before you open it, and write it down. If the aim is inclusion in mainstream lessons, measure time in mainstream lessons from the first week and report it to governors. Agree admissions criteria with the local authority in writing, including what happens if a pupil's needs change. Invest in the base lead's time to coach other staff: the pupils with places benefit, but so do the many {needPupils} on SEN support who will never have a place in the base.",
    'Do not let the base become the place where difficult moments are sent. Make it somewhere pupils choose to go to regulate or to learn, and open it to other pupils at lunchtime so it is part of school life rather than separate from it. Build the base timetable with the person who writes the whole-school timetable, not afterwards. Above all, listen to pupils: they will tell you quickly which lessons are working for them and which are not.',
    'Start small and grow. We opened with a handful of places and added more each year as staff expertise built up. Visit established resource bases and ask them what they would do differently. Make sure the funding agreement covers specialist staffing as well as the room, and plan for outreach from {needSpecialist} in the first year. Involve {teachers} in designing the pupil profiles so that they feel ownership rather than receiving yet another document to read.',
  ],
  costAndResources: [
    'Funded through local authority place funding and top-up funding for twelve places. Staffing is a 0.8 base lead teacher, three specialist teaching assistants and half a day a week of outreach from {needSpecialist}. A one-off capital grant adapted two classrooms into a base and a calm room.',
    'The base costs about the same as the individual one-to-one support the pupils previously received, but staff are deployed across subjects and share their expertise. The main costs are a base lead teacher with an SEN allowance, two HLTAs and training time for all staff each term.',
    'Set-up costs were mainly furniture, acoustic treatment and sensory equipment for the calm room. Running costs are met from place and top-up funding, and we protect one INSET session a year for base staff to train the whole staff team.',
  ],
  keywords: [
    'resource base',
    'resourced provision',
    'ARP',
    'enhanced resource provision',
    'EHCP',
    'mainstream inclusion',
  ],
  needs: ['ASD', 'SLCN', 'HI', 'VI', 'PD', 'MLD', 'SPLD'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: [
    'participation',
    'attendance',
    'independence',
    'parent-confidence',
    'staff-confidence',
  ],
  principles: ['targeted-support', 'shared-responsibility'],
}

const SEN_UNIT: PracticeContent = {
  label: 'SEN unit',
  titles: [
    'An SEN unit where {needShort} learn in small classes and belong to the whole school',
    'Planned inclusion from an SEN unit: one lesson at a time',
    'Designing an SEN unit curriculum for {needShort}',
    'Our specialist class for {needShort} inside a mainstream school',
    'Reverse inclusion: bringing mainstream pupils into the SEN unit',
    'How an SEN unit changed what the whole school expects of {needShort}',
    'A specialist base for {needShort} with doors into every year group',
  ],
  summaries: [
    '{OrgDesc} describes how its SEN unit teaches {needShort} in small specialist classes while planning carefully for time with mainstream peers.',
    'How {orgDesc} built a specialist curriculum in its SEN unit and used planned inclusion to help pupils belong to the wider school community.',
    'A look inside the SEN unit at {orgDesc}, where {needShort} learn in small groups and join mainstream lessons when they are ready.',
  ],
  challenge: [
    'Our local area had too few special school places for {needPupils}, and children were waiting months at home or on reduced timetables. Several families wanted their child to attend the same school as their siblings but feared that a large mainstream class would be overwhelming. We were asked to open an SEN unit for pupils with EHC plans whose needs could not be met in mainstream classes for most of the day. The challenge was to offer a genuinely specialist curriculum without the unit becoming cut off from the rest of the school.',
    "When we inherited an existing unit, it operated almost as a separate school. Pupils arrived by taxi through a side gate, ate lunch apart and rarely met mainstream staff. Unit staff felt isolated and had little access to whole-school training, and {teachers} did not know the pupils' names. Some pupils could clearly manage more time in mainstream lessons, but there was no process for deciding when or how. Parents told us they were grateful for the care but worried their children were missing out on friendships and the wider curriculum.",
    'The {needPupils} referred to our unit often arrived after placement breakdowns elsewhere, with high anxiety and gaps in their learning. Many had spent long periods out of school. A standard curriculum delivered in a smaller room was not enough: they needed a carefully sequenced curriculum, specialist approaches such as {needStrategy}, and adults who understood their communication. At the same time, we wanted them to experience the ordinary life of a mainstream school, including assemblies, clubs and trips, in a way that felt safe rather than forced.',
  ],
  practice: [
    'The unit has two classes of eight pupils, each led by a teacher with specialist training and supported by two teaching assistants. Mornings focus on communication, literacy and numeracy using {needStrategy}; afternoons follow a themed curriculum that mirrors mainstream topics so pupils can join in when they are ready. Every pupil has a planned inclusion timetable reviewed each half term, ranging from registration and assemblies to full subject lessons. A unit teaching assistant accompanies pupils into mainstream lessons at first, then gradually steps back as the pupil settles.',
    'We run a weekly reverse inclusion session where small groups of mainstream pupils join the unit for cooking, music or a sensory story. These sessions have built real friendships and mean that unit pupils recognise familiar faces at breaktime. Unit staff attend whole-school training and year-group meetings, and {teachers} spend time in the unit during their induction. {NeedSpecialist} visits twice a term to review individual programmes, and therapy targets are built into daily routines rather than delivered only in separate sessions.',
    'Every school day in the unit follows a predictable structure, with a visual timetable and a clear start and end to each activity. {APupil} in the unit might spend the morning on a personalised English and maths programme, join a mainstream class for PE and art, and finish the day with a life-skills session. Progress is tracked in small steps against EHC plan outcomes, and we review placements annually with families and the local authority to decide whether more mainstream time, or a different setting, is right.',
  ],
  impact: [
    'Pupils who arrived after long periods out of education now attend regularly, and none of the current group has been suspended this year. Most have increased their time in mainstream lessons, and several now join their year group for more than half the week. Parents tell us their children have friends in the wider school for the first time. We know this from attendance records, inclusion timetables reviewed each half term, EHC plan annual reviews and a short survey of parents and pupils at the end of each year.',
    'The unit has changed expectations across the school. {Teachers} who once felt nervous about teaching {needPupils} now ask for unit pupils to join their lessons, and mainstream pupils talk about the unit as part of their school. Unit pupils have made steady progress against their communication and independence targets, recorded in small steps each term. Families value being part of the same school community as their other children. Our evidence comes from progress tracking, EHC plan reviews, staff surveys and the reverse inclusion sessions themselves.',
    'Most pupils have made progress towards their EHC plan outcomes in communication and independence, and our end-of-year reviews show fewer incidents of distress as pupils have learned to use their calm-down plans. Some pupils have moved from the unit into mainstream classes with support, and a few have moved on to special schools where that was right for them, with families fully involved in the decision. We measure progress through EHC plan reviews, incident logs and inclusion timetables, and we ask pupils how they feel using symbol-supported questionnaires.',
  ],
  keyFactors: [
    "The unit leader sits on the senior leadership team, so decisions about timetables, training and budgets always consider unit pupils. We invested in high-quality specialist training for unit staff and made sure they were included in whole-school training too. Clear, written inclusion plans agreed with families meant everyone knew the next step for each child. Strong links with {needSpecialist} and the local special school gave us advice when a pupil's needs changed, and a professional network for unit staff so they did not feel alone.",
    'We treated the unit as part of the school, not an add-on. Unit pupils use the main entrance, wear the same uniform, appear in the same photos and attend the same events. Reverse inclusion sessions were timetabled, not left to chance. The headteacher visits the unit every week and mentions it in every newsletter. This visible commitment from leaders helped change attitudes among staff and families who had been uncertain at first.',
    'Consistency was everything. The same adults work with the same pupils, routines are the same every day, and changes are prepared in advance with visual supports. We agreed a shared approach to communication across the school, so that symbols and signing used in the unit are also displayed in the dining hall and corridors. Regular supervision for unit staff helped them manage a demanding role and reduced staff turnover.',
  ],
  advice: [
    'Be clear with families and the local authority about who the unit is for and how places are reviewed. Plan inclusion step by step, starting with what the pupil enjoys, and do not measure success only by time in mainstream lessons; for some pupils, success is a calm and purposeful day in the unit. Make sure unit staff are part of the whole-school team, with the same access to training, meetings and career progression as everyone else.',
    "Think carefully about the physical space. A unit near the centre of the school makes inclusion easier than one at the far end of the site. Invest in a calm room, good acoustics and accessible toilets from the start. Build relationships with your local special school, which can offer training, advice and a route for pupils who need more specialist provision. And celebrate the unit's achievements publicly so the whole school sees it as something to be proud of.",
    'Start with the curriculum, not the room. Decide what pupils need to learn and how the unit curriculum connects with what their peers are learning, so that inclusion is meaningful rather than tokenistic. Make planned inclusion a shared responsibility of all teachers, written into the school improvement plan. Listen to pupils about where they feel safe and where they do not; their answers shaped our inclusion timetables more than any assessment.',
  ],
  costAndResources: [
    "The unit is funded through local authority place funding for sixteen places plus individual top-up funding. Staffing is two specialist teachers, four teaching assistants and a share of the SENCO's time. The building adaptations, including a sensory room and accessible toilet, were funded by a capital grant.",
    'Running costs are broadly met by place and top-up funding. Additional costs we chose to fund from the main school budget include time for unit staff to attend whole-school training and a weekly release session for the unit leader to coach mainstream staff.',
    'We bought symbol software, a small set of sensory equipment and a minibus share for community trips. Outreach from {needSpecialist} is provided through a service-level agreement costing around the same as two days of supply cover a term.',
  ],
  keywords: [
    'SEN unit',
    'specialist class',
    'special unit',
    'planned inclusion',
    'reverse inclusion',
    'EHCP',
  ],
  needs: ['ASD', 'SLD', 'MLD', 'DS', 'PMLD', 'SEMH', 'SLCN'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: [
    'participation',
    'communication-skills',
    'independence',
    'attendance',
    'parent-confidence',
  ],
  principles: ['targeted-support', 'knowing-children-well'],
}

const SPECIALIST_STAFF: PracticeContent = {
  label: 'Specialist staff and learning assistants',
  titles: [
    'Specialist learning assistants who teach alongside, not instead of, the teacher',
    'Redeploying teaching assistants so {needShort} learn from the teacher too',
    'Specialist teaching assistants for {needShort} in mainstream lessons',
    'From velcro support to independence: rethinking TA deployment for {needShort}',
    'Subject-linked teaching assistants and what they changed for {needShort}',
    'Growing specialist expertise in our support staff team',
    'How an HLTA-led team supports {needShort} across the curriculum',
  ],
  summaries: [
    'How {orgDesc} trained and deployed specialist learning assistants so that {needShort} are taught in mainstream lessons with the right support.',
    '{OrgDesc} explains how it moved away from one-to-one support towards specialist teaching assistants who build independence.',
    'Lessons from {orgDesc} on recruiting, training and deploying specialist support staff for {needShort}.',
  ],
  challenge: [
    'Like many schools, we had a large team of teaching assistants but deployed them mainly as one-to-one support for pupils with EHC plans. An audit of lessons showed that {needPupils} were spending much of their time with an adult beside them but very little time interacting with the teacher or their peers. Teaching assistants told us they often arrived at lessons without knowing the plan. Pupils in {yearGroup} said they felt singled out, and some were becoming dependent on adult prompting for even simple tasks.',
    'We had growing numbers of {needPupils} and very little specialist expertise in the building. Advice from {needSpecialist} was good, but arrived as reports that were hard to put into practice in busy lessons. Our teaching assistants were willing but had not been trained in {needNoun}, and turnover was high because the role felt unsupported. We needed people in classrooms who could adapt resources, use specialist equipment and techniques, and help teachers plan, without taking responsibility for learning away from the teacher.',
    'Our support staff budget had grown every year, yet outcomes for pupils with SEND were not improving. Support was allocated to whichever pupils had the most hours written into their plans rather than to where it would make the most difference. Teaching assistants had no career structure and little time with teachers. Families were anxious that any change would mean less support, so we needed to show that a different model could give their children more expert help, not less.',
  ],
  practice: [
    'We created a team of specialist learning assistants, each linked to a subject area or year group and trained in {needNoun}. They attend department or year-group planning meetings, so they know the learning in advance and can prepare adapted resources using {needStrategy}. In lessons, the teacher works with {needPupils} first, while the assistant supports the wider class or runs a short pre-teach. Assistants follow a clear scale of prompts, from least to most support, and record when pupils manage independently.',
    'Each specialist assistant completes an accredited training pathway in their first year, delivered partly by {needSpecialist}, and then takes on a coaching role for newer colleagues. An HLTA coordinates the team, writes the deployment timetable each half term and meets the SENCO weekly to review which pupils need more or less adult support. Teaching assistants have fifteen minutes of paid planning time with teachers each week, protected in the timetable rather than squeezed into breaktimes.',
    'For {aPupil}, a typical lesson now looks like this: the teacher checks understanding with them early, the specialist assistant has already pre-taught key vocabulary and set up any equipment, and the pupil works alongside peers with support available rather than constant. The assistant uses a simple observation sheet to note what helped, which feeds into the termly assess–plan–do–review meeting. Some assistants also run short, structured interventions that are linked directly to what is being taught in class.',
  ],
  impact: [
    'Lesson observations and pupil shadowing now show {needPupils} interacting with their teachers and peers much more often, and working independently for longer stretches. Pupils tell us they feel less singled out. Teachers say they feel more responsible for, and more confident with, pupils with SEND because they plan with the assistant rather than hand over. We know this from regular learning walks, pupil voice interviews, our staff survey and the independence records kept by assistants.',
    "Specialist assistants have become a source of expertise for the whole school. Teachers regularly ask them for advice on {needStrategy}, and adapted resources are now shared across departments. Staff turnover in the support team has fallen sharply since we introduced the training pathway and a career structure. Pupils with EHC plans are making better progress against their outcomes, recorded at annual reviews, and families tell us that their children's support feels more expert and more consistent.",
    'The biggest change has been in independence. Pupils who previously needed an adult at their side throughout the day now manage whole lessons with only check-ins. This has freed assistant time for pre-teaching and small-group work, which reaches more pupils. Parents were worried at first, but review meetings show they now see the benefits. We track progress through EHC plan reviews, the prompt records kept by assistants, attendance and the annual parent survey.',
  ],
  keyFactors: [
    "Training was the foundation. Every assistant completed a structured programme on {needNoun} in their first two terms, followed by in-class coaching from {needSpecialist} and the SENCO, so that what they learned on a course was practised with real pupils the following week. Protected planning time with teachers was non-negotiable, even when cover was tight. We also made clear in our SEND policy that the teacher is responsible for every pupil's learning, which changed how both teachers and assistants understood their roles and ended the habit of handing a pupil over at the classroom door.",
    'Creating a career structure made the model sustainable. Assistants can progress from a foundation role to specialist assistant and then to HLTA, with pay linked to completed training and added responsibilities such as coaching newer colleagues. This has helped us recruit and keep good people in a competitive local labour market. Fortnightly supervision with the SENCO gives the team a place to talk through difficult days, and assistants now attend all whole-school training and INSET days rather than being used to cover duties while teachers train.',
    "Communication with families was essential. We explained the change at coffee mornings and in individual meetings, shared in plain language what the research says about deploying teaching assistants, and promised to review each child's support after one term. Some parents were understandably worried that their child would lose an adult they trusted. When families saw their children becoming more independent, and saw that the specialist assistants knew far more about {needNoun} than before, confidence in the new model grew. Keeping that promise to review built trust for later changes.",
  ],
  advice: [
    'Audit how support staff are actually deployed before you change anything: shadowing three or four pupils for a whole day is eye-opening, and the findings persuade staff more than any research summary. Involve assistants in designing the new model, because they know the pupils best and will spot practical problems early. Make sure teachers understand that assistants add to, rather than replace, their teaching. And invest in training before you change roles, not afterwards, so that staff feel confident from the first week.',
    'Protect planning time between teachers and assistants, even if it is only fifteen minutes a week. It is the single biggest factor in whether support helps or hinders. Build a simple way to record independence so that you can reduce support as pupils grow, rather than leaving hours in place because they are written in a plan. Review deployment every half term, not once a year.',
    'Do not underestimate how anxious families may feel about a change from one-to-one support. Be open about the reasons, share the evidence, and agree how you will review the change together. Give assistants a voice in annual reviews; they often notice the small steps that matter most. Finally, celebrate your support staff: they are skilled professionals, and treating them that way raises the quality of the whole team.',
  ],
  costAndResources: [
    'The model is broadly cost-neutral: we reorganised existing teaching assistant hours rather than adding new posts. The main new costs were an accredited training course for each assistant, paid planning time of fifteen minutes a week, and a regrade for two HLTA posts.',
    'Training from {needSpecialist} was bought through a service-level agreement at roughly the cost of one day of supply cover per half term. We also budgeted for cover so that assistants could attend planning meetings.',
    'Additional costs were modest: a career structure with three grades, time for the SENCO to supervise the team, and some specialist equipment. We meet these from the notional SEN budget.',
  ],
  keywords: [
    'teaching assistant',
    'TA deployment',
    'LSA',
    'HLTA',
    'learning support assistant',
    'specialist staff',
  ],
  needs: ['HI', 'VI', 'SLCN', 'ASD', 'PD', 'MSI', 'SEMH', 'DS', 'MLD'],
  phases: ['primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['independence', 'attainment', 'staff-confidence', 'participation'],
  principles: ['high-quality-teaching', 'targeted-support'],
}

const ACCESSIBLE_PE_SPORT: PracticeContent = {
  label: 'Accessible PE and sport',
  titles: [
    'Adapted PE equipment that lets {needShort} play alongside their classmates',
    'Inclusive PE for {needShort}: adapting space, task, equipment and people',
    'From sitting on the bench to the school team: sport for {needShort}',
    'Boccia, goalball and frame running: widening the PE curriculum',
    'An inclusive sports club that changed who takes part',
    'Making every PE lesson accessible for {needShort}',
    'Competitive sport for {needShort} through an inclusive schools league',
  ],
  summaries: [
    'How {orgDesc} used specialist equipment and adapted PE lessons so that {needShort} take part fully in PE, clubs and competitions.',
    '{OrgDesc} shares how inclusive PE and sport helped {needShort} become active members of school teams and clubs.',
    'A practical account from {orgDesc} of adapting PE for {needShort}, from equipment and staff training to inter-school competitions.',
  ],
  challenge: [
    'PE was the lesson where {needPupils} were most likely to be left out. Some were given a scoring job or sat with a teaching assistant while their class played a team game. Others were withdrawn for physiotherapy during PE, so they never had the chance to build skills with their peers. When we asked pupils what they thought of PE, several said they dreaded it. Our PE staff were keen to include everyone but had no training in adapted sport and very little specialist equipment.',
    'We noticed that very few {needPupils} attended after-school clubs or represented the school in fixtures, even though many told us they loved sport. Barriers included transport, equipment, anxiety about changing rooms and a lack of competitions they could enter. Parents said their children had few opportunities to be active outside school. Physical activity matters for all children, and we knew that for pupils with SEND the benefits for confidence, friendship and wellbeing could be even greater.',
    'A review of our PE curriculum showed that it was built around traditional team games that assumed a particular level of mobility, vision or coordination. Adaptations happened on the spot, if at all, and often meant a pupil doing a different activity alone. {NeedSpecialist} had given advice about safe participation, but it had not reached the PE department. We wanted PE to be a place where {needPupils} learned, competed and succeeded alongside their friends.',
  ],
  practice: [
    'PE teachers now plan every unit using the STEP approach, adapting the space, task, equipment and people so that all pupils can take part in the same activity. We bought a set of specialist equipment, including boccia sets, sound balls, lower nets, sports wheelchairs and brightly coloured or tactile markers. Warm-ups and skills practice are designed so that {needPupils} work alongside their peers, and we include inclusive sports such as boccia, sitting volleyball and goalball in the curriculum for all pupils, not just those with SEND.',
    '{NeedSpecialist} works with the PE team each term to review individual plans, so physiotherapy and occupational therapy targets are built into PE lessons rather than delivered instead of them. Changing arrangements are planned with each pupil, including an accessible changing room and extra time where needed. A trained teaching assistant supports in lessons, focusing on safety and independence rather than doing the activity for the pupil. Pupils help to choose adaptations, and their ideas are often the best ones.',
    'We run an inclusive sports club after school twice a week, open to all pupils, where inclusive sports are played in mixed teams. Older pupils train as young sports leaders and help to run sessions, which builds friendships across year groups. We enter inclusive competitions run by the local school sport partnership and organise friendly fixtures with neighbouring schools. Transport is arranged for pupils who need it, and parents are invited to watch, which has made these events some of the most popular in the school calendar.',
  ],
  impact: [
    'Participation has changed dramatically. Most {needPupils} now take part in every PE lesson, compared with only a few who did before, and many attend at least one sports club. Pupils tell us they enjoy PE and feel part of the team. Several have represented the school in inclusive competitions, and some now play for community clubs. We track participation through PE registers, club attendance and an annual pupil survey about physical activity and wellbeing.',
    "Beyond PE, staff have noticed pupils' confidence growing in other lessons and at breaktime, where inclusive games are now part of the playground offer. Physiotherapy targets are being met more consistently because practice happens in PE several times a week. Parents report that their children are more active at home and more willing to try new activities. We know this from therapy reviews, parent feedback at annual reviews and the pupil survey.",
    'Our PE staff now feel confident planning for every pupil, and inclusive sports have become popular with the whole school. Non-disabled pupils talk about playing boccia or goalball as normal parts of PE, and this has changed attitudes towards disability. The school has been recognised by the local school sport partnership for its inclusive practice. Our evidence comes from PE participation data, club registers, staff confidence surveys and pupil voice.',
  ],
  keyFactors: [
    'Training for the PE team was the turning point. A full day of inclusive PE training, followed by a joint planning session each half term with {needSpecialist}, gave staff practical adaptations they could use in the next lesson rather than general principles. The equipment mattered, but only once staff knew how to use it well; boccia sets that sat in a cupboard for a term taught us that. Leaders backed the change by funding equipment from the PE and sport premium and protecting an hour a fortnight for the head of PE to plan with the SENCO.',
    'Pupil voice drove our approach. We asked {needPupils} what made PE hard and what would help, and acted on what they told us: a quieter changing space, a buddy from their class, extra time to move between the changing room and the sports hall, and the chance to try sports where they would not be the only one doing something different. Training older pupils as young sports leaders created a culture in which inclusion was led by pupils rather than imposed by adults, and the leaders themselves gained a great deal from the role.',
    'Partnerships made the work sustainable. The local school sport partnership provided inclusive competitions, staff training and loan equipment we could not have afforded, while a community disability sports club offered pupils a pathway to keep playing at weekends. Working closely with families meant we could plan transport to fixtures, share information about holiday activities and agree consistent approaches to physiotherapy exercises at home, so that the benefits continued well beyond the school day and the school year.',
  ],
  advice: [
    'Start by asking pupils about their experience of PE; it will tell you exactly where to begin. Use a simple framework such as STEP so that adaptations are planned into every unit rather than improvised when a pupil is standing at the side. Buy equipment gradually, starting with what fits your existing curriculum, and make sure staff are trained to use it. Teach inclusive sports such as boccia and goalball to every pupil, because this changes attitudes and makes adapted activities feel like normal PE rather than a special arrangement for a few.',
    'Link therapy and PE wherever you can. Invite {needSpecialist} to watch a PE lesson and agree together how physiotherapy or occupational therapy targets can be practised there, so pupils are not withdrawn from the one lesson where they can be active with friends. Think about the whole experience, including changing rooms, the time it takes to get to the field and what happens in wet weather, not just the activity. In our experience it is small practical barriers, rather than the sport itself, that stop pupils from taking part.',
    'Look beyond your own school. School sport partnerships, county sports partnerships and national disability sports organisations often have equipment, competitions and training to share, and many are looking for schools to work with. Build links with community clubs so that pupils can keep playing after they leave you. Track participation in clubs and fixtures, not just in lessons, and report it to governors. And celebrate success publicly: pupils who represent the school in inclusive competitions inspire younger pupils to have a go.',
  ],
  costAndResources: [
    'Specialist equipment cost a few thousand pounds and was funded through the PE and sport premium. Training for the PE team took one INSET day and two twilight sessions. Transport to inclusive fixtures is shared with neighbouring schools.',
    'The main cost is staff time: a trained teaching assistant in PE lessons and two PE staff running the inclusive club after school. Equipment was partly loaned by the school sport partnership, and a sports wheelchair set was funded by a local charity grant.',
    'We budgeted for boccia and goalball sets, sound balls, adapted bats and racquets and tactile markings. Joint planning with {needSpecialist} is included in the existing service-level agreement at no extra cost.',
  ],
  keywords: [
    'PE',
    'sport',
    'inclusive PE',
    'adapted sport',
    'boccia',
    'physical activity',
    'specialist equipment',
  ],
  needs: ['PD', 'VI', 'MSI', 'HI', 'DS', 'ASD', 'SLD'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: ['participation', 'wellbeing', 'staff-confidence', 'independence'],
  principles: ['high-quality-teaching', 'relationships-partnerships'],
}

const EARLY_IDENTIFICATION: PracticeContent = {
  label: 'Early identification of need',
  titles: [
    'Early language screening in {entryYear}',
    'Spotting the signs early: a screening cycle for {needShort}',
    'Transition information that arrives before the child does',
    'A first-term check for every new starter',
    'Identifying {needShort} early, before difficulties become entrenched',
    'Knowing every child well from their first week',
    'Six-week reviews that catch emerging needs early',
  ],
  summaries: [
    'How {orgDesc} built a simple screening and review cycle that identifies {needShort} early and gets support in place within weeks.',
    '{OrgDesc} describes how early identification, from first contact with families onwards, has changed support for {needShort}.',
    'Lessons from {orgDesc} on screening, observation and transition information that help staff recognise emerging needs quickly.',
  ],
  challenge: [
    "Too many children were reaching {yearGroup} before anyone noticed that they were struggling. By the time concerns were raised, difficulties had often become entrenched and children's confidence had suffered. Referrals to {needSpecialist} took months, and we were relying on a single conversation at the end of the year to spot needs. Some {needPupils} were only identified when their behaviour changed, and families told us they had been worried for a long time but did not know who to talk to.",
    "Information about new pupils arrived late and was patchy. For {transition}, we often received little more than a name and an attendance figure, and staff learned about a child's needs only when problems emerged in the first term. We had no consistent way of checking language, reading or social communication when pupils joined, so needs were identified by chance rather than design. We wanted every child to be known well from their first week.",
    'Our data showed that many pupils on SEN support had been identified late, and that identification was uneven: pupils who were quiet and compliant were identified far later than those whose difficulties showed in their behaviour. {Teachers} were unsure what was typical for the age group and what might signal a need. We wanted a systematic, low-burden approach that helped staff notice {needNoun} early and act quickly, without labelling children unnecessarily.',
  ],
  practice: [
    'Every child is screened in their first half term using a short language and communication check, alongside observation by {teachers}. Results are discussed at a pupil progress meeting with the SENCO within two weeks. Children who fall below the expected range receive a short, targeted programme straight away, delivered by a trained teaching assistant three times a week, while we continue to observe. This means support starts within weeks, and we only refer to {needSpecialist} when a child does not respond to well-targeted help.',
    "We visit feeder settings in the summer term and meet every child before they join us. Families complete a short 'all about me' conversation with a member of staff, and we use a simple checklist to record any concerns about language, movement, attention or social interaction. Information is shared with {teachers} before the first day on a one-page profile. In the first six weeks, the SENCO and class staff review every child's profile against what they are seeing and agree next steps for anyone causing concern.",
    "The SENCO runs a termly 'spotting the signs' briefing for all staff, covering what {needNoun} might look like in this age group and the questions to ask. Staff use a concern form that takes five minutes to complete, and the SENCO responds within a week. We track concerns over time, so patterns become visible early. Short assessments, for example of phonological awareness or vocabulary, are carried out by trained staff, and families are involved from the first conversation rather than at the point of referral.",
  ],
  impact: [
    'Children are now identified much earlier. Most needs are picked up in the first term rather than after a year or more, and support starts within weeks of a concern being raised. Many children make enough progress through early, targeted help that they do not need to be placed on SEN support at all. Referrals to {needSpecialist} are more focused and better evidenced. We know this from our screening data, the SEN register and the dates on which concerns were raised and acted upon.',
    'Families tell us they feel listened to because concerns are taken seriously early and they are involved from the start. {Teachers} feel more confident recognising possible signs of {needNoun} and know exactly what to do next. The proportion of children reaching expected levels in language and communication has risen. We measure this through repeated screening, staff confidence surveys and feedback from families at the end of the first term.',
    'Identification is now fairer. Quieter children, and those whose difficulties do not show up as behaviour, are identified as early as others. Our SEN register more accurately reflects the needs in the school, and we are better able to plan staffing and training. Transition information now arrives on time and is used. Evidence comes from comparisons of when pupils were identified before and after the change, together with SENCO tracking and staff surveys.',
  ],
  keyFactors: [
    "Making screening routine for every child was crucial. Because everyone is screened, there is no stigma for individual children and staff do not have to decide on their own whether a worry is serious enough to raise. The screen takes around ten minutes per child and is followed within a fortnight by a conversation and, where needed, action, which keeps staff engaged. The SENCO's time is protected during the first half term each year, with no other new initiatives launched, so that screening, analysis and pupil progress meetings actually happen.",
    'Training all staff in what to look for made the biggest difference. Short termly briefings, each focused on one area of need, worked far better than a single training day, and having {needSpecialist} contribute anonymised examples gave staff confidence. A simple concern form that takes five minutes, with a guaranteed response from the SENCO within a week, meant staff raised concerns as soon as they noticed something rather than saving them up for the end-of-year handover to the next teacher.',
    'Strong relationships with families and feeder settings underpinned everything. Visiting settings in the summer term and talking with families before children arrived gave us information no transfer form could, such as what calms a child, what worries them and what their family has already tried. Families trusted us with their concerns because we listened and responded quickly. That trust meant parents came to us early, which often allowed us to put simple support in place before difficulties escalated into something much harder to shift.',
  ],
  advice: [
    'Keep it simple. A short screening tool used consistently with every child is worth more than a detailed assessment used occasionally. Decide in advance what you will do with the results, who will do it and how quickly, and make sure support can start within weeks rather than after a referral. Early identification only helps children if it leads to early action; a list of concerns that sits in a folder can make things worse, because families feel they were told and then nothing happened.',
    "Invest in your staff's knowledge of typical development for the age group and the early signs of different needs. Short, regular training sessions work better than one-off days, especially if they use examples from your own school. Give staff a quick, easy way to raise concerns, respond promptly, and tell them what happened as a result, so they see that raising a concern makes a difference. Above all, make it clear that raising a concern is not a judgement on a child or their family.",
    'Talk to families early and often. Parents are often the first to notice that something is not right, and involving them from the first conversation rather than at the point of referral builds trust. Work closely with feeder settings and agree what information you need and when, then share it with {teachers} in a format they will actually read, such as a one-page profile, rather than a thick file. Check in the first six weeks whether the information was accurate and useful, and tell the feeder settings what you found.',
  ],
  costAndResources: [
    'The screening tool cost a small annual licence fee. The main cost is staff time: about half a day per class to screen, plus SENCO time to analyse results. Targeted programmes are delivered by existing teaching assistants who received two days of training.',
    'Transition visits to feeder settings take around five days of SENCO and class teacher time each summer term, covered by supply staff. Staff briefings happen in existing meeting time.',
    'We bought short standardised assessments for phonological awareness and vocabulary, and a training package for teaching assistants. Advice from {needSpecialist} comes through our existing traded services agreement.',
  ],
  keywords: [
    'early identification',
    'screening',
    'early intervention',
    'transition',
    'language screen',
    'SEN support',
  ],
  needs: ['SLCN', 'NSA', 'SPLD', 'ASD', 'HI', 'DS', 'MLD'],
  phases: ['early-years', 'primary', 'secondary'],
  outcomes: ['communication-skills', 'attainment', 'transition', 'parent-confidence'],
  principles: ['knowing-children-well', 'targeted-support'],
}

const ADAPTIVE_TEACHING: PracticeContent = {
  label: 'Adaptive, evidence-informed teaching',
  titles: [
    'Adaptive teaching that works for {needShort} and their classmates',
    'Five classroom habits that made lessons accessible for {needShort}',
    'Scaffolds, not separate worksheets: adaptive teaching in {keyStage}',
    'Instructional coaching that made adaptive teaching routine',
    'Pre-teaching vocabulary so {needShort} can join in',
    'High-quality teaching first: how we reduced withdrawal for {needShort}',
    'Making explicit instruction work for {needShort}',
  ],
  summaries: [
    'How {orgDesc} made adaptive teaching routine in every classroom so that {needShort} learn the same curriculum as their peers.',
    '{OrgDesc} explains how a small set of evidence-informed classroom habits improved lessons for {needShort} and everyone else.',
    'A practical account from {orgDesc} of coaching teachers to scaffold, pre-teach and check understanding for {needShort}.',
  ],
  challenge: [
    'Our pupils with SEND were too often taught a different, simpler curriculum, with separate worksheets and lower expectations. Much of their support happened outside the classroom through withdrawal interventions, so they missed the teaching their classmates received. When we looked at books, we saw that {needPupils} were completing activities but not always learning the core content. {Teachers} told us that adapting for a wide range of needs felt overwhelming and that they were not sure which strategies worked.',
    'We had introduced many strategies over the years, but practice varied widely between classrooms. Some teachers used visual supports and careful scaffolding; others relied on teaching assistants to adapt on the spot. Pupil voice showed that {needPupils} found some lessons much easier to access than others, depending on the teacher. We needed a shared understanding of high-quality teaching for pupils with SEND that every teacher could apply consistently.',
    'Our SEN register had grown, and we could not meet every need through additional interventions. We needed the classroom itself to do more of the work. Evidence suggested that a small number of approaches, such as explicit instruction, scaffolding, flexible grouping and cognitive strategies, benefit pupils with SEND and their peers. The challenge was to turn that evidence into daily habits in a busy school where teachers already felt stretched.',
  ],
  practice: [
    'We agreed five classroom habits for every lesson: clear explanations broken into small steps, modelling with worked examples, checking understanding frequently with every pupil, scaffolds that are planned and then removed, and key vocabulary taught explicitly. For {needPupils}, teachers add specific adaptations, such as {needStrategy}, written on a one-page pupil profile. Resources are adapted rather than replaced, so every pupil works on the same learning. Teaching assistants pre-teach key ideas before lessons where it helps most.',
    "Every teacher has a fortnightly instructional coaching session focused on one of the five habits. Coaches observe a short part of a lesson, agree one small, specific step, and rehearse it with the teacher. The SENCO and {needSpecialist} contribute to coaching where particular needs are involved. Department and phase meetings begin with a short look at a strategy in action, often using video of colleagues' teaching, so that good practice is shared rather than kept in individual classrooms.",
    'In practice, this means that {aPupil} with {needNoun} is taught in the classroom with their peers, with support planned in advance. The teacher might give them a partially completed example, a vocabulary mat, extra processing time or a chance to rehearse an answer with a partner before sharing. Seating, lighting and noise are considered when planning. Learning walks focus on whether pupils with SEND are participating and learning, and feedback to teachers is specific and supportive.',
  ],
  impact: [
    'Pupils with SEND now spend much more time in class learning the same content as their peers, and withdrawal interventions are used more selectively. Book looks show that {needPupils} are completing more work and reaching the core learning of lessons more often. Pupils tell us that lessons are clearer and that they know what to do. Evidence comes from book looks, learning walks, pupil voice and our internal assessments each term.',
    "Teachers' confidence in meeting the needs of pupils with SEND has grown, and our staff survey shows much stronger agreement that teachers know how to adapt lessons. The habits benefit every pupil, which has made them popular with staff. Attainment gaps between pupils with SEND and their peers have narrowed in our internal assessments. We also see fewer incidents of pupils leaving lessons, which we track through our behaviour system.",
    'Consistency between classrooms has improved markedly. Pupils with SEND told us in focus groups that lessons now feel predictable and that they can understand what is expected. Teaching assistants report that they spend less time re-explaining tasks and more time on targeted support. Parents have noticed their children talking more about what they are learning. We know this through coaching records, focus groups, parent feedback and assessment data.',
  ],
  keyFactors: [
    'Focusing on a small number of habits made the change manageable. Teachers did not have to learn dozens of new strategies, just five that they practised until they became automatic. Instructional coaching, with one small step at a time and rehearsal before trying it with a class, helped the habits stick in a way that training days never had. Senior leaders modelled the habits in their own lessons and made them the sole focus of professional development for two years, which signalled that this was not another initiative that would fade by the summer.',
    'Making the SENCO part of the teaching and learning team was crucial. SEND was no longer treated as a separate topic covered once a year, but as part of what good teaching looks like for everyone. One-page pupil profiles, written with pupils and their families, gave teachers quick, usable information about individual needs, and {needSpecialist} helped us make the advice on them specific enough to act on. Middle leaders were trained to look at the work of pupils with SEND during every book look, not as a separate exercise.',
    "We gave the work time. Coaching sessions were timetabled rather than fitted around other duties, department and phase meeting time was redirected to teaching and learning, and two other whole-school initiatives were paused. Teachers saw that leaders were serious and that the work was valued. Celebrating small wins, such as sharing a two-minute clip of a colleague's modelling or a before-and-after example of a scaffold, kept momentum going through the difficult middle of the year when enthusiasm for any change usually dips.",
  ],
  advice: [
    'Start with the classroom. Additional interventions are important, but they cannot make up for lessons that pupils cannot access, and every hour of withdrawal is an hour away from the teacher. Choose a few evidence-informed approaches, explain clearly why they matter for pupils with SEND and for everyone else, and help teachers practise them until they are habits. When you visit lessons, focus on what pupils with SEND are learning, not just on whether they are busy or whether an adult is sitting beside them.',
    'Use coaching rather than one-off training. Small, specific steps, rehearsed and then followed up within a fortnight, change practice far more than a presentation on a training day. Involve your SENCO and specialists such as {needSpecialist} in coaching, so that their expertise reaches every classroom rather than staying in reports that teachers do not have time to read. Expect the change to take at least two years, and protect the time for it even when other pressures arrive, as they always will.',
    'Keep pupil profiles short and useful. Teachers are far more likely to use one page of clear information than a long document, and they need to know what helps as well as what the pupil finds difficult. Write profiles with pupils and families, and review them at least termly. Ask pupils regularly whether the strategies are working; in our experience they are honest and precise, and more than once a pupil in {yearGroup} has told us something that changed how a whole department adapts its lessons.',
  ],
  costAndResources: [
    'The main cost is time: a fortnightly coaching session for each teacher, met by redirecting existing meeting time. Coaches were trained through an external programme over one year.',
    'Additional costs were small: vocabulary mats, visualisers for some classrooms and a short training package for teaching assistants on scaffolding. Contributions from {needSpecialist} were part of our existing agreement.',
    'We paused two other whole-school initiatives to create space for the work. The opportunity cost was significant, but the direct financial cost was limited to coaching training and some cover for learning walks.',
  ],
  keywords: [
    'adaptive teaching',
    'quality first teaching',
    'scaffolding',
    'explicit instruction',
    'instructional coaching',
    'inclusive classroom',
  ],
  needs: ['SPLD', 'MLD', 'SLCN', 'ASD', 'HI', 'VI', 'NSA', 'OTH'],
  phases: ['primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['attainment', 'staff-confidence', 'participation'],
  principles: ['high-quality-teaching', 'shared-responsibility'],
}

const GRADUATED_APPROACH: PracticeContent = {
  label: 'Graduated approach and targeted support',
  titles: [
    'Making assess–plan–do–review meaningful for {needShort}',
    'A graduated approach that starts in the classroom',
    'Provision maps that show what works for {needShort}',
    'Six-week targeted interventions for {needShort}, reviewed properly',
    'Rebuilding our SEN support register from the classroom up',
    'Clear steps of support for {needShort} before an EHC plan',
    'A graduated response that families and teachers understand',
  ],
  summaries: [
    'How {orgDesc} rebuilt its graduated approach so that {needShort} get the right support at the right time, with clear assess–plan–do–review cycles.',
    '{OrgDesc} describes a graduated model of support that teachers understand and families trust, with every intervention reviewed for impact.',
    'Lessons from {orgDesc} on provision mapping and short, targeted interventions that help {needShort} catch up and keep up.',
  ],
  challenge: [
    'Our SEN support register had grown year on year, but we could not say with confidence what support each pupil received or whether it was working. Interventions were often started and never reviewed, and some {needPupils} had been in the same group for years. Plans were written by the SENCO with little input from {teachers}, pupils or families. Requests for EHC needs assessments were rising because families felt that support in school was not making a difference.',
    "The assess–plan–do–review cycle existed on paper but not in practice. Targets were vague, such as 'improve reading', reviews were missed when the timetable got busy, and information was held in three different places. Teachers saw SEN support as the SENCO's job. Families told us they were not sure what support their child was receiving or for how long, and {needPupils} were often unaware of their own targets. We needed a clear, shared graduated approach that everyone in the school, and every family, could understand.",
    'We found that support was allocated based on who asked loudest rather than on need. Some pupils with significant needs received little help, while others were in interventions that did not match their difficulties. There was no clear threshold for moving from classroom adaptations to targeted support, or from targeted support to specialist advice from {needSpecialist}. We needed a fair, transparent system that matched support to need and checked that it worked.',
  ],
  practice: [
    'We now have three clear levels of support. The first is high-quality, adaptive teaching in every classroom. The second is short, targeted interventions, typically six to ten weeks, with a clear entry assessment and exit criteria. The third is specialist advice and individualised provision, including input from {needSpecialist}. Every pupil on SEN support has a one-page plan with no more than three specific targets, reviewed every term with the pupil and their family.',
    'Teachers lead the assess–plan–do–review cycle for pupils in their class, with support from the SENCO. Each term, the class teacher meets the family to review progress and set new targets, using a simple template. Intervention staff record progress at the start and end of each programme, and the SENCO analyses the results to see which interventions are working. Those that are not are changed or stopped. Our provision map is updated each half term and shared with governors.',
    'For {aPupil} on SEN support, the cycle now looks like this: the class teacher notices a difficulty and tries adaptations in class for half a term, recording what happens. If progress is limited, the SENCO carries out a short assessment and agrees a targeted intervention, such as a structured programme using {needStrategy}. Progress is checked after six weeks. If the pupil still struggles, we seek specialist advice. At every stage, the pupil and family know what is happening and why.',
  ],
  impact: [
    "Interventions are now shorter, better targeted and more effective. Most pupils who take part make measurable progress by the end of the six or ten weeks, and a good number no longer need additional support afterwards, so places free up for others. Our SEN register now reflects need more accurately, because pupils move off it as well as on to it. Families tell us they understand their child's support and feel part of the process. We know this from entry and exit assessments, the SEN register, termly review records and our annual parent survey.",
    'Teachers now see themselves as responsible for pupils on SEN support, and almost all termly reviews happen on time, led by the class or subject teacher. {NeedPupils} can explain their targets and what helps them, which we check through short pupil conversations during learning walks. Requests for EHC needs assessments are now better evidenced, because they draw on several documented cycles of support, and the local authority has commented on the quality of our applications. We track review completion, progress against targets and the outcomes of assessment requests.',
    'We have stopped several interventions that were not working and invested in those that were, so the budget is better used. Pupils spend less time out of class because interventions are shorter and more focused, and timetabled to avoid the same lesson each week. Attainment for pupils on SEN support has improved in our internal assessments, and the gap with their classmates has narrowed in reading and maths. Evidence comes from our provision map, entry and exit data for each intervention, attainment tracking and records of the time pupils spend in class.',
  ],
  keyFactors: [
    'A clear, simple structure helped everyone understand the graduated approach. Three levels of support, one-page plans and termly reviews were easy to explain to staff, families and governors, and easy to check. Making class and subject teachers responsible for the assess–plan–do–review cycle, with the SENCO as expert adviser rather than sole owner, shared both the workload and the sense of responsibility. Short training sessions and a model plan for each year group meant that even early career teachers could write good targets from their first term.',
    "Measuring the impact of every intervention changed our practice more than anything else. Once we could see which programmes moved pupils on and which did not, we could make better decisions about where to spend teaching assistant time and money. Sharing the results openly with staff and governors built support for stopping interventions that were popular but ineffective, including one that we had run for many years. It also helped us explain to families why their child's support was changing, with evidence rather than opinion.",
    'Involving pupils and families in every review built trust. Families who understood the support their child received were more confident in the school and more willing to try strategies at home, and pupils who knew their targets were more motivated to work on them. A simple template with three headings, what is going well, what is hard and what we will do next, made these conversations easier for teachers, and a short written summary sent home afterwards meant nothing agreed in a meeting was lost.',
  ],
  advice: [
    'Keep plans short and targets specific. A one-page plan with three clear, measurable targets is more useful to a teacher than a long document, and easier for a family to understand. Make sure every intervention has an entry assessment, an exit point and a date for review, and that the review really happens. Be willing to stop interventions that are not working, even popular ones; the time and money are better spent on something that helps, and pupils lose less learning time by being out of class.',
    'Give teachers ownership of the assess–plan–do–review cycle and support them with training, templates and time to meet families. The SENCO should be an expert adviser and quality assurer, not the only person responsible for pupils with SEND. Build reviews into the school calendar at the start of the year so they happen on time rather than when someone remembers. Check a sample of plans each term and give teachers feedback on their targets, as you would on any other aspect of their work.',
    'Involve pupils and families at every stage. Explain the graduated approach in plain language, with a one-page guide for families that avoids jargon, and share what support is in place, how long it will last and how you will know whether it is working. Families who understand the process are much more likely to trust it, and less likely to feel that an EHC needs assessment is the only way to get help. Where you do request an assessment, the evidence from your cycles will make the request far stronger.',
  ],
  costAndResources: [
    'The approach is largely cost-neutral, reorganising existing intervention time. Costs include training for teachers in the assess–plan–do–review cycle, a provision mapping tool and standardised assessments for entry and exit points.',
    "We released the SENCO from teaching for an extra half day a week in the first year to set up the system. Family review meetings take place during existing parents' evening slots plus one additional meeting each term.",
    'Specialist advice from {needSpecialist} is bought through our traded services agreement. We redirected money from interventions that were not working into training teaching assistants in programmes with stronger evidence.',
  ],
  keywords: [
    'graduated approach',
    'assess plan do review',
    'SEN support',
    'provision map',
    'interventions',
    'targeted support',
  ],
  needs: ['NSA', 'SPLD', 'MLD', 'SLCN', 'SEMH', 'OTH', 'ASD'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: ['attainment', 'parent-confidence', 'staff-confidence'],
  principles: ['targeted-support', 'knowing-children-well'],
}

const WORKING_WITH_FAMILIES: PracticeContent = {
  label: 'Working with families',
  titles: [
    'From coffee mornings to co-production: working with families of {needShort}',
    'Person-centred reviews that families of {needShort} look forward to',
    'A family liaison role that rebuilt trust with parents',
    'Pupil passports written with families at home',
    'Parent workshops that helped families of {needShort}',
    'Listening first: how we changed conversations with families',
    'A parent forum that shapes SEND provision',
  ],
  summaries: [
    'How {orgDesc} rebuilt trust with families of {needShort} through person-centred reviews, regular contact and shared planning.',
    '{OrgDesc} shares how a family liaison role and co-produced plans changed relationships with parents of {needShort}.',
    'A practical account from {orgDesc} of working alongside families, from first concerns to annual reviews.',
  ],
  challenge: [
    'Relationships with some families had broken down. Parents of {needPupils} told us they felt they had to fight to be heard, and meetings often felt adversarial, with long lists of concerns on one side and defensive answers on the other. Formal complaints about SEND provision were rising, and several families had approached the local authority or started an appeal. Staff felt criticised and under pressure. We knew that children do best when school and home work together, and that we needed to change how we listened and communicated.',
    "Many families found it hard to engage with school. Some had had difficult experiences of education themselves; others worked long hours or had other children with needs. Parents' evenings were poorly attended by families of pupils with SEND, and letters home often went unread. Families told us that the language of SEND was confusing and that meetings felt full of jargon. We needed to find ways to reach families on their terms.",
    'Our reviews were professional-led, with parents invited to respond to plans that had already been written. Families said they felt like visitors in discussions about their own children, and several told us they left meetings unsure what had been agreed. Pupils were rarely present, even in {yearGroup} and above. We wanted to move to a model where families and pupils were equal partners in planning, where their knowledge of the child was valued as highly as professional reports, and where agreements were written down and followed through.',
  ],
  practice: [
    'We appointed a family liaison officer who works alongside the SENCO. They contact every family of a pupil with SEND at the start of the year, agree how the family would like to communicate, and are the first point of contact for concerns. They make home visits where families prefer, help parents prepare for meetings and follow up agreed actions. Families now have one person who knows their child and can get answers quickly.',
    "Reviews are now person-centred. Before each meeting, families and pupils complete a short 'what's working, what's not' sheet. Meetings start with what we appreciate about the child, then what is going well, what is difficult and what we will do next. Families speak first. Actions are written up during the meeting and shared the same day. {NeedSpecialist} joins reviews where needed, and pupils attend as much as they are able.",
    'We run termly workshops for families on topics they choose, such as sleep, anxiety, communication or preparing for {transition}. Sessions are held at different times of day to suit working parents, and some are online. A parent forum meets each half term to give feedback on SEND provision, and its suggestions have shaped our SEN information report and our approach to homework. Families of {needPupils} support each other through an informal peer network.',
  ],
  impact: [
    'Complaints about SEND provision have fallen sharply, and families tell us they feel listened to. Attendance at reviews is now almost universal, and most families rate meetings as helpful in the short evaluation they complete afterwards. Relationships with families who had been in dispute with the school have improved, and none of the appeals that were under way when we started has gone ahead. We know this from our complaints log, review attendance records, the post-review evaluations and the annual parent survey, which now includes questions written by the parent forum.',
    'Children benefit when home and school pull in the same direction. Strategies such as {needStrategy} are now used consistently in both places, and families report fewer difficulties at home, particularly around the start of the school day. Pupils are more involved in planning their own support and more willing to tell us when something is not working. Staff feel more confident in conversations with families and less defensive. Evidence comes from family feedback, pupil voice, staff surveys and case notes kept by the family liaison officer.',
    'Families who had not engaged with school now attend workshops and reviews, and the evening and online sessions have been particularly popular with working parents. The parent forum has become a valued source of ideas, and several of its suggestions have improved our provision. Families of {needPupils} tell us they feel less alone, and some now support newer families informally. We track workshop attendance, forum membership and family feedback, and we ask families each year whether they feel the school understands their child and would recommend it to others.',
  ],
  keyFactors: [
    'Having a dedicated family liaison role made the biggest difference. Families had one person to contact who knew their child, returned calls the same day and could get answers from the right member of staff. The role freed the SENCO to focus on provision and planning while ensuring families were never left waiting. We recruited someone with strong communication skills, a calm manner and good knowledge of local services and support groups, and we gave them proper training in SEND law and in handling difficult conversations.',
    'Changing the structure of meetings changed the relationship. Starting with what we appreciate about the child, and letting families speak first, signalled that their knowledge mattered as much as ours. Writing up actions on screen during the meeting, agreeing who would do what by when, and sharing the notes the same day showed that we would follow through. The SENCO checks each half term that agreed actions have been completed, and the family liaison officer contacts families if anything has slipped.',
    "Listening to families and acting on what they said built trust over time. When families saw their suggestions reflected in our provision, such as changes to homework for pupils with SEND or a quieter space at parents' evenings, they began to feel like partners rather than visitors. Offering flexible ways to engage, at different times of day, online or in person, and at home where that was easier, meant we reached families who had previously felt excluded or unable to come into school.",
  ],
  advice: [
    'Start by listening. Ask families what they need from you and how they want to communicate, and then do what you said you would. Be honest when things have gone wrong, apologise where it is due, and explain what you will do differently. Small, consistent actions, such as returning calls the same day and sending notes after every meeting, build trust far more than big promises. And remember that a family who has had to fight for support in the past may need time before they believe things have changed.',
    'Make meetings person-centred. Let families and pupils speak first, avoid jargon and acronyms or explain them, and write up actions during the meeting rather than afterwards. Follow through on every agreement, and if you cannot do something, explain why and offer an alternative. Families will forgive difficulties but not silence. Train all staff who lead reviews, not just the SENCO, so that the experience is consistent whichever teacher a family meets, and invite {needSpecialist} when their advice will change the plan.',
    'Think about which families are not engaging and why, rather than assuming they are not interested. Offer different times, formats and places for meetings and workshops, and ask families what topics would help them. Consider a dedicated family liaison role if your budget allows, and make sure every family has a named person to contact. Involve families in shaping provision, not just reviewing it; our parent forum has improved our SEN information report, our homework policy and our arrangements for {transition}.',
  ],
  costAndResources: [
    'The family liaison officer is a full-time support staff post funded from the notional SEN budget and pupil premium. Workshops cost little beyond staff time and refreshments.',
    'We trained staff in person-centred reviews through a two-day course. Meeting times were extended to allow for family-led discussions, met through cover for teachers where needed.',
    'The parent forum meets in school and needs only a small budget for refreshments and occasional childcare. {NeedSpecialist} contributes to some workshops as part of our existing agreement.',
  ],
  keywords: [
    'parents',
    'families',
    'co-production',
    'person-centred reviews',
    'parent partnership',
    'family liaison',
  ],
  needs: ['ASD', 'SEMH', 'DS', 'SLCN', 'PMLD', 'OTH', 'NSA', 'SLD'],
  phases: ['early-years', 'primary', 'secondary', 'all-through'],
  outcomes: ['parent-confidence', 'attendance', 'wellbeing'],
  principles: ['relationships-partnerships', 'knowing-children-well'],
}

const MULTI_AGENCY: PracticeContent = {
  label: 'Multi-agency working with health and social care',
  titles: [
    'Health, care and education round one table for {needShort}',
    'Bringing therapists into the classroom for {needShort}',
    'Shortening the wait for specialist help for {needShort}',
    'Joint planning with therapists and teachers for {needShort}',
    'One plan, many professionals: joined-up support for {needShort}',
    'How a termly team around the school changed referrals',
    'Therapists in the classroom, not just the clinic',
  ],
  summaries: [
    'How {orgDesc} brought health, social care and education professionals together so that {needShort} get joined-up support without long waits.',
    '{OrgDesc} explains how therapists and mental health practitioners now work in classrooms alongside staff, not only in clinics.',
    'Lessons from {orgDesc} on a termly multi-agency meeting that turned separate reports into one shared plan for each child.',
  ],
  challenge: [
    "Support for {needPupils} came from many directions but rarely joined up. A pupil might see a speech and language therapist, an occupational therapist, a CAMHS practitioner and a social worker, each with their own plan and targets, none of which arrived in school in a form {teachers} could use. Waiting lists for therapy were long, and advice often came months after a referral, by which time the pupil's needs had changed. Families told us they repeated their story to every new professional and felt they were holding the whole system together themselves.",
    'We were making large numbers of referrals to health services, and many were rejected or bounced between teams because they did not meet thresholds or lacked the right information. Meanwhile, {needPupils} waited without specialist input, and staff tried their best without the knowledge they needed. Health colleagues told us they rarely had time to visit schools and saw children in a clinic for half an hour, without seeing how they managed in a classroom. Everyone agreed that the way we worked together was not serving children well.',
    "Our local area inspection had identified that education, health and care were not working together effectively for children with SEND, and that families experienced the system as fragmented. Information sharing was inconsistent and advice for EHC needs assessments was often late. Schools felt that health partners were absent from planning; health partners felt that schools referred too late and without having tried the basics. We needed a practical way of working that built trust between services and put the child, rather than each service's eligibility criteria, at the centre.",
  ],
  practice: [
    "Each term we hold a 'team around the school' meeting attended by the SENCO, the educational psychologist, {needSpecialist}, a school nurse, a CAMHS practitioner and an early help worker. With family consent, we discuss pupils causing concern, agree who is best placed to help and avoid duplicate referrals. Actions are recorded on a single shared plan, and the SENCO follows up with families within a week. Between meetings, professionals can be contacted directly for quick advice, which often means a pupil gets help without a formal referral at all.",
    "Therapists now spend time in school rather than only in clinics. {NeedSpecialist} visits fortnightly to observe pupils in lessons, coach teaching assistants and model strategies such as {needStrategy}. Therapy targets are written into pupils' one-page profiles so that every adult works on them during the school day, not just during a weekly session. Staff keep a short log of how pupils respond, which the therapist reviews at their next visit. This gives therapists far richer information than a clinic appointment and gives staff practical, personalised advice.",
    'For {aPupil} with complex needs, the family, the school and every professional involved meet together once a term. The meeting follows a simple agenda: what is going well, what is worrying us, and what each of us will do before we meet again. The family chooses who attends and receives a written summary within two days. One named lead professional, often the SENCO, coordinates actions. The same single plan feeds into the EHC plan annual review, so that advice from health and social care is current and consistent.',
  ],
  impact: [
    'Pupils are getting help sooner. The time between a concern being raised and specialist advice reaching the classroom has fallen from months to weeks, and fewer referrals are rejected because they arrive with the right information. Families tell us they no longer have to repeat their story to every professional. {Teachers} say therapy advice is now practical and specific. We know this from our referral log, the dates recorded on shared plans, feedback from families after review meetings and a survey of staff.',
    "Therapy targets are being met more often because pupils practise them every day rather than once a week. Professionals report that they understand pupils better from seeing them in class, and their advice has become more useful as a result. Duplicate referrals have almost disappeared. Families' confidence in the support their children receive has grown noticeably. Evidence comes from therapy reviews, EHC plan annual reviews, the team around the school action log and our annual parent survey.",
    'Relationships between services have improved markedly. Health and social care colleagues now contribute to EHC needs assessments on time, and several schools in the area have adopted the same meeting structure. Fewer pupils are reaching crisis point before they receive help, and admissions to specialist provision for {needPupils} have fallen. We track the timeliness of advice, escalations to crisis services and placement changes, and we collect feedback from families and professionals each year.',
  ],
  keyFactors: [
    'Senior leaders in education, health and social care agreed to make this a priority and to release staff time for it. Without that agreement, meetings would have been cancelled whenever caseloads rose. A clear information-sharing agreement, drawn up with data protection officers from each service and explained to families, gave everyone confidence about what could be shared and when. Having a single shared plan, rather than separate documents from each service, was simple but transformed how coordinated the support felt to families.',
    "Getting therapists into classrooms was the turning point. When {needSpecialist} saw pupils in lessons, their advice became practical and relevant, and staff felt supported rather than judged. Protected time for therapists to coach staff, rather than only assess pupils, multiplied the impact of every visit. Schools made this easier by providing a room, a named contact and a timetable of visits agreed at the start of each term, so that therapists' time in school was never wasted.",
    'Families were at the centre. They decided who attended meetings about their child, received written summaries quickly and had one named person to contact. This built trust and meant families were more willing to share information that helped professionals understand their child. We also invited families to help design the meeting format, and their suggestion to start with what is going well changed the tone of every meeting.',
  ],
  advice: [
    'Start small with a pilot in a few schools and a few services, show that it works and then grow. Get agreement from senior leaders in each service before you begin, and make sure there is a clear information-sharing agreement in place. Keep meetings short, structured and focused on actions, and always follow up. Most of all, ask families what would help; they experience the gaps between services every day and often know exactly where the system breaks down.',
    "Invest in therapists' time in schools rather than only in clinics. Advice based on seeing a child in the classroom is far more useful than advice from a clinic appointment. Make it easy for professionals to visit: a room, a timetable and a named contact make a big difference. Build therapy targets into daily routines so that every adult supports them, and ask therapists to coach staff as well as assess pupils, so that expertise stays in school between visits.",
    'Use a single plan for each child rather than separate plans from each service. This reduces duplication, makes support easier for families to understand, and helps everyone see how their work fits together. Agree one lead professional for each child. Review the plan regularly with the family, and make sure it feeds into the EHC plan annual review so that health and care advice is always current rather than copied forward from several years ago.',
  ],
  costAndResources: [
    'Meetings use existing staff time from each service, agreed by senior leaders. The main cost for schools is SENCO time, around half a day a term per school, and cover for teachers who attend family meetings.',
    'Additional therapy time in schools is funded jointly by the local authority and the health commissioner, with schools contributing through a traded services agreement. The cost is roughly one day a fortnight of therapist time per school.',
    'We developed a shared plan template and information-sharing agreement at no direct cost, using time from data protection officers in each service. Training for lead professionals took one day.',
  ],
  keywords: [
    'multi-agency',
    'health',
    'social care',
    'CAMHS',
    'SALT',
    'occupational therapy',
    'team around the child',
    'early help',
  ],
  needs: ['SEMH', 'SLCN', 'PD', 'OTH', 'ASD', 'HI', 'PMLD', 'MSI'],
  phases: ['early-years', 'primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['wellbeing', 'communication-skills', 'parent-confidence', 'attendance'],
  principles: ['relationships-partnerships', 'knowing-children-well'],
}

const WORKFORCE_DEVELOPMENT: PracticeContent = {
  label: 'Workforce development and staff training',
  titles: [
    'A three-year SEND professional development plan for every member of staff',
    'Training every adult in school to support {needShort}',
    'Specialist leads in every department',
    '[group] Growing SENCO capacity across a group of schools',
    'From training days to coaching: SEND CPD that changed practice',
    '[group] Sharing specialist expertise across schools for {needShort}',
    'A SEND champion in every year group team',
  ],
  summaries: [
    'How {orgDesc} built staff expertise in SEND through a long-term professional development plan, coaching and specialist leads.',
    '{OrgDesc} describes how it trained every member of staff to support {needShort}, from teaching assistants to senior leaders.',
    'Lessons from {orgDesc} on growing specialist knowledge about {needShort} and keeping it when experienced staff move on.',
  ],
  challenge: [
    'Our staff survey showed that fewer than half of teachers felt confident meeting the needs of pupils with SEND, and teaching assistants felt even less prepared. Training had been a series of one-off sessions on different topics, often delivered on a single INSET day and rarely followed up. Expertise was concentrated in the SENCO, who was overwhelmed with requests for advice. As the number of {needPupils} grew, we knew that every adult in the school needed a deeper, shared understanding of how to support them.',
    "Specialist knowledge in {needNoun} was held by one or two experienced colleagues, and when they left, it left with them. Early career teachers told us their initial training had included little on SEND, and they learned mainly by trial and error. Supply and support staff received almost no training. We needed a way of building expertise systematically across the whole workforce, making it part of everyone's professional development rather than an optional extra for those who were interested.",
    "[group] Our group of schools had very different levels of SEND expertise. Some had experienced SENCOs with the national qualification; others had newly appointed SENCOs who were also full-time class teachers. Advice from {needSpecialist} was expensive and stretched thin. Leaders wanted a sustainable way of sharing expertise across schools, so that a pupil's experience did not depend on which school they happened to attend, and so that staff could learn from colleagues who had already solved similar problems.",
  ],
  practice: [
    'We created a three-year professional development plan for SEND. Year one focused on the foundations of adaptive teaching for everyone; year two on the main areas of need, including {needNoun}; and year three on coaching and leadership. Training is delivered in short, monthly sessions followed by classroom practice and peer observation, rather than single training days. Teaching assistants follow a parallel pathway with accredited modules, and every new member of staff, including supply and lunchtime staff, receives an induction on our approach to SEND in their first week.',
    'Each department or phase team has a SEND champion, a teacher with extra training who supports colleagues with planning, shares resources and leads a short SEND item at every team meeting. Champions meet the SENCO half-termly as a network and receive coaching from {needSpecialist}. This spreads expertise across the school and means advice is available close to where it is needed. Champions also lead learning walks focused on pupils with SEND and feed back to their teams on what is working.',
    '[group] Across our schools, we run a SENCO network that meets monthly and includes newly qualified and experienced SENCOs. Experienced SENCOs mentor newer colleagues, and schools share training materials, policies and specialist staff. Staff can visit other schools to see strong practice in action, for example how a colleague supports {aPupil} with {needNoun} in a mainstream class. We also fund the national SENCO qualification and specialist courses for staff who want to develop expertise, with a commitment to share what they learn.',
  ],
  impact: [
    'Staff confidence has risen substantially. Our annual survey now shows most teachers and teaching assistants feel confident meeting the needs of pupils with SEND, compared with fewer than half when we started. Requests for urgent advice from the SENCO have fallen because staff can solve more problems themselves or with their SEND champion. Learning walks show more consistent adaptive teaching across the school. We track this through the staff survey, SENCO records and learning walk notes.',
    'Pupils with SEND are benefiting from more consistent and knowledgeable support. {NeedPupils} tell us that teachers understand them better, and families have noticed the difference. Expertise is no longer dependent on one or two people: when an experienced colleague moved on last year, the quality of support did not dip. Attainment for pupils with SEND has improved in internal assessments, and we see fewer behaviour incidents involving pupils with SEND.',
    '[group] Across our schools, the gap in SEND expertise has narrowed. Newer SENCOs report feeling supported and more effective, and SENCO turnover has fallen. Schools are sharing resources and solving problems together rather than each buying in the same advice. Families moving between our schools now find a consistent approach. We know this from SENCO network evaluations, staff surveys, retention data and feedback from families during annual reviews.',
  ],
  keyFactors: [
    'Taking a long-term view was essential. A three-year plan allowed us to build knowledge step by step and revisit key ideas, rather than covering everything at once and forgetting it by the next term. Short, regular sessions followed by practice and peer observation changed classroom habits in a way that training days never had. Leaders protected time for the programme in the school calendar, and it was written into the school improvement plan so it could not quietly slip when other priorities arrived.',
    'Distributing expertise through SEND champions made the biggest difference to day-to-day practice. Colleagues were more likely to ask a champion in their own team than to email the SENCO, and champions could give advice that fitted the subject or year group. Supporting champions through a network and coaching from {needSpecialist} kept their knowledge current and gave them a professional identity they valued, which also helped us keep good teachers who might otherwise have left.',
    "Including everyone was important. Teaching assistants, lunchtime staff, office staff and supply teachers all receive training appropriate to their role, because pupils with SEND meet all of them during the day. A short, clear induction for every new adult means that our approach is understood from the first day, and a single shared vocabulary, from 'regulation' to 'scaffolding', helps adults talk to each other about what pupils need.",
  ],
  advice: [
    'Plan for the long term. A coherent programme over several years builds deeper expertise than a series of unconnected training days. Start with adaptive teaching for everyone, then build specialist knowledge in the needs most common in your school. Follow up every session with practice in classrooms, peer observation and a chance to talk about what happened. Measure staff confidence before you begin and every year afterwards, so you can see what is working and adjust the programme.',
    'Spread expertise rather than concentrating it. SEND champions or specialist leads in each team make advice accessible and reduce the pressure on the SENCO, and they help the school keep its knowledge when people move on. Invest in the national SENCO qualification and specialist courses, but ask those who attend to share what they learn through short sessions for colleagues, so the whole school gets a return on the investment, not just one person.',
    "Do not forget support staff and others who work with pupils outside lessons. Teaching assistants, lunchtime supervisors and office staff all play a part in pupils' day, and small changes in how they respond can make a big difference to a pupil who finds unstructured time hard. If you work in a group of schools, create networks that let staff learn from each other and share specialist resources, rather than each school buying the same advice separately.",
  ],
  costAndResources: [
    'The programme is funded from the professional development budget. Monthly sessions use existing meeting time. Accredited modules for teaching assistants and the national SENCO qualification were funded partly by the school and partly through national funding.',
    'SEND champions receive one hour a week of protected time and a small responsibility allowance. Coaching from {needSpecialist} is bought through a traded services agreement, at roughly the cost of one day a half term.',
    '[group] The SENCO network across our schools is coordinated by a lead SENCO for one day a week. Schools share training materials at no extra cost, and cross-school visits are covered by supply staff.',
  ],
  keywords: [
    'CPD',
    'professional development',
    'staff training',
    'NPQ SENCO',
    'SENCO network',
    'INSET',
    'coaching',
  ],
  needs: ['ASD', 'SLCN', 'SEMH', 'SPLD', 'MLD', 'HI', 'VI', 'DS', 'NSA'],
  phases: ['primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['staff-confidence', 'attainment', 'participation'],
  principles: ['high-quality-teaching', 'shared-responsibility'],
}

const LEADERSHIP_STRATEGY: PracticeContent = {
  label: 'Leadership, strategy and funding',
  titles: [
    'Inclusion as a shared strategy, not a separate system',
    'Funding support for {needShort} before an EHC plan is in place',
    'Putting SEND on every leadership agenda',
    'Governors who ask the right questions about inclusion',
    '[group] Pooling resources across schools to support {needShort}',
    'An inclusion strategy built on data and pupil voice',
    '[group] A central SEND team that strengthens every school',
  ],
  summaries: [
    'How {orgDesc} made inclusion a shared strategic priority, with clear funding, accountability and support for {needShort}.',
    '[group] {OrgDesc} explains how pooled funding and a central SEND team helped schools meet the needs of {needShort} earlier.',
    'Lessons from {orgDesc} on leading inclusion strategically, from the board and governors to every classroom.',
  ],
  challenge: [
    "Inclusion had been seen as the SENCO's responsibility rather than a priority for the whole leadership team. SEND was a short item at the end of leadership meetings, and decisions about timetables, staffing and the curriculum were made without considering pupils with SEND. As a result, {needPupils} were disproportionately represented in suspension and absence figures, and families were losing confidence. We needed inclusion to be central to our strategy, with leaders at every level taking responsibility for it.",
    '[group] Across our schools, funding for pupils with SEND was allocated inconsistently. Some schools spent heavily on one-to-one support; others had little capacity to help pupils on SEN support. Schools felt that the only way to secure additional funding was through an EHC plan, so requests for assessments were rising and support was often delayed while families waited. Leaders wanted a fairer, more responsive system that got help to pupils earlier, without waiting for a statutory process to run its course.',
    '[group] Our data showed large differences in outcomes for pupils with SEND between our schools, even where their needs were similar. Some schools were highly inclusive; others had high rates of suspension and managed moves for {needPupils}. We had no shared understanding of what good inclusive practice looked like, and no way of holding ourselves to account for it. The board asked for a strategy that would make inclusion consistent, visible and measured across every school.',
    'Our SEND provision depended heavily on the SENCO, who was also a class teacher with two afternoons a week for the role. Governors received a short SEND report once a year, and the SEN information report had not been updated for some time. When we looked closely at our own data, {needPupils} were over-represented in our behaviour log and under-represented in clubs, trips and leadership roles. Leaders agreed that inclusion needed to move from the edge of the school improvement plan to its centre, with clear accountability and a budget that matched our ambitions.',
  ],
  practice: [
    'Inclusion is now the first item on every leadership meeting agenda. Each senior leader has a named responsibility connected to SEND, for example the curriculum lead checks that schemes of work are accessible and the pastoral lead reviews behaviour data for pupils with SEND every fortnight. The SENCO sits on the senior leadership team. Our school improvement plan includes inclusion targets, and every decision about timetables, staffing and policies is checked for its impact on pupils with SEND before it is made.',
    "[group] We created a central inclusion fund, pooled from a small share of each school's budget, which schools can draw on to provide support for pupils before an EHC plan is in place. Requests are considered fortnightly by a panel of SENCOs and a central SEND lead, using a short form that sets out need, current support and expected impact. The fund pays for additional staffing, specialist advice from {needSpecialist} or short-term resources, and every award is reviewed after a term to see what it achieved.",
    '[group] Governors and trustees receive a termly inclusion report with data on attendance, suspensions, attainment and progress for pupils with SEND, broken down by need and compared across schools. A link governor for SEND visits each term and talks to pupils, families and staff. The board uses a set of questions developed with headteachers to challenge and support leaders. Headteachers meet each half term to review inclusion data together and share practice, with schools that have strong outcomes supporting others.',
    'The SENCO now has four days a week of leadership time and sits on the senior leadership team. We built the notional SEN budget from the bottom up, starting with what pupils need rather than what we spent last year, and we publish a one-page summary for governors each term. Every middle leader has an inclusion target in their development plan; for example, the English lead tracks the reading progress of pupils on SEN support. A link governor for SEND meets the SENCO each half term, and policies are checked for their impact on {needPupils} before they are adopted.',
  ],
  impact: [
    "Inclusion is now genuinely shared. Leaders at every level can explain their role in supporting pupils with SEND, and decisions routinely consider their needs. Suspensions and absence for {needPupils} have fallen, and families' confidence has grown. Staff tell us they feel supported by leaders when working with pupils with complex needs. We track this through leadership meeting records, our termly inclusion data, the parent survey and the annual staff survey.",
    '[group] The central fund has helped pupils receive support earlier. Many pupils have had their needs met without an EHC plan, and those who do need statutory assessment arrive with stronger evidence of what has been tried. Requests for EHC needs assessments have stabilised, while outcomes for pupils on SEN support have improved. Every award is reviewed, so we know which types of support are most effective. Evidence comes from fund records, assessment requests and attainment tracking.',
    '[group] Differences between our schools have narrowed. Schools that had high suspension rates for pupils with SEND have reduced them, helped by colleagues from other schools who shared their approaches. Governors and trustees now ask informed questions and understand inclusion data well. Families moving between our schools experience a more consistent offer. We know this from the termly inclusion report, governor visit notes and feedback from families.',
    "Inclusion is now visible in every part of school life. Participation of pupils with SEND in clubs, trips and pupil leadership roles has risen, and they are no longer over-represented in our behaviour log. Governors ask sharper questions, and our SEN information report is now written with families. The SENCO's leadership time means that problems are spotted and solved earlier. We know this from our termly inclusion report, club and trip registers, behaviour data, governor visit notes and the annual parent and staff surveys.",
  ],
  keyFactors: [
    'Leadership commitment was the foundation. When the headteacher and board made inclusion their first priority, and showed it through how they spent time and money, staff followed. Putting the SENCO on the senior leadership team gave SEND a voice in every strategic decision. Clear, shared measures of inclusion made it visible and gave everyone something concrete to aim for, rather than a statement of values on a website that nobody could check.',
    '[group] The central fund worked because it was simple, quick and fair. Schools could get a decision within a fortnight, the criteria were clear, and every award was reviewed. Headteachers trusted the panel because it included SENCOs from their schools. Pooling resources meant that schools with a sudden increase in need were not left to cope alone, and smaller schools could access specialist support from {needSpecialist} they could not have afforded on their own.',
    'Using data well made the difference. Breaking down data by need and comparing across schools revealed patterns we had not seen before. Combining data with pupil and family voice helped us understand the reasons behind the figures. Sharing data openly between headteachers, without blame, built a culture of learning from each other rather than competing, and helped us spot problems for particular groups of pupils early.',
  ],
  advice: [
    'Make inclusion a strategic priority, not an add-on. Put it at the top of leadership agendas, give every leader a named responsibility, and include it in your improvement plan. Make sure your SENCO has a seat on the senior leadership team. Check every major decision, from timetables to behaviour policy, for its impact on pupils with SEND before you make it, not after a family complains.',
    'Consider pooling some funding to provide support earlier. A simple, fast process for allocating additional help can reduce the pressure to seek EHC plans and get support to pupils when they need it. Review every award so you learn what works, and share the findings with headteachers and SENCOs so that good ideas spread. Be transparent about how decisions are made, so that schools and families trust the process.',
    'Use data to hold yourselves to account, but always alongside pupil and family voice. Break down data by need and compare across schools or year groups to spot patterns. Give governors and trustees the information and questions they need to challenge and support leaders well. Build a culture where sharing difficult data is welcomed as a chance to learn, not a reason for blame.',
  ],
  costAndResources: [
    "[group] The central inclusion fund is made up of one per cent of each school's budget, pooled and allocated by a panel. A central SEND lead is employed three days a week to coordinate the fund and support SENCOs.",
    'Costs were mainly leadership time: redesigning meeting agendas, developing the inclusion report and training governors. We bought a data dashboard to report inclusion measures each term.',
    "The SENCO's place on the senior leadership team was funded by adjusting the leadership structure rather than adding a post. Training for governors on SEND was delivered by {needSpecialist} and the local authority.",
  ],
  keywords: [
    'leadership',
    'strategy',
    'funding',
    'governors',
    'trust-wide',
    'inclusion strategy',
    'SENCO on SLT',
  ],
  needs: ['NSA', 'ASD', 'SEMH', 'SLCN', 'MLD', 'OTH', 'SPLD'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: ['exclusions', 'attendance', 'parent-confidence', 'staff-confidence'],
  principles: ['shared-responsibility', 'targeted-support'],
}

const PASTORAL_SEMH: PracticeContent = {
  label: 'Pastoral and SEMH strategy',
  titles: [
    'A relational approach to behaviour for {needShort}',
    'ELSA sessions and a calm base for {needShort}',
    'Trauma-informed practice in every classroom',
    'Key adults and daily check-ins for {needShort}',
    'Nurture groups that help {needShort} settle and learn',
    'Replacing isolation with regulation: a pastoral rethink',
    'A wellbeing hub at the heart of the school',
  ],
  summaries: [
    'How {orgDesc} moved to a relational, trauma-informed approach so that {needShort} feel safe, stay in class and learn.',
    '{OrgDesc} describes its key adult model, ELSA sessions and calm base for pupils who find regulation hard.',
    'Lessons from {orgDesc} on replacing isolation with regulation and building a pastoral team that understands SEMH.',
  ],
  challenge: [
    'Our behaviour policy relied heavily on sanctions, and {needPupils} were far more likely to be sent out of lessons, placed in isolation or suspended than their peers. For many, the sanctions made things worse: their anxiety rose, relationships with staff broke down and they fell further behind. Staff felt frustrated and unsupported. Pupil voice showed that many pupils with SEMH needs did not feel that any adult in school understood them. We needed to understand the reasons behind behaviour and respond in ways that helped pupils learn to manage their emotions.',
    'The number of pupils with anxiety, low mood and difficulties regulating their emotions had grown significantly. CAMHS waiting lists were long, and many pupils did not meet thresholds for specialist help. Staff were dealing with distressed pupils every day without the training or time to respond well. Pupils in {yearGroup} were missing lessons because they could not face going into class. We needed a school-based pastoral offer that could support pupils early, before their difficulties became entrenched.',
    'We had a pastoral team, but it was reactive, dealing with incidents after they happened. There was no consistent approach to supporting {needPupils}, and different staff responded in different ways. Some pupils had several adults involved but no-one who really knew them. We wanted every pupil who needed it to have a trusted adult, every member of staff to understand how to support regulation, and a calm space where pupils could go before a difficulty became a crisis.',
  ],
  practice: [
    "Every pupil with identified SEMH needs has a key adult who checks in with them at the start and end of each day. Key adults are trained in emotion coaching and know the pupil's triggers and what helps, using {needStrategy}. Pupils have a short 'my regulation plan' written with them, shared with all staff. Instead of isolation, we have a calm base staffed by trained pastoral staff, where pupils can go to regulate and then return to class, usually within twenty minutes. Time out of lessons is tracked, and patterns are discussed at weekly pastoral meetings.",
    'Two trained ELSAs run weekly sessions with pupils referred through the pastoral team, covering areas such as recognising emotions, friendship, anxiety and self-esteem. Sessions run for six to ten weeks, with clear goals agreed with the pupil and reviewed at the end. A nurture group runs each morning for pupils who find the start of the day difficult, offering breakfast, a calm routine and a chance to talk before lessons. {NeedSpecialist} provides supervision for ELSAs and advice on pupils with more complex needs.',
    'All staff have been trained in a relational, trauma-informed approach, which explains how stress affects behaviour and learning and gives practical strategies for de-escalation and repair. Our behaviour policy now includes restorative conversations after incidents, so that relationships are repaired and pupils learn from what happened. Sanctions are still used, but they are planned and proportionate, and we consider whether adjustments are needed for pupils with SEND. Pastoral leaders review data on incidents, suspensions and time out of class every fortnight.',
  ],
  impact: [
    'The number of pupils sent out of lessons has fallen sharply, and suspensions for pupils with SEMH needs have reduced significantly. Pupils tell us they feel safer and that there is an adult in school who understands them. Time spent in the calm base is short and followed by a return to class, so pupils miss less learning. We know this from our behaviour system, suspension data, calm base records and pupil voice surveys each term.',
    'Pupils who attend ELSA sessions and the nurture group show improvements in emotional wellbeing, measured using a short questionnaire at the start and end of each programme. Teachers report that these pupils are more settled and ready to learn. Families tell us that their children are happier about coming to school. Attendance for pupils with SEMH needs has improved. Evidence comes from wellbeing questionnaires, teacher feedback, attendance data and family conversations.',
    'Staff feel more confident supporting distressed pupils and report less stress from managing behaviour. Incidents are resolved more quickly and relationships are repaired more often. Our staff survey shows strong support for the relational approach. {NeedPupils} are spending more time in lessons and making better progress. We know this from incident logs, staff surveys, internal assessment data and the attendance of pupils with SEMH needs.',
  ],
  keyFactors: [
    'Training all staff in a shared approach was essential. When everyone, from lunchtime supervisors to the headteacher, understood why pupils behave as they do and how to respond, practice became consistent and pupils knew what to expect from every adult. Leaders modelled the approach in how they handled incidents in corridors and in meetings with families, which showed staff that it was not soft on behaviour but a more effective way of achieving calm, purposeful classrooms. We revisited the training every term rather than treating it as a one-off.',
    'The key adult model made the biggest difference for individual pupils. Having one trusted person who checked in every day gave pupils a sense of safety and someone to turn to. Protecting time for key adults, even when staffing was tight, showed that we were serious. Regular supervision from {needSpecialist} supported ELSAs and key adults in what can be emotionally demanding work.',
    'Replacing isolation with a calm base changed the culture. Pupils went to the base to regulate, not as a punishment, and returned to class quickly. Tracking time out of class made it visible and helped us spot pupils who needed more support. Working closely with families, and sharing regulation plans with them, meant that strategies were consistent at home and at school.',
  ],
  advice: [
    'Invest in training for all staff, not just the pastoral team, because the moments that matter most often happen in corridors, at lunchtime or at the classroom door. A shared understanding of how stress affects behaviour and learning changes how everyone responds. Make sure the approach is clear and consistent, and explain to staff and families that relational does not mean having no boundaries; it means boundaries held with warmth, explained clearly and followed by repair when things go wrong.',
    'Give every pupil who needs it a trusted adult, and protect the time for that relationship even when cover is tight. Daily check-ins of five minutes are simple but powerful, especially on Monday mornings and after holidays. Provide a calm space for regulation rather than isolation, staff it with trained adults, and track how it is used, by whom and for how long, so that it does not quietly become somewhere pupils spend long periods away from their learning.',
    'Use data to understand patterns. Review incidents, suspensions and time out of class every fortnight, broken down by need and year group, and look for the reasons behind the figures: a particular lesson, time of day or transition. Listen to pupils about what helps and what makes things worse. Work with families and external services such as {needSpecialist} so that support is consistent and pupils with more complex needs get specialist help before they reach crisis point.',
  ],
  costAndResources: [
    'Training for two ELSAs took six days and is followed by half-termly supervision from the educational psychology service. The calm base is staffed by two pastoral support workers, funded partly from the pupil premium.',
    'Whole-staff training in the relational approach took two INSET days and a series of twilight sessions. The nurture group costs a small amount for breakfast and uses a trained teaching assistant for an hour each morning.',
    'Key adult time is built into the timetables of teaching assistants and pastoral staff, at around ten minutes a day per pupil. Supervision from {needSpecialist} is part of our traded services agreement.',
  ],
  keywords: [
    'SEMH',
    'pastoral',
    'relational',
    'trauma-informed',
    'ELSA',
    'nurture group',
    'emotional regulation',
    'behaviour',
  ],
  needs: ['SEMH', 'ASD', 'SLCN', 'OTH', 'NSA'],
  phases: ['primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['wellbeing', 'exclusions', 'attendance', 'staff-confidence'],
  principles: ['knowing-children-well', 'relationships-partnerships'],
}

const ATTENDANCE: PracticeContent = {
  label: 'Attendance and persistent absence',
  titles: [
    'A graded return to school for {needShort} after anxiety-related absence',
    "Attendance is everyone's business: looking at absence through a SEND lens",
    'Turning round persistent absence for {needShort}',
    'Morning check-ins that brought {needShort} back into school',
    'Attendance support that starts with the reasons, not the letters',
    'An attendance plan that kept {needShort} learning through illness',
    'Knowing why pupils are absent: attendance mentoring for {needShort}',
  ],
  summaries: [
    'How {orgDesc} reduced persistent absence among {needShort} by understanding the reasons behind it and planning a graded return.',
    '{OrgDesc} explains how attendance mentors, morning check-ins and reasonable adjustments helped {needShort} attend more often.',
    'Lessons from {orgDesc} on replacing standard attendance letters with early conversations and support plans for pupils with SEND.',
  ],
  challenge: [
    'Attendance for pupils with SEND was well below that of their peers, and persistent absence among {needPupils} had risen every year. Our usual approach, a standard letter at 90% followed by a meeting and warnings, was not working and often damaged relationships with families who were already struggling. Many of the pupils were not refusing school; they were anxious, exhausted or overwhelmed, and some had unmet needs that made the school day feel impossible. Families told us they felt blamed rather than helped.',
    'A growing number of pupils were experiencing what is often called emotionally based school avoidance. By {yearGroup}, some had been absent for weeks at a time, and a few had stopped attending altogether. Parents described mornings of distress and told us they felt powerless. Our attendance team and pastoral team worked separately, so the reasons for absence were rarely explored. We needed a joined-up approach that understood absence as a sign of need and responded early, before patterns became entrenched.',
    'Several {needPupils} had long-term health conditions or disabilities that affected their attendance, through hospital appointments, fatigue or pain. Absences were recorded and followed up in the same way as any other, which families found distressing, and pupils fell behind because there was no plan for keeping them learning when they could not attend. We wanted to make reasonable adjustments, keep pupils connected to school, and make sure absence did not turn into disengagement.',
  ],
  practice: [
    'When a pupil with SEND drops below 95% attendance, the attendance officer and SENCO look at the pattern together within a week rather than sending a standard letter. A member of staff who knows the pupil calls the family to ask what is getting in the way. We then agree a short attendance support plan that might include a morning check-in with a trusted adult, a quieter arrival through a side entrance, adjustments to the timetable or uniform, or a referral to {needSpecialist}. The plan is reviewed every two weeks with the family and the pupil.',
    'For pupils with anxiety-related absence, we use a graded return plan written with the pupil and family. It starts with something achievable, such as arriving for registration and spending an hour in a familiar space, and builds up week by week towards a full timetable. A key adult meets the pupil at the gate each morning. Work is sent home and marked on days the pupil cannot attend, so they do not fall further behind. Progress is celebrated, and setbacks are treated as information rather than failure.',
    'Attendance mentors, drawn from our pastoral and support staff, each work with a small group of pupils with SEND and persistent absence. They build a relationship with the pupil and family, meet weekly, and help solve practical problems such as transport, sleep routines or worries about a particular lesson. For pupils with medical needs, the SENCO and school nurse agree an individual healthcare plan that sets out reasonable adjustments, how missed learning will be covered and how absences will be recorded and discussed.',
  ],
  impact: [
    'Attendance for {needPupils} has risen, and persistent absence has fallen significantly. Most pupils with an attendance support plan improve within a term. Relationships with families are better: parents tell us they feel listened to rather than blamed, and fewer cases reach formal stages. We know this from weekly attendance data broken down by need, records of support plans and their reviews, and feedback from families and pupils at the end of each plan.',
    'Pupils who were on graded return plans are now attending much more, and several who had been absent for long periods are back on full timetables. Pupils tell us that knowing someone would meet them at the gate made the difference. Teachers report that returning pupils are settling well because work was kept up during absences. Evidence comes from attendance records, graded return plan reviews and pupil voice.',
    "Pupils with medical needs are falling behind less, because learning is planned around their absences. Families tell us they feel the school understands their child's condition and that conversations about attendance are now supportive. Attendance mentors report that practical problems are often quickly solved once someone takes the time to ask. We track attendance, progress for pupils with healthcare plans and the outcomes of mentoring.",
  ],
  keyFactors: [
    'Bringing attendance and SEND together was the key change. When the attendance officer and SENCO looked at data together, patterns became clear and responses became more thoughtful. Starting with a conversation rather than a letter changed the tone of everything that followed and made families far more willing to work with us. Leaders backed this approach even though it took more time than sending letters, because they could see that letters alone were not working for this group of pupils.',
    'Relationships made the difference. A trusted adult meeting a pupil at the gate, or a mentor who knew the family, helped pupils feel safe and wanted. Consistency mattered: the same adult, at the same time, every day. Families who felt that staff genuinely cared about their child were much more willing to work with us on difficult mornings, and to tell us early when things were starting to slip rather than waiting until absence had become entrenched.',
    'Treating absence as a sign of need helped us respond appropriately. Understanding the reasons, whether anxiety, sensory overload, health or an unmet learning need, allowed us to make reasonable adjustments and involve the right specialists, such as {needSpecialist}. Planning for learning during absence kept pupils connected and made returning easier. We also learned to celebrate small steps, such as one more lesson a week, because they are what eventually add up to a full return.',
  ],
  advice: [
    'Look at attendance data by need and respond early. Start with a conversation with the family rather than a standard letter, and ask what is getting in the way before deciding what to do. Bring your attendance and SEND teams together so that absence is understood in context. Make reasonable adjustments where they will help, and record them in a plan that is shared with the pupil, the family and every member of staff who needs to know.',
    'For pupils with anxiety-related absence, plan a graded return that starts with something achievable and builds step by step. Make sure a trusted adult is there to meet them, and keep learning going on days they cannot attend so that falling behind does not become another reason to stay away. Treat setbacks as part of the process, not a reason to give up, and involve the pupil in every decision about the pace of the plan.',
    'Think about the practical barriers families face, such as transport, sleep, siblings or worries about uniform, and help to solve them. Work closely with health services for pupils with medical needs, and make sure absences are recorded and discussed sensitively. Above all, make pupils feel wanted and missed when they are not in school; a short message from a key adult can matter more than any formal procedure.',
  ],
  costAndResources: [
    'Attendance mentors are existing pastoral and support staff who each give around two hours a week to the role. The main cost is their time and a short training programme on emotionally based school avoidance.',
    'Graded return plans need flexible staffing in the mornings, which we provide through a rota of key adults. Home learning packs and online access to lessons cost little beyond staff time.',
    'Individual healthcare plans are written by the SENCO and school nurse within existing time. Advice from {needSpecialist} is provided through our local authority and health agreements.',
  ],
  keywords: [
    'attendance',
    'persistent absence',
    'EBSA',
    'school avoidance',
    'emotionally based school non-attendance',
    'reasonable adjustments',
  ],
  needs: ['SEMH', 'ASD', 'OTH', 'SLCN', 'NSA', 'PD'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: ['attendance', 'wellbeing', 'parent-confidence'],
  principles: ['knowing-children-well', 'relationships-partnerships'],
}

const ALTERNATIVES_TO_EXCLUSION: PracticeContent = {
  label: 'Alternatives to exclusion',
  titles: [
    'Exclusion as a trigger for support, not an ending',
    'An internal alternative provision that keeps {needShort} on roll',
    'A team around the pupil after the first suspension',
    'Reducing suspensions for {needShort} through early review',
    'Reasonable adjustments written into our behaviour policy',
    'A respite room instead of a suspension for {needShort}',
    'No permanent exclusions for {needShort}: how we got there',
  ],
  summaries: [
    'How {orgDesc} treats any suspension of a pupil with SEND as a trigger for review, and reduced suspensions for {needShort}.',
    '{OrgDesc} describes an internal alternative provision that keeps pupils on roll and learning while their needs are reassessed.',
    'Lessons from {orgDesc} on reasonable adjustments, early review and alternatives to suspension for {needShort}.',
  ],
  challenge: [
    'Pupils with SEND made up a large share of our suspensions, and several {needPupils} had been suspended repeatedly. Each suspension meant lost learning, damaged relationships and, often, a harder return to school. In many cases, the behaviour that led to suspension was linked to unmet needs, such as difficulties with communication, sensory overload or anxiety. We were also close to permanently excluding two pupils. We knew we needed a different response that addressed the causes of behaviour while keeping the school safe for everyone.',
    "Our behaviour policy was applied in the same way to every pupil, without considering whether adjustments were needed for pupils with SEND. Staff were unsure how to balance consistency with fairness, and families felt that their children were being punished for their disabilities. When incidents escalated, there were few options between a lesson removal and a suspension. We needed a wider range of responses, clear guidance on reasonable adjustments, and a way to review each pupil's needs after a serious incident.",
    'Pupils at risk of exclusion often reached that point after months of difficulties that had not been picked up or responded to. By the time a suspension happened, relationships had broken down and families had lost trust. The local authority was concerned about rising exclusions of {needPupils} across the area. We wanted to use the first sign of serious difficulty as a trigger for support rather than as a step towards exclusion.',
  ],
  practice: [
    'Any suspension of a pupil with SEND, or any pupil with an EHC plan at risk of suspension, triggers a review meeting within five school days with the pupil, family, SENCO and relevant staff. We ask what led to the incident, whether needs have changed and what support or adjustments are needed. For pupils with EHC plans, we consider an early annual review. {NeedSpecialist} is involved where appropriate. Agreed actions are recorded in a support plan and checked after four weeks.',
    'We set up an internal alternative provision, a small room staffed by a teacher and a teaching assistant, where pupils can spend a short, planned period while we reassess their needs. Pupils follow their normal curriculum with work set by their teachers, have daily sessions on regulation and relationships, and begin returning to lessons with support as soon as they are ready. Placements are usually two to six weeks. This has replaced many suspensions and kept pupils learning in school.',
    'Our behaviour policy now sets out how reasonable adjustments are made for pupils with SEND, with examples such as {needStrategy}. Staff receive training on how needs such as {needNoun} can affect behaviour and how to respond. A respite room offers a calm space where pupils can go when they feel overwhelmed. Behaviour data for pupils with SEND is reviewed fortnightly, and any pupil with three incidents in a fortnight is discussed at the pastoral meeting so that support can be put in place early.',
  ],
  impact: [
    'Suspensions of pupils with SEND have fallen significantly, and we have not permanently excluded any pupil with SEND since the approach began. Most pupils who had a review meeting after a suspension have not been suspended again. Families tell us they feel the school is working with them to understand their child. We know this from our suspension and exclusion data, review meeting records and family feedback.',
    'Pupils who spend time in the internal alternative provision return to lessons more settled and with a clearer plan. Most have not needed a further placement. Teachers say they feel supported in managing challenging behaviour, and pupils in the provision keep up with their learning. Evidence comes from placement records, attendance and behaviour data, internal assessments and pupil and staff feedback.',
    'Behaviour incidents involving {needPupils} have reduced, because their needs are recognised and adjustments are made. Staff feel more confident knowing how to respond fairly and consistently. The local authority has asked us to share our approach with other schools. We track incidents, suspensions and the use of the respite room, and we gather feedback from pupils, families and staff each term.',
  ],
  keyFactors: [
    "Treating suspension as a trigger for review was the most important change. It meant that every serious incident led to a better understanding of the pupil's needs and a clearer plan, rather than simply a punishment. Leaders committed to holding review meetings quickly, even when it was difficult to find the time, because delay allowed the same pattern to repeat. Involving families as partners in these meetings helped rebuild trust that previous suspensions had damaged.",
    'Having a real alternative made the difference. Before the internal alternative provision, staff felt that suspension was the only option for serious incidents. With a well-run, purposeful alternative, they could keep pupils in school while keeping everyone safe. Staffing it with a skilled teacher, rather than using it as a holding room, meant pupils kept learning and began to rebuild their relationships with staff and with school.',
    'Clear guidance on reasonable adjustments gave staff confidence. Examples in the behaviour policy and training on how needs affect behaviour helped staff understand that adjustments are fair, not favouritism. Reviewing behaviour data for pupils with SEND regularly allowed us to spot difficulties early and respond before they escalated. Advice from {needSpecialist} helped us tailor support for pupils with the most complex needs.',
  ],
  advice: [
    "Use every suspension of a pupil with SEND as a trigger for a review of their needs and support. Hold the review quickly, involve the family and pupil, and agree clear actions. Consider whether the pupil's needs have changed and whether an early annual review of an EHC plan is needed. Check after a few weeks whether the actions have made a difference, and adjust the plan if they have not.",
    'Create real alternatives to suspension. A well-staffed internal provision, a respite room or a planned short placement can keep pupils learning and safe while you work out what they need. Make sure any alternative is purposeful and time-limited, not a place where pupils spend weeks without a plan or a clear route back into lessons. Track who uses it and for how long, and look at the data by need.',
    'Write reasonable adjustments into your behaviour policy, with clear examples, and train staff on how different needs can affect behaviour. Help staff understand that adjustments make the policy fairer, not weaker. Review behaviour data for pupils with SEND regularly and respond to patterns early, before a pupil reaches the point of suspension or exclusion. Involve pupils in discussing what helps them stay calm and in class.',
  ],
  costAndResources: [
    'The internal alternative provision is staffed by a teacher and a teaching assistant, funded by redirecting money previously spent on external alternative provision placements. The room needed only minor adaptations.',
    'Review meetings take around an hour of SENCO and pastoral leader time per pupil. Training for staff on reasonable adjustments and behaviour took one INSET session and follow-up briefings.',
    'The respite room was created from an existing small office, with soft furnishings and sensory resources. Advice from {needSpecialist} is part of our existing agreement.',
  ],
  keywords: [
    'exclusion',
    'suspension',
    'alternatives to exclusion',
    'internal AP',
    'reasonable adjustments',
    'behaviour policy',
    'inclusion room',
  ],
  needs: ['SEMH', 'ASD', 'SLCN', 'NSA', 'MLD', 'OTH'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: ['exclusions', 'attendance', 'wellbeing', 'attainment'],
  principles: ['targeted-support', 'shared-responsibility'],
}

const FLEXIBLE_PROVISION: PracticeContent = {
  label: 'Flexible provision and alternative provision partnerships',
  titles: [
    'Part-time timetables with a plan, a review date and a way back',
    'An alternative provision partnership that keeps pupils connected to school',
    'Blended learning for {needShort} who cannot attend full-time',
    'Flexible timetables that build back to full-time for {needShort}',
    'Keeping {needShort} on roll through a shared placement',
    'Home and hospital tuition that stays linked to the classroom',
    'A dual-registration model for {needShort}',
  ],
  summaries: [
    'How {orgDesc} uses time-limited flexible timetables and alternative provision partnerships so that {needShort} stay connected to school.',
    '{OrgDesc} explains how every part-time timetable now has a plan, a review date and a clear route back to full-time education.',
    'Lessons from {orgDesc} on blended learning and shared placements for pupils who cannot yet attend full-time.',
  ],
  challenge: [
    'Some {needPupils} could not manage a full school day, and part-time timetables had become a default response. Some had been on reduced timetables for months without a plan or review date, and families felt that their children were slipping away from education. We knew that part-time timetables should only be used in exceptional circumstances, for a limited time, and with a clear plan to return to full-time education. We needed a better way of supporting pupils who genuinely could not yet attend full-time.',
    "We were using external alternative provision for pupils whose needs were not being met in school, but communication with providers was poor. Pupils attending alternative provision felt disconnected from their school, and the quality of provision varied widely. Some pupils were placed for long periods without a clear plan to return, and we did not always know what they were learning or how they were progressing. We wanted alternative provision to be a planned part of a pupil's education, not a way of moving them out of school.",
    'A number of pupils with health needs or anxiety were unable to attend school regularly and were receiving home or hospital tuition. Their tuition was often disconnected from what their classmates were learning, and they lost contact with friends and teachers. When they were well enough to return, the gap in their learning and relationships made the return very difficult. We wanted to keep these pupils connected to their class and their school throughout.',
  ],
  practice: [
    "Every part-time timetable now has a written plan agreed with the pupil, family and SENCO, with a clear reason, a start date, a review every two weeks and a plan to increase hours. Part-time timetables are used only when they are in the pupil's best interests and are reported to the local authority. Pupils on reduced timetables have a key adult, work is set for the time they are not in school, and their progress is reviewed at our weekly inclusion meeting. {NeedSpecialist} is consulted to help plan the return.",
    'We have a partnership agreement with two alternative provision providers, setting out expectations for curriculum, safeguarding, communication and reintegration. Pupils are dual registered, remain part of their school and attend at least one day a week with us. A link worker from school visits the provider each fortnight and meets the pupil, and the provider sends weekly updates on attendance, behaviour and learning. Placements are reviewed every six weeks with a clear plan for return to school or transition to a longer-term setting.',
    'For pupils who cannot attend full-time because of health needs or anxiety, we offer a blended model. They join some lessons live from home through a laptop, receive work from their class teachers and attend school for planned sessions with a key adult. Home tuition, where needed, follows the class curriculum. Pupils stay in contact with friends through planned activities. As their health improves, time in school increases gradually, using {needStrategy} to make each step manageable.',
  ],
  impact: [
    'Part-time timetables are now shorter and more purposeful. Most pupils on reduced timetables return to full-time attendance within a term, and none has been on a reduced timetable for more than two terms without a multi-agency review. Families tell us they understand the plan and feel involved. We know this from our part-time timetable register, review records, attendance data and family feedback.',
    "Pupils in alternative provision remain connected to school and return more successfully. Most pupils placed through our partnership have returned to school or moved on to a planned long-term setting, rather than drifting. Providers and school staff communicate regularly, and pupils' learning is better tracked. Evidence comes from placement records, weekly provider updates, reintegration outcomes and pupil and family feedback.",
    'Pupils using the blended model keep up with their class and stay connected to friends. When they are well enough to return, the transition is smoother because they know what their class is learning and have kept relationships with staff and peers. Families tell us their children feel part of the school even when they cannot be there. We track progress, attendance, time in school and pupil wellbeing through regular questionnaires.',
  ],
  keyFactors: [
    'Clear rules for part-time timetables made the difference. Every timetable has a written plan, a review date and a route back to full-time, agreed with the family and reported to the local authority. Reviewing them at a weekly inclusion meeting kept them visible and stopped them drifting. Leaders made clear that reduced timetables are a short-term support to help pupils return, not a way of managing pupils who are difficult to teach, and they checked that this was happening in practice.',
    "Strong partnerships with alternative providers, with clear agreements and regular communication, ensured that pupils received good-quality education and remained connected to school. Dual registration and a weekly day in school kept pupils' sense of belonging. A link worker who visited regularly meant we knew how pupils were doing and could plan their return carefully, rather than relying on an end-of-placement report that arrived too late to act on.",
    'Technology and relationships kept pupils connected. Live lessons, work from class teachers and planned contact with friends meant pupils did not lose touch with their class. A key adult who stayed in contact throughout gave pupils and families a consistent point of contact. Planning each step of the return with {needSpecialist} made increases in time in school feel manageable, so that pupils experienced success at each stage rather than another setback.',
  ],
  advice: [
    "Use part-time timetables only when they are genuinely in the pupil's interests, and always with a written plan, a short review cycle and a clear route back to full-time education. Keep a register of every pupil on a reduced timetable and review it regularly at senior level. Make sure the pupil has work and a key adult for the time they are not in school, and report reduced timetables to your local authority as expected.",
    "Treat alternative provision as part of the pupil's education, not a way of moving them out. Agree clear expectations with providers, keep pupils dual registered where possible, and make sure a member of school staff visits regularly. Plan the pupil's return from the start of the placement, review it every few weeks, and involve the pupil and family in every decision about what happens next.",
    'For pupils who cannot attend because of health or anxiety, find ways to keep them connected to their class: live or recorded lessons, work from their own teachers and planned contact with friends. Work with health services and families to plan a gradual return, and celebrate each step. Keep the door open and make sure the pupil knows they are still part of the school community, even on days when they cannot be there.',
  ],
  costAndResources: [
    'Alternative provision placements cost around the same as before, but are now used more purposefully and for shorter periods. The link worker role is part of a pastoral support worker post.',
    'The blended model needed laptops, cameras and microphones for two classrooms, funded through a small grant. Staff time to plan and review part-time timetables is met within existing SENCO and pastoral time.',
    'Home tuition is provided through the local authority medical needs service, with class teachers setting work. Advice from {needSpecialist} on planning returns is part of our existing agreements.',
  ],
  keywords: [
    'part-time timetable',
    'alternative provision',
    'AP',
    'flexi-schooling',
    'EOTAS',
    'dual registration',
    'medical needs',
    'blended learning',
  ],
  needs: ['SEMH', 'ASD', 'OTH', 'PD', 'NSA', 'MSI'],
  phases: ['primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['attendance', 'transition', 'wellbeing', 'participation'],
  principles: ['targeted-support', 'relationships-partnerships'],
}

const REINTEGRATION: PracticeContent = {
  label: 'Reintegration into school',
  titles: [
    'Coming back after a long absence: a reintegration plan for {needShort}',
    'From alternative provision back into mainstream lessons',
    'A reintegration key worker for {needShort}',
    'Returning to the classroom one lesson at a time',
    'Bringing children missing education back into school',
    'A phased return that stuck: reintegration for {needShort}',
    'Welcoming back {needShort} after a period out of school',
  ],
  summaries: [
    'How {orgDesc} plans and supports the return of {needShort} after long absences, alternative provision or time out of education.',
    '{OrgDesc} explains how a reintegration key worker and phased timetable helped pupils return to mainstream lessons and stay.',
    'Lessons from {orgDesc} on welcoming back children who have been missing education, with planning that starts before the first day.',
  ],
  challenge: [
    'Pupils returning to school after long absences, exclusions or placements in alternative provision often struggled to settle. Many {needPupils} had been out of school for months, and their return was often abrupt, with little planning or preparation. Some returned to a full timetable on the first day and quickly became overwhelmed. Others found that friendships had moved on and that teachers did not know their needs. Too many reintegrations broke down within weeks, leading to further absence or another placement.',
    'The local authority asked us to take a number of children who had been missing education, some for long periods, and several had SEND that had not been identified or assessed. They had gaps in learning, high anxiety about school and, in some cases, difficult past experiences of education. Families were wary. We needed an approach that gave these children a genuine fresh start, built trust with families and identified needs quickly so that the right support was in place.',
    "Pupils returning from alternative provision told us they felt like strangers in their own school. Information from providers about what had worked did not always reach teachers. There was no plan for how the return would be phased or who would support the pupil. The pupil's teachers did not know what to expect, and some were anxious about having the pupil back in class. We wanted reintegration to be carefully planned and jointly owned by the school, the provider, the pupil and the family.",
  ],
  practice: [
    'Reintegration starts before the pupil returns. The SENCO and a key worker meet the pupil and family, and where relevant the alternative provider, to understand what has worked and what the pupil is worried about. Together we write a reintegration plan setting out a phased timetable, the key adult, the lessons the pupil will start with, and the strategies that help, such as {needStrategy}. Teachers receive a one-page profile and a short briefing before the pupil arrives, so they know what to expect.',
    "A reintegration key worker supports each returning pupil for at least the first half term. They meet the pupil at the start of each day, check in at break and lunch, and review progress with the pupil each week. The timetable starts with lessons the pupil enjoys and teachers they know, building to a full timetable over four to eight weeks. The key worker also helps rebuild friendships, for example by arranging a small group activity or a buddy from the pupil's class, and keeps in close contact with the family.",
    'For children returning after missing education, we carry out an early assessment of learning and wellbeing within the first two weeks, and involve {needSpecialist} where needs are unclear. Catch-up teaching focuses on the gaps that matter most for accessing lessons. The SENCO reviews progress with the family every two weeks for the first term. Where needs are significant, we begin the graduated approach straight away and, if needed, request an EHC needs assessment with the evidence we have gathered.',
  ],
  impact: [
    "Most pupils who have returned through our reintegration process have stayed in school and are attending well. Far fewer reintegrations now break down in the first term. Pupils tell us that having a key worker and a plan made them feel welcome and safe. Teachers feel better prepared because they know the pupil's needs before they arrive. We know this from attendance records, reintegration plan reviews, pupil voice and staff feedback.",
    'Children who had been missing education are now attending regularly and making progress. Needs that had not been identified have been assessed and support is in place, with several pupils now on SEN support and some with EHC needs assessments under way. Families tell us that the school has given their children a genuine fresh start. Evidence comes from attendance data, assessments at entry and after a term, and family feedback.',
    'Pupils returning from alternative provision settle more quickly and maintain their progress. Communication with providers has improved, and strategies that worked in provision are now continued in school. Pupils say they feel like they belong. We track attendance, behaviour incidents, progress and the number of pupils who remain in school a year after reintegration, and we ask pupils and families how the return felt.',
  ],
  keyFactors: [
    'Planning before the pupil returned made the biggest difference. Meeting the pupil and family, learning from the alternative provider and preparing teachers meant that the first day was well organised and the pupil knew what to expect. Starting with lessons and adults the pupil knew and liked helped build early success, which gave the pupil and the staff around them confidence that the return could work this time.',
    "The key worker role was central. Having one person who met the pupil every day, knew their needs and stayed in touch with the family gave pupils a sense of safety and continuity. Protecting the key worker's time, even when staffing was tight, showed that we were committed to making reintegration work. Key workers also helped teachers by sharing what worked, which meant strategies were used consistently across lessons rather than only when the key worker was in the room.",
    "Identifying needs early for children who had been missing education meant that support was in place quickly. Working with {needSpecialist} and the local authority helped us understand complex needs and plan appropriately. Regular reviews with families built trust and allowed us to adjust plans quickly when things were not working. Above all, the school's welcome mattered: pupils who felt wanted from the first day were far more likely to stay.",
  ],
  advice: [
    'Plan reintegration before the pupil returns, not on the first day. Meet the pupil and family, learn from anyone who has worked with them, and prepare teachers with clear, practical information. Start with a phased timetable built around lessons the pupil enjoys, and increase time in school at a pace the pupil can manage, reviewing the plan every week in the first half term.',
    'Give every returning pupil a key adult who meets them daily and stays in close contact with the family, and protect that time for at least the first half term. Help pupils rebuild friendships through planned activities, a lunchtime club or a buddy from their class, because returning to an empty social world is one of the hardest parts. Make sure that strategies that worked elsewhere, including in alternative provision, are continued in school rather than lost in the handover between settings.',
    'For children who have been missing education, identify needs quickly and involve specialists such as {needSpecialist} where needs are unclear, rather than waiting to see how the pupil settles. Focus catch-up teaching on the gaps that matter most for accessing lessons, such as reading fluency and number facts. Review progress with families every two weeks at first and adjust plans as you learn more. Above all, make pupils feel welcome and wanted from the first day; a fresh start depends on it.',
  ],
  costAndResources: [
    'The reintegration key worker role is part of a pastoral support worker post, funded from the pupil premium and the notional SEN budget. Each key worker supports up to four returning pupils at a time.',
    'Planning meetings and reviews take SENCO and pastoral leader time, around four hours per pupil in the first term. Catch-up teaching is delivered by a teaching assistant trained in the relevant programmes.',
    'Assessment and advice from {needSpecialist} is provided through our traded services agreement. We also budgeted for a small number of transition visits to alternative providers.',
  ],
  keywords: [
    'reintegration',
    'return to school',
    'children missing education',
    'managed return',
    'phased timetable',
    'key worker',
  ],
  needs: ['SEMH', 'ASD', 'OTH', 'SLCN', 'NSA', 'MLD'],
  phases: ['primary', 'secondary', 'all-through'],
  outcomes: ['attendance', 'transition', 'wellbeing', 'exclusions'],
  principles: ['knowing-children-well', 'relationships-partnerships'],
}

const PUPIL_VOICE: PracticeContent = {
  label: 'Pupil voice',
  titles: [
    'Pupil voice that changes provision for {needShort}',
    'A SEND pupil panel that advises the leadership team',
    'Making pupil voice accessible for {needShort}',
    'Pupils co-writing their own one-page profiles',
    'Listening to pupils who communicate without speech',
    'Pupil-led annual reviews for {needShort}',
    'What {needShort} told us, and what we changed',
  ],
  summaries: [
    'How {orgDesc} made pupil voice accessible for {needShort} and used what pupils said to change provision across the school.',
    '{OrgDesc} describes a SEND pupil panel and pupil-led reviews that give {needShort} a real say in their support.',
    'Lessons from {orgDesc} on listening to pupils with SEND, including those who communicate without speech, and acting on what they say.',
  ],
  challenge: [
    'We asked pupils for their views in surveys and school council meetings, but {needPupils} were rarely heard. Surveys relied on reading and writing, school council meetings were fast-paced and verbal, and pupils with SEND were seldom elected. In annual reviews, pupils were often not present, or sat silently while adults talked about them. We realised that decisions about provision were being made with very little understanding of how pupils experienced school.',
    'A few pupils with SEND had told us, in individual conversations, that some of our well-meant support made them feel singled out or embarrassed. This made us realise we did not know how many other pupils felt the same. We wanted to find out systematically how {needPupils} experienced school, what helped and what did not, and to make their views a real influence on how we planned support, rather than something we collected and filed.',
    'Several of our pupils communicate without speech or have limited verbal language, and our ways of gathering views did not work for them. Their views were usually represented by adults, who did their best but could not always know what the pupil would say. We wanted every pupil, whatever their communication needs, to be able to express their views about their own support and about school life more widely, and for those views to shape decisions.',
  ],
  practice: [
    'We set up a SEND pupil panel of around twelve pupils from different year groups and with a range of needs. The panel meets every half term with the SENCO and a senior leader, using visual supports, small-group discussion and activities such as ranking cards or photo walks. The panel has reviewed our SEN information report, advised on changes to the school environment and helped train staff. After each meeting, leaders report back on what has changed as a result, so pupils can see that their views matter.',
    'Annual reviews and support plan reviews are now led by pupils wherever possible. Before a review, pupils prepare with a trusted adult, using a template with symbols or photos, and decide what they want to say and who they want to be there. Some pupils present a short slideshow or video; others choose a few photos of things they enjoy or find hard. Their views appear at the start of their plan, in their own words. {NeedSpecialist} helps us adapt the approach for pupils with particular communication needs.',
    'For pupils who communicate without speech, we use a range of approaches: observation of what they choose and respond to, talking mats, symbol boards, signing and communication aids. Staff who know the pupil well record their responses over several weeks, and we involve families in interpreting what we see. {APupil} might show their views through which activities they approach, where they choose to sit or how they respond to particular adults. These observations are shared at reviews and shape the plan.',
  ],
  impact: [
    "Pupils with SEND now have a real influence on provision. The pupil panel's suggestions have led to changes such as quieter spaces at lunchtime, clearer signage around the school and adjustments to how support is given in lessons so that pupils feel less singled out. Pupils tell us they feel listened to and that the school takes their views seriously. We know this from panel records, the changes made and pupil surveys.",
    "Pupil-led reviews have changed the tone of meetings. Families tell us that hearing their child's views first helps everyone focus on what matters. Pupils are more engaged with their targets because they helped set them. Staff say they have learned things about pupils that they did not know. Evidence comes from review records, feedback from families and staff, and the number of pupils who now lead or contribute to their reviews.",
    "Pupils who communicate without speech are now represented by their own views, gathered carefully over time, rather than only by adults' assumptions. This has led to changes in their support, such as different activities, seating and ways of communicating. Families value the attention given to their child's preferences. We track how views are gathered and how they shape plans, and we ask families and staff whether the approach helps.",
  ],
  keyFactors: [
    "Making pupil voice accessible was essential. Using visual supports, small groups, activities rather than questionnaires and communication aids meant that pupils with a wide range of needs could share their views. Training staff to listen carefully and not to lead pupils' answers helped us hear what pupils really thought, including things we did not expect or want to hear, which turned out to be the most useful feedback of all.",
    'Acting on what pupils said, and telling them what had changed, built trust. When pupils saw that their suggestions led to real changes, they were more willing to share their views. Involving senior leaders in the pupil panel showed that pupil voice was taken seriously at the highest level. Reporting pupil voice to governors each term kept it on the strategic agenda rather than treating it as a one-off consultation.',
    'Preparing pupils for their reviews made pupil-led reviews possible. Time with a trusted adult beforehand, and a choice of how to present their views, gave pupils confidence. Support from {needSpecialist} helped us find the right approach for pupils with particular communication needs. Families played an important part in helping us understand pupils who communicate without speech, because they see the pupil in many more situations than we do.',
  ],
  advice: [
    "Think about who is not being heard and why. Adapt your methods so that every pupil can take part, using visual supports, practical activities, small groups and communication aids rather than relying on written surveys and school council meetings. Train staff to listen carefully and to avoid leading pupils' answers or filling silences too quickly. Gathering views over several weeks, especially for pupils who communicate without speech, gives a far more accurate picture than a single conversation on a single day.",
    "Act on what pupils tell you, and tell them what has changed as a result, even when the change is small. Pupils quickly lose interest if they feel their views make no difference. Involve senior leaders and governors so that pupil voice influences decisions at every level, from the school development plan to the layout of the dining hall, not just individual support plans. A simple 'you said, we did' display, with symbols, helps every pupil see the results.",
    'Support pupils to lead their own reviews, starting with small steps such as sharing a few photos, choosing who attends or opening the meeting with one thing they are proud of. Put their views at the start of their plans, in their own words. Involve families in understanding the views of pupils with limited speech, because they see them in many more situations than school staff do. Make pupil voice part of everyday practice rather than a one-off event each year.',
  ],
  costAndResources: [
    'The pupil panel needs around an hour of SENCO and senior leader time each half term, plus time for a teaching assistant to prepare visual resources. Costs are minimal beyond staff time.',
    "We bought a set of talking mats resources and symbol software to support pupil voice. Preparing pupils for reviews takes around thirty minutes of a trusted adult's time per pupil.",
    'Training for staff on accessible pupil voice was delivered by {needSpecialist} as part of our existing agreement. Communication aids for individual pupils are funded through EHC plans.',
  ],
  keywords: [
    'pupil voice',
    'student voice',
    'participation',
    'person-centred',
    'co-production',
    'communication aids',
    'talking mats',
  ],
  needs: ['ASD', 'SLCN', 'SLD', 'PMLD', 'DS', 'HI', 'MSI', 'SEMH', 'VI'],
  phases: ['primary', 'secondary', 'all-through', 'post-16'],
  outcomes: ['wellbeing', 'participation', 'communication-skills', 'independence'],
  principles: ['knowing-children-well', 'shared-responsibility'],
}

export const PRACTICE_CONTENT: Record<PracticeCode, PracticeContent> = {
  'resourced-provision': RESOURCED_PROVISION,
  'sen-unit': SEN_UNIT,
  'specialist-staff': SPECIALIST_STAFF,
  'accessible-pe-sport': ACCESSIBLE_PE_SPORT,
  'early-identification': EARLY_IDENTIFICATION,
  'adaptive-teaching': ADAPTIVE_TEACHING,
  'graduated-approach': GRADUATED_APPROACH,
  'working-with-families': WORKING_WITH_FAMILIES,
  'multi-agency': MULTI_AGENCY,
  'workforce-development': WORKFORCE_DEVELOPMENT,
  'leadership-strategy': LEADERSHIP_STRATEGY,
  'pastoral-semh': PASTORAL_SEMH,
  attendance: ATTENDANCE,
  'alternatives-to-exclusion': ALTERNATIVES_TO_EXCLUSION,
  'flexible-provision': FLEXIBLE_PROVISION,
  reintegration: REINTEGRATION,
  'pupil-voice': PUPIL_VOICE,
}
