import { createHash } from 'node:crypto'
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier'
import { inputFeatures, textFeatures } from './features'
import { suggestedSchemes } from './schemes'

/**
 * How models are trained and read: the prefix of every model's version. A change to either is a
 * new format, and a stored model of an older one is retrained (model-store.server.ts).
 * nb2: a school's kind ("our secondary", "all-through") names a phase as a year group does.
 * nb3: the hand-written examples (examples/) are learned from beside the published case studies.
 */
export const MODEL_FORMAT = 'nb3'

// The classifier behind tag suggestions: for every term of every suggested scheme, a naive Bayes
// text classifier (winkjs) that reads a text as the set of its words and word pairs and answers
// "is this term one of its tags?". It learns from published case studies, which moderators have
// tagged, from 240 hand-written examples tagged the same way (examples/index.ts says why), and
// from the taxonomy itself: each term's label, description and search synonyms are one more
// example of it, so a term no case study has yet can still be suggested.
//
// A trained model is plain JSON, stored in Postgres and loaded by every app instance; nothing is
// fetched from anywhere else.

export interface TrainingExample {
  text: string
  organisationKind?: string | null
  /** `scheme:code`. */
  tags: readonly string[]
  evidenceStrength: number | null
}

export interface VocabularyTerm {
  scheme: string
  code: string
  label: string
  description: string
}

export interface SuggestionModel {
  /** Names the model in every recorded suggestion: what it learned from, by content hash. */
  version: string
  trainedAt: string
  /** How many examples it learned from (the taxonomy's own words not counted). */
  trainedOn: number
  /** Classifier per `scheme:code`, as winkjs exports it. */
  classifiers: Record<string, string>
  /** One classifier over the ratings 0–4, or null when no example had a rating. */
  evidence: string | null
}

const YES = 'yes'
const NO = 'no'
/** Features seen in fewer examples than this are left out: they cannot generalise. */
const MIN_EXAMPLES_PER_FEATURE = 2
/** How many times the taxonomy's own words count, against one case study. */
const VOCABULARY_WEIGHT = 10

function newClassifier() {
  const classifier = naiveBayesTextClassifier()
  classifier.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 })
  return classifier
}

/**
 * The search synonym groups that belong to a term: those with a word in its label or
 * description ("CAMHS" in the description of work with health and social care brings the
 * group that spells CAMHS out). Abbreviations of three letters or fewer count only against the code.
 */
export function synonymsOf(term: VocabularyTerm, synonymGroups: readonly (readonly string[])[]) {
  const own = ` ${`${term.label}. ${term.description}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  return synonymGroups.filter((group) =>
    group.some((word) =>
      word.length <= 3
        ? word === term.code.toLowerCase()
        : own.includes(` ${word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `),
    ),
  )
}

/** The words of a term as an example of it: label, description and its synonym groups. */
function vocabularyText(term: VocabularyTerm, synonymGroups: readonly (readonly string[])[]) {
  return [term.label, term.description, ...synonymsOf(term, synonymGroups).flat()].join('. ')
}

type TrainingOptions = { vocabularyWeight?: number; unigrams?: boolean }

