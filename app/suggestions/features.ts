import stem from 'wink-porter2-stemmer'

// What the suggester reads in a text: stemmed words and pairs of neighbouring words, with stop
// words left out. Each feature remembers the words it was first seen as, so a suggestion can
// quote the phrases in the response that point to it.

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before
  being below between both but by can could did do does doing down during each few for from
  further had has have having he her here hers herself him himself his how i if in into is it its
  itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves
  then there these they this those through to too under until up very was we were what when where
  which while who whom why will with would you your yours yourself yourselves us one two three
  four five six seven eight nine ten many much every per via well year years week weeks day days
  time times term terms school schools pupil pupils child children student students staff`
    .split(/\s+/)
    .filter(Boolean),
)

export interface TextFeatures {
  /** Each feature once: the classifier counts presence, not frequency. */
  features: string[]
  /** The words each feature was first seen as, for quoting. */
  surfaces: Map<string, string>
}

interface Token {
  feature: string
  surface: string
}

/** The words of one sentence as features; numbers and percentages become a shared token each. */
function sentenceTokens(sentence: string): Token[] {
  const tokens: Token[] = []
  for (const match of sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.%]*/gu)) {
    const surface = match[0].replace(/['’.]+$/, '')
    const lower = surface.toLowerCase().replace(/’/g, "'")
    if (/^\d+(\.\d+)?%$/.test(lower)) tokens.push({ feature: '#percent', surface })
    else if (/^[+-]?\d[\d.,]*$/.test(lower)) tokens.push({ feature: '#number', surface })
    else {
      const word = lower.replace(/'s$/, '').replace(/[^\p{L}\p{N}]/gu, '')
      if (word.length < 2 || STOP_WORDS.has(word)) {
        tokens.push({ feature: '', surface })
        continue
      }
      tokens.push({ feature: stem(word), surface })
    }
  }
  return tokens
}

// Year groups and key stages name a phase of education outright (England's national
// curriculum), however differently a response words the rest.
const stageOfYear = (year: number) =>
  year <= 6 ? 'primary' : year <= 11 ? 'secondary' : year <= 13 ? 'post-16' : null
const STAGES: [RegExp, (m: RegExpMatchArray) => string | null][] = [
  [/\b(?:year|yr|y)\s?(\d{1,2})\b/gi, (m) => stageOfYear(Number(m[1]))],
  [
    /\b(?:key stage|ks)\s?([1-5])\b/gi,
    (m) => ['primary', 'primary', 'secondary', 'secondary', 'post-16'][Number(m[1]) - 1] ?? null,
  ],
  [/\b(?:eyfs|reception|nursery|early years)\b/gi, () => 'early-years'],
  [/\b(?:sixth form|post-16|post 16|year 12|year 13|college)\b/gi, () => 'post-16'],
  // A school's kind named outright ("our secondary", "six primaries"); not "primary need".
  [/\b(?:primar(?:y|ies)|infant|junior)\b(?!\s+(?:need|area|concern))/gi, () => 'primary'],
  [/\b(?:secondar(?:y|ies)|high school|gcses?)\b(?!\s+(?:need|area|concern))/gi, () => 'secondary'],
  [/\ball[\s-]through\b/gi, () => 'all-through'],
  [/\b(?:pre-?school|two-year-olds?|2-year-olds?|childminders?)\b/gi, () => 'early-years'],
  [/\bA[\s-]levels?\b/g, () => 'post-16'],
]

/** Stemmed words and neighbouring pairs (not across a stop word or a sentence's end). */
export function textFeatures(text: string): TextFeatures {
  const surfaces = new Map<string, string>()
  const add = (feature: string, surface: string) => {
    if (!surfaces.has(feature)) surfaces.set(feature, surface)
  }
  for (const [pattern, stage] of STAGES)
    for (const match of text.matchAll(pattern)) {
      const named = stage(match)
      if (named) add(`#stage-${named}`, match[0])
    }
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\n+|\s+[-–—•]\s+/)) {
    const tokens = sentenceTokens(sentence)
    tokens.forEach((token, i) => {
      if (!token.feature) return
      add(token.feature, token.surface)
      const next = tokens[i + 1]
      if (next?.feature && !token.feature.startsWith('#') && !next.feature.startsWith('#'))
        add(`${token.feature} ${next.feature}`, `${token.surface} ${next.surface}`)
    })
  }
  return { features: [...surfaces.keys()], surfaces }
}

export interface SuggestionInput {
  /** Every answer that can reach the case study, joined. */
  text: string
  /** 'school', 'trust' or 'local-area': what the respondent said they are. */
  organisationKind?: string | null
}

/** The features a submission is read as: its words, and what kind of organisation sent it. */
export function inputFeatures(input: SuggestionInput): TextFeatures {
  const read = textFeatures(input.text)
  const kind = input.organisationKind?.replace(/[^a-z-]/g, '')
  if (kind) read.features.push(`#organisation-${kind}`)
  return read
}
