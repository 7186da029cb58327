import { expect, test } from 'vitest'
import { conditions } from '../../app/reference/conditions'
import { synonymGroups } from '../../app/reference/synonyms'
import { taxonomyTerms } from '../../app/reference/taxonomy'
import { precisionRecall, schemeFigures } from '../../app/suggestions/evaluation'
import { textFeatures } from '../../app/suggestions/features'
import { loadModel, trainModel, type TrainingExample } from '../../app/suggestions/model'
import { cueScores, needCueMatcher } from '../../app/suggestions/need-cues'
import {
  cueWeights,
  practiceCueMatcher,
  practiceCueScores,
  practiceCueVocabulary,
  practicePhrasePattern,
} from '../../app/suggestions/practice-cues'
import { MAX_PER_SCHEME, confidenceOf } from '../../app/suggestions/schemes'
import { suggestTags } from '../../app/suggestions/suggest'
import { buildDemoCaseStudies } from '../../seeds/data/demo-case-studies'
import { devSubmissions } from '../fixtures/suggestions/dev'
import { heldOutSubmissions } from '../fixtures/suggestions/held-out'
import { assertNotTrainedOn, demoTrainingSet, heldOutText } from '../eval/suggestions'
import {
  handWrittenExamples,
  handWrittenText,
  handWrittenTrainingExamples,
} from '../../app/suggestions/examples'
import { trainingSet } from '../../app/suggestions/model-store.server'

test('precision, recall and F1 from counts: 6 suggested, 8 chosen, 4 kept', () => {
  expect(precisionRecall(6, 8, 4)).toEqual({ precision: 0.667, recall: 0.5, f1: 0.571 })
  // Nothing suggested or nothing chosen: no figure rather than a division by zero.
  expect(precisionRecall(0, 3, 0)).toEqual({ precision: null, recall: 0, f1: null })
  expect(precisionRecall(2, 0, 0)).toEqual({ precision: 0, recall: null, f1: null })
})

test('a scheme’s figures count only its own tags, and kappa is the coders’ kappa on yes/no decisions', () => {
  const terms = ['need:ASD', 'need:SLCN', 'need:HI']
  const items = [
    { suggested: ['need:ASD', 'practice:sen-unit'], chosen: ['need:ASD'] },
    { suggested: ['need:SLCN'], chosen: ['need:HI'] },
    { suggested: [], chosen: [] },
  ]
  const figures = schemeFigures('need', items, terms)
  expect(figures).toMatchObject({ suggested: 2, chosen: 2, kept: 1, precision: 0.5, recall: 0.5 })
  // 9 decisions: both yes 1, suggested only 1, chosen only 1, both no 6.
  // observed 7/9; chance (2/9)(2/9) + (7/9)(7/9) = 53/81; kappa = (63/81 - 53/81) / (28/81) = 0.357
  expect(figures.kappa).toBe(0.357)
})

test('features: stems and word pairs, stop words out, numbers shared, year groups name a phase', () => {
  const { features, surfaces } = textFeatures(
    'Autistic pupils in Year 4 spend 80% of the week in class. The SENCO’s plan works.',
  )
  expect(features).toContain('autist')
  expect(features).toContain('#percent')
  expect(features).toContain('#stage-primary')
  expect(features).not.toContain('the')
  expect(features.some((f) => f.includes(' '))).toBe(true)
  expect(surfaces.get('autist')).toBe('Autistic')
  expect(surfaces.get('#stage-primary')).toBe('Year 4')
  expect(textFeatures('Students in the sixth form and Year 12').features).toContain(
    '#stage-post-16',
  )
  // A school's kind named outright names its phase; a pupil's primary need does not.
  const stages = (text: string) => textFeatures(text).features.filter((f) => f.startsWith('#stage'))
  expect(stages('Our all-through school and six primaries')).toEqual([
    '#stage-primary',
    '#stage-all-through',
  ])
  expect(stages('Her primary need is SLCN.')).toEqual([])
})

