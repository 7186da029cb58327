// Query understanding for the library: which conditions, diagnoses or everyday phrases from the
// conditions vocabulary (app/reference/conditions.ts, edited at /admin/taxonomy/conditions) a
// query names, so that practice for their census need can be shown. Pure: no server code.
//
// - Names and other names match whatever the capitals and apostrophes ("Asperger's", "aspergers"),
//   and with a typo in longer words as the search engine allows ("cerebal palsy", "dislexia").
// - Abbreviations that are also everyday words (ADD, ME) match only when typed in capitals, and
//   the text search then reads the condition's name instead ("ADD" searches for "ADHD"), so the
//   everyday word ("add") finds nothing it should not.

export interface VocabularyEntry {
  name: string
  kind: 'condition' | 'phrase'
  otherNames: readonly string[]
  abbreviations: readonly string[]
  needs: readonly string[]
}

interface Form {
  tokens: string[]
  entry: number
}

export interface CompiledVocabulary<E extends VocabularyEntry = VocabularyEntry> {
  entries: readonly E[]
  /** Names by the first letter of their first word (a typo never changes the first letter). */
  forms: Map<string, Form[]>
  /** Abbreviation as written (capitals) → entries. */
  abbreviations: Map<string, number[]>
}

/** What the library made of a query, as the page and the API report it. */
export interface Interpretation {
  /** The vocabulary entries the query names, as the vocabulary writes them. */
  matched: { name: string; kind: 'condition' | 'phrase'; needs: string[] }[]
  /** The census needs whose practice was added, with their labels. */
  needs: { code: string; label: string }[]
  /** How many case studies were added for those needs (beyond those mentioning the query). */
  added: number
}

/** Where the query names an entry: characters start to end of the query as typed. */
export interface Span<E extends VocabularyEntry = VocabularyEntry> {
  start: number
  end: number
  entry: E
  /** Typed as the vocabulary spells it (capitals and apostrophes aside), not with a typo. */
  exact: boolean
  /** An abbreviation in capitals ("ADD"): the text search reads the entry's name instead. */
  abbreviation: boolean
}

export interface Understanding<E extends VocabularyEntry = VocabularyEntry> {
  /** The entries the query names, in the order they appear in it. */
  matched: E[]
  spans: Span<E>[]
  /** What is left of the query once the matched names are taken out (may be empty). */
  rest: string
}

