import { inputFeatures, type SuggestionInput } from './features'
import type { LoadedModel } from './model'
import { cueScores, type NeedCue } from './need-cues'
import { practiceCueMatcher, practiceCueScores, type PracticeCue } from './practice-cues'
import {
  confidenceOf,
  EVIDENCE_SCHEME,
  MAX_PER_SCHEME,
  suggestedSchemes,
  type Confidence,
} from './schemes'

// From a text to suggestions: the classifier's score for every term, lifted for a need or a
// practice the response names outright, and the terms that clear the bar (at most three a
// scheme), each with the phrases in the text that count most for it.

export type { SuggestionInput }

/**
 * How texts are read and scored here (the cue vocabularies, the weights and bars below): part of
 * the version recorded with every suggestion, beside the trained model's, so that the agreement
 * figures of one way of suggesting are never mixed with another's. A change to the cues or the
 * scoring is a new revision.
 */
export const SCORING_REVISION = 's3'

/** The version recorded with a suggestion: the model's and the scoring's. */
export function suggestionVersion(modelVersion: string) {
  return `${modelVersion}/${SCORING_REVISION}`
}

export interface Suggestion {
  scheme: string
  code: string
  confidence: Confidence
  /** 0 to 1. */
  score: number
  /** Words and phrases in the response that point to the term, strongest first. */
  phrases: string[]
}

export interface Suggester {
  model: LoadedModel
  /** Needs named outright in a text; none when the vocabulary is not to hand. */
  needCues?: (text: string) => NeedCue[]
  /** Practices named outright in a text; the vocabulary in practice-cues.ts when not given. */
  practiceCues?: (text: string) => PracticeCue[]
}

let defaultPracticeCues: ((text: string) => PracticeCue[]) | null = null

/** How many phrases a suggestion quotes as its reason. */
const PHRASES = 4

/**
 * A need nobody named is a guess from the rest of the words: its score is scaled down so that
 * such a guess is at most "possible", and only when the classifier is very sure.
 */
const UNNAMED_NEED = 0.45

/**
 * The classifier's lean towards a practice, scaled down before it is added to the practice's
 * cues (below): on its own it is no more than a guess from wording learned from the library.
 */
const UNNAMED_PRACTICE = 0.6

/**
 * A practice is suggested only from this score, a little above the bar for "possible": one
 * everyday cue ("training", "parents") beside a faint guess from the classifier is not enough.
 */
const PRACTICE_FLOOR = 0.4

/**
 * A practice's cues and the classifier's guess are two separate signs, so they add up (the
 * chance that at least one is right) rather than the stronger hiding the weaker: a cue that on
 * its own is too little to suggest, beside a classifier that leans the same way, is possible.
 */
const together = (cue: number, guess: number) => 1 - (1 - cue) * (1 - guess * UNNAMED_PRACTICE)

/** Quoted phrases: a pair of words is preferred to a word already inside it. */
function quote(
  first: readonly string[],
  features: readonly string[],
  surfaces: Map<string, string>,
) {
  const phrases: string[] = []
  const push = (phrase: string) => {
    const lower = phrase.toLowerCase()
    if (phrases.some((p) => p.toLowerCase().includes(lower))) return
    phrases.push(phrase)
  }
  for (const phrase of first) push(phrase)
  for (const feature of features) {
    if (phrases.length >= PHRASES) break
    if (feature === '#number' || feature === '#percent' || feature.startsWith('#organisation'))
      continue
    const phrase = surfaces.get(feature)
    if (phrase) push(phrase)
  }
  return phrases.slice(0, PHRASES)
}

/** A year group or key stage names a phase outright; the classifier's guess then counts less. */
const NAMED_PHASE = 0.85
const UNNAMED_PHASE = 0.6

export function suggestTags(suggester: Suggester, input: SuggestionInput): Suggestion[] {
  const { features, surfaces } = inputFeatures(input)
  const needs = cueScores(suggester.needCues?.(input.text) ?? [])
  const practiceCues = suggester.practiceCues ?? (defaultPracticeCues ??= practiceCueMatcher())
  const practices = practiceCueScores(practiceCues(input.text))
  const stages = features.filter((f) => f.startsWith('#stage-'))
  const scores = suggester.model.score(features).map((s) => {
    const [scheme, code] = s.tag.split(':') as [string, string]
    if (scheme === 'need') {
      const cue = needs.get(code)
      return cue
        ? { ...s, score: Math.max(cue.score, s.score), named: cue.phrases }
        : { ...s, score: s.score * UNNAMED_NEED, named: [] }
    }
    if (scheme === 'practice') {
      const cue = practices.get(code)
      // A practice nothing in the text points to is not suggested: on the development set the
      // classifier's guesses without a single cue were right about one time in twenty even when
      // it was sure, mostly pupil voice read into any account that quotes a pupil.
      return cue
        ? { ...s, score: together(cue.score, s.score), named: cue.phrases }
        : { ...s, score: 0, named: [] as string[] }
    }
    // An all-through school calls itself one; the classifier's lean towards it otherwise was
    // a school that mentions both primary and secondary pupils, or neither.
    if (scheme === 'phase' && code === 'all-through' && !stages.includes('#stage-all-through'))
      return { ...s, score: 0, named: [] as string[] }
    if (scheme === 'phase' && stages.length > 0) {
      const stage = `#stage-${code}`
      return stages.includes(stage)
        ? { ...s, score: Math.max(NAMED_PHASE, s.score), named: [surfaces.get(stage)!] }
        : { ...s, score: s.score * UNNAMED_PHASE, named: [] }
    }
    return { ...s, named: [] as string[] }
  })
  const suggestions: Suggestion[] = []
  for (const scheme of suggestedSchemes) {
    const ranked = scores
      .filter((s) => s.tag.startsWith(`${scheme}:`))
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_PER_SCHEME)
    for (const s of ranked) {
      const confidence = confidenceOf(s.score)
      if (!confidence) continue
      if (scheme === 'practice' && s.score < PRACTICE_FLOOR) continue
      suggestions.push({
        scheme,
        code: s.tag.slice(scheme.length + 1),
        confidence,
        score: Math.round(s.score * 1000) / 1000,
        phrases: quote(s.named, s.evidence, surfaces),
      })
    }
  }
  const [rating] = suggester.model.rate(features)
  if (rating) {
    suggestions.push({
      scheme: EVIDENCE_SCHEME,
      code: String(rating.rating),
      // One rating is always offered: how sure it is decides the word.
      confidence: confidenceOf(rating.score) ?? 'possible',
      score: Math.round(rating.score * 1000) / 1000,
      phrases: [],
    })
  }
  return suggestions
}