test('need cues: a condition the census places under one need is a likely cue, an ambiguous one possible', () => {
  const match = needCueMatcher({
    conditions,
    terms: taxonomyTerms.filter((t) => t.scheme === 'need'),
    synonymGroups,
  })
  const cues = match('A Year 5 pupil with spina bifida, and a girl with selective mutism.')
  const scores = cueScores(cues)
  expect(scores.get('PD')).toEqual({ score: 0.9, phrases: ['spina bifida'] })
  expect(scores.get('SLCN')?.score).toBe(0.5)
  expect(scores.get('SEMH')?.score).toBe(0.5)
  // A need's own name and its search synonyms count; an everyday word that happens to be an
  // abbreviation in lower case does not.
  expect(cueScores(match('Children with autism')).get('ASD')?.score).toBe(0.9)
  expect(cueScores(match('we had an odd day')).size).toBe(0)
  // Census labels match in the plural schools write them in.
  expect(cueScores(match('pupils with severe learning difficulties')).get('SLD')?.score).toBe(0.9)
  // Overlapping phrases are read left to right: "mental health needs" is not a medical need too.
  const semh = cueScores(match('students with mental health needs'))
  expect([...semh.keys()]).toEqual(['SEMH'])
  // Words that only point to a need make it possible, never likely.
  expect(cueScores(match('He came to us from the pupil referral unit')).get('SEMH')).toEqual({
    score: 0.5,
    phrases: ['pupil referral unit'],
  })
  expect(cueScores(match('anxious pupils at the pupil referral unit')).get('SEMH')?.score).toBe(0.9)
})

const tiny: TrainingExample[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    text: `Autistic pupils use a resource base with sensory breaks and visual timetables ${i}`,
    tags: ['need:ASD', 'practice:resourced-provision', 'phase:primary'],
    evidenceStrength: 2,
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    text: `Attendance officer calls home every morning; persistent absence fell ${i}`,
    tags: ['need:SEMH', 'practice:attendance', 'phase:secondary'],
    evidenceStrength: 3,
  })),
]

test('a trained model is plain JSON: the same examples give the same version, and it scores after a round trip', () => {
  const now = new Date('2026-01-01T00:00:00Z')
  const a = trainModel(tiny, taxonomyTerms, synonymGroups, now)
  const b = trainModel(tiny, taxonomyTerms, synonymGroups, now)
  expect(a.version).toBe(b.version)
  expect(a.version).not.toBe(trainModel(tiny.slice(1), taxonomyTerms, synonymGroups, now).version)
  const model = loadModel(JSON.parse(JSON.stringify(a)))
  const scores = model.score(textFeatures('The attendance officer calls home').features)
  const attendance = scores.find((s) => s.tag === 'practice:attendance')!
  const base = scores.find((s) => s.tag === 'practice:resourced-provision')!
  expect(attendance.score).toBeGreaterThan(base.score)
  expect(attendance.evidence[0]).toMatch(/attend|call|home/)
  for (const s of scores) expect(s.score).toBeGreaterThanOrEqual(0)
  for (const s of scores) expect(s.score).toBeLessThanOrEqual(1)
})

test('at most three suggestions a scheme, each with a confidence in words and a reason', () => {
  const model = loadModel(
    trainModel(
      [...demoTrainingSet(), ...handWrittenTrainingExamples()],
      taxonomyTerms,
      synonymGroups,
    ),
  )
  const needCues = needCueMatcher({
    conditions,
    terms: taxonomyTerms.filter((t) => t.scheme === 'need'),
    synonymGroups,
  })
  for (const item of heldOutSubmissions.slice(0, 20)) {
    const suggestions = suggestTags(
      { model, needCues },
      { text: heldOutText(item), organisationKind: item.organisationKind },
    )
    const perScheme = new Map<string, number>()
    for (const s of suggestions) {
      perScheme.set(s.scheme, (perScheme.get(s.scheme) ?? 0) + 1)
      expect(['likely', 'possible']).toContain(s.confidence)
      if (s.scheme !== 'evidence_strength') expect(confidenceOf(s.score)).toBe(s.confidence)
    }
    for (const n of perScheme.values()) expect(n).toBeLessThanOrEqual(MAX_PER_SCHEME)
  }
  const [autism] = heldOutSubmissions
  const suggestions = suggestTags(
    { model, needCues },
    { text: heldOutText(autism!), organisationKind: 'school' },
  )
  const asd = suggestions.find((s) => s.scheme === 'need' && s.code === 'ASD')!
  expect(asd.confidence).toBe('likely')
  expect(asd.phrases.join(' ')).toMatch(/autis/i)
}, 60_000)