export function trainModel(
  examples: readonly TrainingExample[],
  vocabulary: readonly VocabularyTerm[],
  synonymGroups: readonly (readonly string[])[],
  now = new Date(),
  options: TrainingOptions = {},
): SuggestionModel {
  const steps = trainingSteps(examples, vocabulary, synonymGroups, now, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * The same training, giving way to other work between terms: the app's job runner trains in the
 * process that answers requests, and one term's classifier over a few thousand case studies takes
 * milliseconds, where the whole model takes seconds.
 */
export async function trainModelGivingWay(
  examples: readonly TrainingExample[],
  vocabulary: readonly VocabularyTerm[],
  synonymGroups: readonly (readonly string[])[],
  now = new Date(),
): Promise<SuggestionModel> {
  const steps = trainingSteps(examples, vocabulary, synonymGroups, now, {})
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function* trainingSteps(
  examples: readonly TrainingExample[],
  vocabulary: readonly VocabularyTerm[],
  synonymGroups: readonly (readonly string[])[],
  now: Date,
  options: TrainingOptions,
): Generator<void, SuggestionModel> {
  const vocabularyWeight = options.vocabularyWeight ?? VOCABULARY_WEIGHT
  const only = (features: string[]) =>
    options.unigrams ? features.filter((f) => !f.includes(' ')) : features
  const documents: { features: string[]; tags: Set<string>; evidenceStrength: number | null }[] = []
  for (const e of examples) {
    documents.push({
      features: only(inputFeatures(e).features),
      tags: new Set(e.tags),
      evidenceStrength: e.evidenceStrength,
    })
    if (documents.length % 100 === 0) yield
  }
  const seen = new Map<string, number>()
  for (const d of documents) for (const f of d.features) seen.set(f, (seen.get(f) ?? 0) + 1)
  const kept = (features: string[]) =>
    features.filter((f) => (seen.get(f) ?? 0) >= MIN_EXAMPLES_PER_FEATURE)
  const training = documents.map((d) => ({ ...d, features: kept(d.features) }))
  const live = vocabulary.filter((t) => (suggestedSchemes as readonly string[]).includes(t.scheme))
  const definitions = live.map((t) => ({
    tag: `${t.scheme}:${t.code}`,
    scheme: t.scheme,
    // The taxonomy's words are kept whole: they are few and chosen.
    features: only(textFeatures(vocabularyText(t, synonymGroups)).features),
  }))

  const classifiers: Record<string, string> = {}
  for (const term of live) {
    const tag = `${term.scheme}:${term.code}`
    const classifier = newClassifier()
    let positives = 0
    for (const d of training) {
      const yes = d.tags.has(tag)
      if (yes) positives++
      classifier.learn(d.features, yes ? YES : NO)
    }
    for (const definition of definitions.filter((d) => d.scheme === term.scheme)) {
      if (definition.features.length === 0) continue
      for (let n = 0; n < vocabularyWeight; n++)
        classifier.learn(definition.features, definition.tag === tag ? YES : NO)
      if (definition.tag === tag) positives++
    }
    if (positives === 0) continue
    classifier.consolidate()
    classifiers[tag] = classifier.exportJSON()
    yield
  }

  const rated = training.filter((d) => d.evidenceStrength !== null && d.features.length > 0)
  let evidence: string | null = null
  if (new Set(rated.map((d) => d.evidenceStrength)).size >= 2) {
    const classifier = newClassifier()
    for (const d of rated) classifier.learn(d.features, String(d.evidenceStrength))
    classifier.consolidate()
    evidence = classifier.exportJSON()
  }

  const hash = createHash('sha256')
  for (const e of examples) hash.update(`${e.text}\u0000${[...e.tags].sort().join(',')}\u0000`)
  for (const t of live) hash.update(`${t.scheme}:${t.code}:${t.label}:${t.description}\u0000`)
  hash.update(JSON.stringify([synonymGroups, vocabularyWeight, options.unigrams ?? false]))
  hash.update(`${MIN_EXAMPLES_PER_FEATURE}`)
  return {
    version: `${MODEL_FORMAT}-${hash.digest('hex').slice(0, 12)}`,
    trainedAt: now.toISOString(),
    trainedOn: examples.length,
    classifiers,
    evidence,
  }
}

export interface TermScore {
  tag: string
  /** 0 to 1. */
  score: number
  /** The text's features that count most for this term, strongest first. */
  evidence: string[]
}

export interface LoadedModel {
  version: string
  score(features: readonly string[]): TermScore[]
  rate(features: readonly string[]): { rating: number; score: number }[]
}

// Naive Bayes sums one log-odds per feature, so its raw odds grow with the length of a text and
// read as near-certain for almost anything long. Dividing by a temperature that grows with the
// number of features the classifier knows keeps a score comparable between a one-line answer
// and a long account; the words then decide, not the length.
function temperature(known: number) {
  return 1.5 + Math.sqrt(known) / 2
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

/** log-odds above which a word is quoted as pointing to a term (about three times likelier). */
const STRONG_EVIDENCE = Math.log(3)

/** Per-feature log-odds of YES for one term, read from the classifier's export. */
function featureWeights(json: string) {
  const parsed = JSON.parse(json) as [
    unknown,
    Record<string, number>,
    Record<string, Record<string, number>>,
    Record<string, number>,
    string[],
  ]
  const [, , count, words, voc] = parsed
  const smoothing = 0.5
  const size = voc.length
  const weights = new Map<string, number>()
  for (const feature of voc) {
    const yes = Math.log(
      (((count[YES] ?? {})[feature] ?? 0) + smoothing) / ((words[YES] ?? 0) + size * smoothing),
    )
    const no = Math.log(
      (((count[NO] ?? {})[feature] ?? 0) + smoothing) / ((words[NO] ?? 0) + size * smoothing),
    )
    weights.set(feature, yes - no)
  }
  return weights
}

export function loadModel(model: SuggestionModel): LoadedModel {
  const terms = Object.entries(model.classifiers).map(([tag, json]) => {
    const classifier = newClassifier()
    classifier.importJSON(json)
    classifier.consolidate()
    return { tag, classifier, weights: featureWeights(json) }
  })
  const evidence = model.evidence
    ? (() => {
        const classifier = newClassifier()
        classifier.importJSON(model.evidence)
        classifier.consolidate()
        return classifier
      })()
    : null
  return {
    version: model.version,
    score(features) {
      return terms.map(({ tag, classifier, weights }) => {
        const known = features.filter((f) => weights.has(f))
        const odds = known.length === 0 ? -Infinity : oddsOf(classifier.computeOdds(known), YES)
        return {
          tag,
          score: known.length === 0 ? 0 : sigmoid((odds * Math.LN2) / temperature(known.length)),
          evidence: known
            .map((f) => [f, weights.get(f)!] as const)
            // Only words several times likelier in the term's examples are quoted as its reason.
            .filter(([, w]) => w > STRONG_EVIDENCE)
            .sort((a, b) => b[1] - a[1])
            .map(([f]) => f),
        }
      })
    },
    rate(features) {
      if (!evidence) return []
      const odds = evidence.computeOdds([...features])
      const known = Math.max(1, features.length)
      const scaled = odds.map(([label, o]) => [label, (o * Math.LN2) / temperature(known)] as const)
      const max = Math.max(...scaled.map(([, o]) => o))
      const total = scaled.reduce((sum, [, o]) => sum + Math.exp(o - max), 0)
      return scaled
        .filter(([label]) => /^[0-4]$/.test(label))
        .map(([label, o]) => ({ rating: Number(label), score: Math.exp(o - max) / total }))
        .sort((a, b) => b.score - a.score)
    },
  }
}

function oddsOf(odds: [string, number][], label: string) {
  return odds.find(([l]) => l === label)?.[1] ?? 0
}
