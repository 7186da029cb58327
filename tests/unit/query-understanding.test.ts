import { expect, test } from 'vitest'
import {
  compileVocabulary,
  engineQuery,
  nearestNames,
  mentionQuery,
  normaliseName,
  understandQuery,
} from '../../app/library/query-understanding'
import { conditions } from '../../app/reference/conditions'
import { NEED_CODES } from '../../app/reference/taxonomy-codes'
import { inSentence } from '../../app/routes/library._index/interpretation'

const vocabulary = compileVocabulary(conditions)
const names = (q: string) =>
  understandQuery(q, vocabulary)?.matched.map((entry) => entry.name) ?? []

test('the vocabulary has at least 80 entries, each pointing at census need codes, with a note wherever it points at several', () => {
  expect(conditions.length).toBeGreaterThanOrEqual(80)
  for (const entry of conditions) {
    expect(entry.needs.length, entry.name).toBeGreaterThan(0)
    for (const code of entry.needs) expect(NEED_CODES, entry.name).toContain(code)
    if (entry.needs.length > 1) expect(entry.note, entry.name).toBeTruthy()
    for (const abbreviation of entry.abbreviations) expect(abbreviation).toMatch(/^[A-Z0-9]{2,12}$/)
  }
})

test('no two entries share a name, whatever the capitals and apostrophes', () => {
  const seen = new Map<string, string>()
  for (const entry of conditions)
    for (const name of new Set([entry.name, ...entry.otherNames].map(normaliseName))) {
      expect(seen.get(name), `${name} in ${entry.name}`).toBeUndefined()
      seen.set(name, entry.name)
    }
})

test('the census guidance’s placements: physical disability, hearing, autism, SEMH', () => {
  const needsOf = (name: string) => conditions.find((c) => c.name === name)?.needs
  expect(needsOf('muscular dystrophy')).toEqual(['PD'])
  expect(needsOf('hydrocephalus')).toEqual(['PD'])
  expect(needsOf('glue ear')).toEqual(['HI'])
  expect(needsOf('dyspraxia')).toEqual(['SPLD'])
  expect(needsOf('Asperger’s syndrome')).toEqual(['ASD'])
  expect(needsOf('ADHD')).toEqual(['SEMH'])
  expect(needsOf('attachment difficulties')).toEqual(['SEMH'])
  expect(needsOf('global developmental delay')).toEqual(['MLD', 'SLD'])
  expect(needsOf('Tourette’s syndrome')).toEqual(['SEMH', 'OTH'])
})

test('a condition is found whatever the capitals, apostrophes and a typo in a long word', () => {
  expect(names('muscular dystrophy')).toEqual(['muscular dystrophy'])
  expect(names('Muscular Dystrophy PE lessons')).toEqual(['muscular dystrophy'])
  expect(names('aspergers')).toEqual(['Asperger’s syndrome'])
  expect(names('Tourette’s')).toEqual(['Tourette’s syndrome'])
  expect(names("won't go to school")).toEqual(['won’t go to school'])
  expect(names('cerebal palsy')).toEqual(['cerebral palsy'])
  expect(names('dislexia')).toEqual(['dyslexia'])
  // No typos in short words: "blink" is not "blind", "deal" is not "deaf".
  expect(names('blink')).toEqual([])
  expect(names('deal')).toEqual([])
  expect(names('school trips')).toEqual([])
})

test('an abbreviation that is an everyday word counts only in capitals', () => {
  expect(names('ADD')).toEqual(['ADHD'])
  expect(names('ADD strategies for year 5')).toEqual(['ADHD'])
  expect(names('add')).toEqual([])
  expect(names('how to add challenge')).toEqual([])
  expect(names('ME')).toEqual(['chronic fatigue syndrome'])
  expect(names('tell me about reading')).toEqual([])
  // A query all in capitals is shouting, not abbreviating.
  expect(names('HELP ME PLEASE')).toEqual([])
  // Abbreviations that are not everyday words count whatever the capitals.
  expect(names('adhd')).toEqual(['ADHD'])
  expect(names('dcd')).toEqual(['dyspraxia'])
})

test('the longest name wins, and the words left over are kept', () => {
  const understood = understandQuery(
    'my child has unilateral hearing loss and anxiety',
    vocabulary,
  )!
  expect(understood.matched.map((entry) => entry.name)).toEqual([
    'unilateral hearing loss',
    'anxiety',
  ])
  expect(understood.rest).toBe('my child has and')
})

test('what is searched as "mentioning" the condition: exact names as phrases unless a synonym, abbreviations as names', () => {
  const mention = (q: string, synonyms: string[] = []) => {
    const understood = understandQuery(q, vocabulary)!
    return mentionQuery(q, understood.spans, (name) => synonyms.includes(name))
  }
  expect(mention('attachment difficulties at primary')).toBe('"attachment difficulties" at primary')
  expect(mention('school refusal', ['school refusal'])).toBe('school refusal')
  expect(mention('cerebal palsy')).toBe('cerebal palsy')
  expect(mention('ADD strategies')).toBe('"ADHD" strategies')
  expect(mention('ADD strategies', ['adhd'])).toBe('ADHD strategies')
})

test('a short last word is searched whole, not as the start of a longer one', () => {
  expect(engineQuery('OT')).toBe('OT ')
  expect(engineQuery('advice from the EP')).toBe('advice from the EP ')
  expect(engineQuery('dyslexia')).toBe('dyslexia')
  expect(engineQuery('OT ')).toBe('OT ')
  expect(engineQuery('')).toBe('')
})

test('need labels read naturally inside a sentence', () => {
  expect(inSentence('Physical disability')).toBe('physical disability')
  expect(inSentence('Down syndrome')).toBe('Down syndrome')
  expect(inSentence('SEN support but no specialist assessment of type of need')).toBe(
    'SEN support but no specialist assessment of type of need',
  )
})

test('a search that found nothing is offered the names closest to what was typed', () => {
  const names = [
    ...conditions.flatMap((entry) =>
      [entry.name, ...entry.otherNames].map((name) => ({ value: entry.name, name })),
    ),
    { value: 'HI', name: 'Hearing impairment' },
  ]
  const nearest = (q: string) => nearestNames(q, names).map((near) => near.value)
  // More typos than the search allows, a wrong first letter, one word of a longer name.
  expect(nearest('dispraxia')).toContain('dyspraxia')
  expect(nearest('celebral palsy')[0]).toBe('cerebral palsy')
  expect(nearest('hering')).toContain('HI')
  // Nothing close, nothing typed, or typed exactly: nothing to suggest.
  expect(nearest('xylophone quartet')).toEqual([])
  expect(nearest('')).toEqual([])
  expect(nearest('dyspraxia')).not.toContain('dyspraxia')
  expect(nearestNames('dispraxia', names, 1)).toHaveLength(1)
})