test('the held-out set: at least 60 hand-written items, valid tags, and none of it in the demo corpus', () => {
  expect(heldOutSubmissions.length).toBeGreaterThanOrEqual(60)
  expect(new Set(heldOutSubmissions.map((s) => s.id)).size).toBe(heldOutSubmissions.length)
  const known = new Set(taxonomyTerms.map((t) => `${t.scheme}:${t.code}`))
  for (const s of heldOutSubmissions)
    for (const scheme of ['need', 'practice', 'phase', 'setting'] as const)
      for (const code of s.gold[scheme]) expect(known.has(`${scheme}:${code}`)).toBe(true)
  const lengths = heldOutSubmissions.map((s) => heldOutText(s).split(/\s+/).length)
  expect(Math.min(...lengths)).toBeLessThan(40)
  expect(Math.max(...lengths)).toBeGreaterThan(200)
  // Not produced by the generator: no sentence of the held-out set appears in the demo corpus.
  const demo = buildDemoCaseStudies()
    .map((d) => [d.title, d.challenge, d.practice, d.impact, d.keyFactors, d.advice].join('\n'))
    .join('\n')
  for (const s of heldOutSubmissions)
    for (const sentence of heldOutText(s).split(/(?<=[.!?])\s+/))
      if (sentence.length > 40) expect(demo.includes(sentence)).toBe(false)
})

test('practice cue phrases: capitals match as written, hyphens and spaces alike, plurals and open endings', () => {
  const matches = (phrase: string, text: string) => practicePhrasePattern(phrase).exec(text)?.[0]
  expect(matches('part-time timetable', 'He was on a part time timetable')).toBe(
    'part time timetable',
  )
  expect(matches('part-time timetable', 'part-time timetables')).toBe('part-time timetables')
  expect(matches('co-production', 'coproduction with parents')).toBe('coproduction')
  expect(matches('assess, plan, do, review', 'the assess–plan–do–review cycle')).toBe(
    'assess–plan–do–review',
  )
  expect(matches('reintegrat*', 'Reintegration took a term')).toBe('Reintegration')
  expect(matches("children's services", 'childrens services')).toBe('childrens services')
  // A phrase with capitals is an abbreviation or a programme's name, matched only as typed.
  expect(matches('PE', 'Adapted PE lessons')).toBe('PE')
  expect(matches('PE', 'a pe kit')).toBeUndefined()
  expect(matches('Thrive', 'pupils thrive here')).toBeUndefined()
  // Whole words only, and a comma between two words breaks a phrase written without one.
  expect(matches('TA', 'TAs and a TAble')).toBe('TAs')
  // Every word of a phrase may take -s, not only the last.
  expect(matches('meet the parent', 'The SENCo meets the parents weekly')).toBe('meets the parents')
  expect(matches('family learning', 'family, learning')).toBeUndefined()
})

