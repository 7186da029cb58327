import type { ConditionDefinition } from '../reference/conditions'

// Needs named outright. A response that says "spina bifida" or "dyslexic" points at a need type
// whatever the classifier has learned, so the conditions vocabulary (what parents and teachers
// type, placed under census need types) and the need terms' own names and search synonyms are
// read as cues: each match is quoted as the reason and lifts that need's score.

export interface NeedCue {
  /** As typed in the response. */
  phrase: string
  needs: readonly string[]
  /** Set for a phrase that only suggests a need (see needContext): it is at most possible. */
  context?: boolean
}

/**
 * Words that name no need but point to one in an account of SEND practice: a pupil referral
 * unit, a nurture group or a string of suspensions is, in England, nearly always about social,
 * emotional and mental health needs; "learning difficulties" with no severity is usually a
 * moderate learning difficulty. Each makes a need possible, never likely: a condition named
 * outright decides.
 */
export const needContext: Readonly<Record<string, readonly string[]>> = {
  SEMH: [
    'pupil referral unit',
    'PRU',
    'nurture group',
    'nurture room',
    'ELSA',
    'emotional literacy',
    'permanent exclusion',
    'permanently excluded',
    'suspensions',
    'managed move',
    'emotional needs',
    'emotional difficulties',
    'worries',
  ],
  MLD: ['learning difficulties', 'lower attaining', 'low attaining'],
  SLCN: ['language difficulties', 'language needs', 'language skills'],
}

export interface NeedCueSource {
  conditions: readonly Pick<
    ConditionDefinition,
    'name' | 'otherNames' | 'abbreviations' | 'needs'
  >[]
  /** Need terms: code and label. */
  terms: readonly { code: string; label: string }[]
  synonymGroups: readonly (readonly string[])[]
}

interface Pattern {
  regex: RegExp
  needs: readonly string[]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Apostrophes typed either way, and a word's plural, match: "learning difficulty" also as
 * "learning difficulties", the way schools nearly always write the census labels.
 */
function phrasePattern(phrase: string, flags: string) {
  const body = escape(phrase.trim())
    .replace(/['’]/g, "['’]?")
    .replace(/(?<=[^aeiouAEIOU])y$/, '(?:y|ie)')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es)?(?![\\p{L}\\p{N}])`, flags)
}

export function needCueMatcher(source: NeedCueSource) {
  const patterns: Pattern[] = []
  const add = (phrase: string, needs: readonly string[], caseSensitive = false) => {
    // Two-letter words in lower case (ot, ep, ta) are everyday words or too loose to be a cue.
    if (phrase.trim().length < 3 && !caseSensitive) return
    patterns.push({ regex: phrasePattern(phrase, caseSensitive ? 'u' : 'iu'), needs })
  }
  for (const c of source.conditions) {
    for (const name of [c.name, ...c.otherNames])
      // A short name in capitals (DMD, CP) is an abbreviation: matched as typed.
      add(name, c.needs, name.length <= 4 && name === name.toUpperCase())
    for (const abbreviation of c.abbreviations) add(abbreviation, c.needs, true)
  }
  const context: Pattern[] = []
  for (const [need, phrases] of Object.entries(needContext))
    for (const phrase of phrases)
      context.push({
        regex: phrasePattern(phrase, phrase === phrase.toUpperCase() ? 'u' : 'iu'),
        needs: [need],
      })
  for (const term of source.terms) {
    add(term.label, [term.code])
    add(term.code, [term.code], true)
    for (const group of source.synonymGroups) {
      const names = [term.label.toLowerCase(), term.code.toLowerCase()]
      if (!group.some((word) => names.includes(word.toLowerCase()))) continue
      for (const word of group)
        if (word.length <= 4) add(word.toUpperCase(), [term.code], true)
        else add(word, [term.code])
    }
  }
  return (text: string): NeedCue[] => {
    const found: (NeedCue & { start: number; end: number })[] = []
    for (const [list, isContext] of [
      [patterns, false],
      [context, true],
    ] as const)
      for (const p of list) {
        const match = p.regex.exec(text)
        if (match)
          found.push({
            phrase: match[0],
            needs: p.needs,
            ...(isContext ? { context: true } : {}),
            start: match.index,
            end: match.index + match[0].length,
          })
      }
    // Phrases are read left to right, the longer first where two start together, and a phrase
    // that overlaps one already read is a part of it: "mental health needs" is mental health,
    // not "health needs" (a medical need) as well. The same words can still name several needs.
    found.sort((a, b) => a.start - b.start || b.end - a.end)
    const read: typeof found = []
    for (const cue of found)
      if (
        read.every((r) => cue.end <= r.start || cue.start >= r.end) ||
        read.some((r) => r.start === cue.start && r.end === cue.end)
      )
        read.push(cue)
    return read.map(({ start: _start, end: _end, ...cue }) => cue)
  }
}

/**
 * A need's score from its cues: named on its own, likely; named only by a condition that points
 * at several needs, possible.
 */
export function cueScores(cues: readonly NeedCue[]) {
  const scores = new Map<string, { score: number; phrases: string[] }>()
  for (const cue of cues)
    for (const need of cue.needs) {
      const score = cue.needs.length === 1 && !cue.context ? 0.9 : 0.5
      const entry = scores.get(need) ?? { score: 0, phrases: [] }
      entry.score = Math.max(entry.score, score)
      if (!entry.phrases.some((p) => p.toLowerCase() === cue.phrase.toLowerCase()))
        entry.phrases.push(cue.phrase)
      scores.set(need, entry)
    }
  return scores
}