const APOSTROPHES = /['’‘`]/g
const WORD = /[\p{L}\p{N}'’‘`]+/gu

interface Token {
  text: string
  start: number
  end: number
}

/** Words as typed with where they are, apostrophes dropped ("won't" → "wont"), accents kept. */
function tokenise(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(APOSTROPHES, '')
    if (word) tokens.push({ text: word, start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/** Words as typed, apostrophes dropped ("won't" → "wont"), accents kept. */
export function rawTokens(text: string): string[] {
  return tokenise(text).map((token) => token.text)
}

/** A word for matching: lower case, without accents. */
export function foldToken(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** A name reduced to what matching sees: two names that normalise alike are the same name. */
export function normaliseName(text: string): string {
  return rawTokens(text).map(foldToken).join(' ')
}

export function compileVocabulary<E extends VocabularyEntry>(
  entries: readonly E[],
): CompiledVocabulary<E> {
  const forms = new Map<string, Form[]>()
  const abbreviations = new Map<string, number[]>()
  entries.forEach((entry, index) => {
    const seen = new Set<string>()
    for (const name of [entry.name, ...entry.otherNames]) {
      const tokens = rawTokens(name).map(foldToken)
      const key = tokens.join(' ')
      if (tokens.length === 0 || seen.has(key)) continue
      seen.add(key)
      const first = tokens[0]![0]!
      const list = forms.get(first) ?? []
      list.push({ tokens, entry: index })
      forms.set(first, list)
    }
    for (const abbreviation of entry.abbreviations) {
      const list = abbreviations.get(abbreviation) ?? []
      list.push(index)
      abbreviations.set(abbreviation, list)
    }
  })
  return { entries, forms, abbreviations }
}

/** Typos allowed in a word of the vocabulary: as the search engine allows, none under 6 letters. */
function typosAllowed(word: string): number {
  return word.length >= 10 ? 2 : word.length >= 6 ? 1 : 0
}

/** Whether a typed word is the vocabulary's word, or within its typos (first letter kept). */
function close(typed: string, word: string): boolean {
  if (typed === word) return true
  const allowed = typosAllowed(word)
  if (allowed === 0 || typed[0] !== word[0] || Math.abs(typed.length - word.length) > allowed)
    return false
  return editDistance(typed, word, allowed) <= allowed
}

/** Optimal string alignment distance (a swap of neighbours is one edit), stopping past `max`. */
function editDistance(a: string, b: string, max: number): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

interface Candidate {
  start: number
  end: number
  entry: number
  exact: boolean
  abbreviation: string | null
}

/** The vocabulary entries a query names, or null when it names none. */
export function understandQuery<E extends VocabularyEntry>(
  q: string,
  vocabulary: CompiledVocabulary<E>,
): Understanding<E> | null {
  const tokens = tokenise(q)
  const raw = tokens.map((token) => token.text)
  if (raw.length === 0 || raw.length > 40) return null
  const folded = raw.map(foldToken)
  const candidates: Candidate[] = []
  for (let start = 0; start < folded.length; start++) {
    for (const form of vocabulary.forms.get(folded[start]![0]!) ?? []) {
      const length = form.tokens.length
      if (start + length > folded.length) continue
      let exact = true
      let matches = true
      for (let i = 0; i < length; i++) {
        const typed = folded[start + i]!
        const word = form.tokens[i]!
        if (typed === word) continue
        exact = false
        if (!close(typed, word)) {
          matches = false
          break
        }
      }
      if (matches)
        candidates.push({
          start,
          end: start + length,
          entry: form.entry,
          exact,
          abbreviation: null,
        })
    }
  }
  // Capitals mean an abbreviation, unless the whole query is in capitals (shouting, or caps lock).
  const capitalsMeanSomething = raw.length === 1 || /\p{Ll}/u.test(q)
  if (capitalsMeanSomething) {
    raw.forEach((token, start) => {
      for (const entry of vocabulary.abbreviations.get(token) ?? [])
        candidates.push({ start, end: start + 1, entry, exact: true, abbreviation: token })
    })
  }
  if (candidates.length === 0) return null
  // Longest first, exact before typo, then left to right; no word is used twice.
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || Number(b.exact) - Number(a.exact) || a.start - b.start,
  )
  const used = new Array<boolean>(raw.length).fill(false)
  const chosen: Candidate[] = []
  for (const candidate of candidates) {
    let free = true
    for (let i = candidate.start; i < candidate.end; i++) if (used[i]) free = false
    if (!free) continue
    for (let i = candidate.start; i < candidate.end; i++) used[i] = true
    chosen.push(candidate)
  }
  chosen.sort((a, b) => a.start - b.start)
  const matched: E[] = []
  for (const candidate of chosen) {
    const entry = vocabulary.entries[candidate.entry]!
    if (!matched.includes(entry)) matched.push(entry)
  }
  return {
    matched,
    spans: chosen.map((candidate) => ({
      start: tokens[candidate.start]!.start,
      end: tokens[candidate.end - 1]!.end,
      entry: vocabulary.entries[candidate.entry]!,
      exact: candidate.exact,
      abbreviation: candidate.abbreviation !== null,
    })),
    rest: raw.filter((_, i) => !used[i]).join(' '),
  }
}

/**
 * The query for "case studies that mention it". A name typed exactly is searched as a phrase
 * (those words, in order, no typos: "attachment" must not find "attainment"), unless it is a
 * search synonym, whose group then finds the other words for it ("school refusal" finds
 * "attendance"). A name typed with a typo is left to the engine's typo tolerance; an abbreviation
 * in capitals becomes the entry's name.
 */
export function mentionQuery(
  q: string,
  spans: readonly Span[],
  isSynonym: (normalisedName: string) => boolean,
): string {
  let text = ''
  let from = 0
  for (const span of spans) {
    const typed = q.slice(span.start, span.end)
    const words = span.abbreviation ? span.entry.name : typed
    const phrase = (span.exact || span.abbreviation) && !isSynonym(normaliseName(words))
    text += q.slice(from, span.start) + (phrase ? `"${words.replace(/"/g, '')}"` : words)
    from = span.end
  }
  return text + q.slice(from)
}

/**
 * The query as the search engine should read it. The engine treats the last word as the start of
 * a longer one; for a short word that inflates the results ("OT" finding "other", "AP" finding
 * "approach"), so a trailing space marks a last word of three letters or fewer as whole.
 */
export function engineQuery(q: string): string {
  const last = q.trim().split(/\s+/).pop() ?? ''
  if (!last || /\s$/.test(q)) return q
  const letters = last.replace(/[^\p{L}\p{N}]/gu, '')
  return letters.length > 0 && letters.length <= 3 ? `${q} ` : q
}

/** A name the reader may have meant, and how far what they typed is from it. */
export interface NearName<T> {
  value: T
  /** The name as written, to show and to search for. */
  name: string
  distance: number
}

/**
 * For a search that found nothing: the names (conditions, phrases, needs) closest to what was
 * typed, allowing more typos than the search itself does (about one in three letters, and the
 * first letter may be wrong), so "dispraxia", "celebral palsy" or "hering" still lead somewhere.
 * Compared whole, and word by word for a query of several words. Closest first, at most `limit`.
 */
export function nearestNames<T>(
  q: string,
  names: readonly { value: T; name: string }[],
  limit = 3,
): NearName<T>[] {
  const typed = rawTokens(q).map(foldToken)
  if (typed.length === 0 || typed.length > 8) return []
  const whole = typed.join(' ')
  const best = new Map<T, NearName<T>>()
  // A name typed exactly is no suggestion: the search already looked for it.
  const typedExactly = new Set<T>()
  for (const { value, name } of names) {
    const words = rawTokens(name).map(foldToken)
    const full = words.join(' ')
    if (!full) continue
    const allowed = (word: string) => Math.max(1, Math.floor(word.length / 3))
    let distance = editDistance(whole, full, allowed(full))
    if (distance > allowed(full)) {
      // One typed word close to one of the name's longer words ("hering" → hearing impairment).
      distance = Infinity
      for (const word of words.filter((w) => w.length >= 5))
        for (const token of typed.filter((t) => t.length >= 4)) {
          const d = editDistance(token, word, allowed(word))
          if (d <= allowed(word)) distance = Math.min(distance, d + 0.5)
        }
    }
    if (distance === 0) typedExactly.add(value)
    if (distance === Infinity || distance === 0) continue
    const known = best.get(value)
    if (!known || distance < known.distance) best.set(value, { value, name, distance })
  }
  return [...best.values()]
    .filter((near) => !typedExactly.has(near.value))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
}