test('practice cues: a named programme is likely on its own; cues count only together, and once', () => {
  const match = practiceCueMatcher()
  const scores = practiceCueScores(
    match(
      'We use the Zones of Regulation in every class, and precision teaching for spellings. A nurture group meets at lunch; nurture runs through everything.',
    ),
  )
  expect(scores.get('pastoral-semh')?.phrases).toContain('Zones of Regulation')
  expect(confidenceOf(scores.get('pastoral-semh')!.score)).toBe('likely')
  expect(scores.get('graduated-approach')).toMatchObject({ phrases: ['precision teaching'] })
  expect(confidenceOf(scores.get('graduated-approach')!.score)).toBe('likely')
  // "nurture" inside "nurture group" is the same cue, not a second one.
  expect(scores.get('pastoral-semh')!.phrases.filter((p) => /^nurture$/i.test(p))).toEqual([])

  const cue = cueWeights.cues
  expect(confidenceOf(cue)).toBeNull()
  const one = practiceCueScores([
    { phrase: 'training', practice: 'workforce-development', weight: cue },
  ])
  expect(one.get('workforce-development')?.score).toBeCloseTo(cue)
  const two = practiceCueScores([
    { phrase: 'training', practice: 'workforce-development', weight: cue },
    { phrase: 'course', practice: 'workforce-development', weight: cue },
  ])
  expect(two.get('workforce-development')!.score).toBeCloseTo(1 - (1 - cue) ** 2)
  expect(confidenceOf(two.get('workforce-development')!.score)).toBe('possible')
  expect(practiceCueScores(match('We had an ordinary day.')).size).toBe(0)
})

test('the development set: at least 48 hand-written items over every practice, none of it in the demo corpus or the held-out set', () => {
  expect(devSubmissions.length).toBeGreaterThanOrEqual(48)
  const ids = devSubmissions.map((s) => s.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(heldOutSubmissions.some((s) => s.id === id)).toBe(false)
  const known = new Set(taxonomyTerms.map((t) => `${t.scheme}:${t.code}`))
  for (const s of devSubmissions)
    for (const scheme of ['need', 'practice', 'phase', 'setting'] as const)
      for (const code of s.gold[scheme]) expect(known.has(`${scheme}:${code}`)).toBe(true)
  const practices = taxonomyTerms.filter((t) => t.scheme === 'practice').map((t) => t.code)
  for (const code of practices)
    expect(devSubmissions.some((s) => s.gold.practice.includes(code))).toBe(true)
  const demo = buildDemoCaseStudies()
    .map((d) => [d.title, d.challenge, d.practice, d.impact, d.keyFactors, d.advice].join('\n'))
    .join('\n')
  const heldOut = heldOutSubmissions.map(heldOutText).join('\n')
  for (const s of devSubmissions)
    for (const sentence of heldOutText(s).split(/(?<=[.!?])\s+/))
      if (sentence.length > 40) {
        expect(demo.includes(sentence)).toBe(false)
        expect(heldOut.includes(sentence)).toBe(false)
      }
})

test('the hand-written training examples: 240, tagged with taxonomy codes only, and sharing no id or sentence with the development or held-out set', () => {
  expect(handWrittenExamples).toHaveLength(240)
  const ids = handWrittenExamples.map((s) => s.id)
  expect(new Set(ids).size).toBe(ids.length)
  const known = new Set(taxonomyTerms.map((t) => `${t.scheme}:${t.code}`))
  for (const s of handWrittenExamples)
    for (const scheme of ['need', 'practice', 'phase', 'setting'] as const)
      for (const code of s.gold[scheme]) expect(known.has(`${scheme}:${code}`)).toBe(true)
  const sentences = (text: string) =>
    text.split(/(?<=[.!?])\s+|\n/).filter((sentence) => sentence.length > 40)
  const scored = [...devSubmissions, ...heldOutSubmissions]
  const scoredText = scored.map(heldOutText).join('\n')
  const trainingText = handWrittenExamples.map(handWrittenText).join('\n')
  for (const s of handWrittenExamples) {
    expect(scored.some((item) => item.id === s.id)).toBe(false)
    for (const sentence of sentences(handWrittenText(s)))
      expect(scoredText.includes(sentence)).toBe(false)
  }
  for (const s of scored)
    for (const sentence of sentences(heldOutText(s)))
      expect(trainingText.includes(sentence)).toBe(false)
  // The evaluation's own guard agrees, and refuses an item that was trained on.
  expect(() => assertNotTrainedOn(scored)).not.toThrow()
  const [trained] = handWrittenExamples
  expect(() => assertNotTrainedOn([{ ...trained!, id: 'copy' }])).toThrow(/trained on/)
})

test('the platform trains on the hand-written examples beside the published library, so a library with nothing published still suggests', () => {
  expect(trainingSet([])).toEqual(handWrittenTrainingExamples())
  const model = trainModel(trainingSet([]), taxonomyTerms, synonymGroups)
  expect(model.trainedOn).toBe(240)
  // Only examples carry ratings: without them there would be no rating classifier at all.
  expect(trainModel([], taxonomyTerms, synonymGroups).evidence).toBeNull()
  expect(model.evidence).not.toBeNull()
  const suggestions = suggestTags(
    { model: loadModel(model) },
    { text: handWrittenText(handWrittenExamples[0]!) },
  )
  expect(suggestions.some((s) => s.scheme === 'evidence_strength')).toBe(true)
})

test('the practice cue vocabulary covers every practice in the taxonomy, and only those', () => {
  const practices = taxonomyTerms.filter((t) => t.scheme === 'practice').map((t) => t.code)
  expect(Object.keys(practiceCueVocabulary).sort()).toEqual([...practices].sort())
  for (const code of practices)
    expect(practiceCueVocabulary[code]!.named?.length).toBeGreaterThan(0)
})

test('a practice named outright is suggested as likely, with the phrase as its reason', () => {
  const model = loadModel(trainModel(tiny, taxonomyTerms, synonymGroups))
  const suggestions = suggestTags(
    { model },
    { text: 'Pupils at risk of exclusion go on a managed move rather than being excluded.' },
  )
  const practice = suggestions.filter((s) => s.scheme === 'practice')
  expect(practice.length).toBeLessThanOrEqual(MAX_PER_SCHEME)
  const exclusion = practice.find((s) => s.code === 'alternatives-to-exclusion')!
  expect(exclusion.confidence).toBe('likely')
  expect(exclusion.phrases.join(' ')).toMatch(/managed move|risk of exclusion/i)
  // A matcher can be given instead of the built-in vocabulary.
  const none = suggestTags(
    { model, practiceCues: () => [] },
    { text: 'Pupils at risk of exclusion go on a managed move rather than being excluded.' },
  )
  expect(none.find((s) => s.code === 'alternatives-to-exclusion')?.confidence).not.toBe('likely')
  // With nothing in the text pointing to a practice, the classifier's guess alone suggests none.
  expect(none.filter((s) => s.scheme === 'practice')).toEqual([])
})

test('a practice’s cue and the classifier’s guess add up, and a faint sum is not suggested', () => {
  const model = loadModel(trainModel(tiny, taxonomyTerms, synonymGroups))
  const text = 'The attendance officer calls home every morning'
  const guess = model
    .score(textFeatures(text).features)
    .find((s) => s.tag === 'practice:attendance')!.score
  const cue = { phrase: 'calls home', practice: 'attendance', weight: cueWeights.cues }
  const attendance = suggestTags({ model, practiceCues: () => [cue] }, { text }).find(
    (s) => s.code === 'attendance',
  )!
  expect(attendance.score).toBeGreaterThan(cueWeights.cues)
  expect(attendance.score).toBeGreaterThan(guess * 0.6)
  expect(attendance.phrases).toContain('calls home')
  // One cue and nothing from the classifier: possible by the thresholds, but too faint to offer.
  const faint = { phrase: 'qwerty', practice: 'pupil-voice', weight: 0.37 }
  const none = suggestTags({ model, practiceCues: () => [faint] }, { text: 'Qwerty.' })
  expect(confidenceOf(0.37)).toBe('possible')
  expect(none.find((s) => s.code === 'pupil-voice')).toBeUndefined()
})
