import type { Kysely } from 'kysely'
import { listSynonymGroups } from '../../db/repositories/search-synonyms'
import {
  findLatestSuggestionModel,
  findPublishedTrainingStamp,
  findSuggestionModel,
  insertSuggestionModel,
  listPublishedForTraining,
} from '../../db/repositories/tag-suggestions'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import type { DB, Json } from '../../db/types'
import { conditions } from '../reference/conditions'
import { handWrittenExamplesDigest, handWrittenTrainingExamples } from './examples'
import {
  loadModel,
  MODEL_FORMAT,
  trainModelGivingWay,
  type SuggestionModel,
  type TrainingExample,
} from './model'
import { needCueMatcher } from './need-cues'
import type { Suggester } from './suggest'
import { caseStudyText } from './texts'

// Where the suggester's model lives: trained from the published library in Postgres and the
// hand-written examples (examples/), stored in Postgres as JSON, and loaded by each app instance
// once per version. Training is quick (seconds for thousands of case studies), so the first
// request after a fresh install trains one rather than showing nothing; with nothing published
// yet, it has learned from the hand-written examples.

export const RETRAIN_TASK = 'suggestions:retrain'

/**
 * The model learns from the most recently published case studies, at most this many (and the 240
 * hand-written examples): enough for every term to have examples, and a bound on the time, memory
 * and model size training costs the app process however large the library grows (50,000 case
 * studies took minutes and held a core).
 */
export const MAX_TRAINING_EXAMPLES = 2000

async function vocabulary(db: Kysely<DB>) {
  const [terms, groups] = await Promise.all([listTaxonomyTerms(db), listSynonymGroups(db)])
  return {
    terms: terms.filter((t) => !t.retiredAt),
    synonymGroups: groups.map((g) => [...g.terms, ...g.oneWay]),
  }
}

type PublishedForTraining = Awaited<ReturnType<typeof listPublishedForTraining>>[number]

/** What the model learns from: the published case studies given, then the hand-written examples. */
export function trainingSet(published: readonly PublishedForTraining[]): TrainingExample[] {
  return [
    ...published.map((r) => ({
      text: caseStudyText({
        title: r.title,
        summary: r.summary,
        challenge: r.challenge,
        practice: r.practice,
        impact: r.impact,
        keyFactors: r.key_factors,
        advice: r.advice,
        keywords: r.keywords,
      }),
      organisationKind: r.organisation_kind,
      tags: r.tags,
      evidenceStrength: r.evidence_strength,
    })),
    ...handWrittenTrainingExamples(),
  ]
}

/**
 * Trains a model on the published case studies (the newest MAX_TRAINING_EXAMPLES) and the
 * hand-written examples, unless the newest model already learned from them as they are now.
 * Returns the version in use and whether it is new.
 */
export async function trainFromPublished(db: Kysely<DB>, now = new Date()) {
  // The library as it is now, and the hand-written examples as this code has them.
  const stamp = `${await findPublishedTrainingStamp(db)}|${handWrittenExamplesDigest}`
  const latest = await findLatestSuggestionModel(db)
  // The newest model stands if it learned from the same examples, in today's format.
  const current = latest?.version.startsWith(`${MODEL_FORMAT}-`)
  if (latest && current && latest.source_stamp === stamp)
    return { version: latest.version, trained: false }
  const [rows, { terms, synonymGroups }] = await Promise.all([
    listPublishedForTraining(db, MAX_TRAINING_EXAMPLES),
    vocabulary(db),
  ])
  const model = await trainModelGivingWay(trainingSet(rows), terms, synonymGroups, now)
  await insertSuggestionModel(db, {
    version: model.version,
    trainedOn: model.trainedOn,
    sourceStamp: stamp,
    model: model as unknown as Json,
  })
  return { version: model.version, trained: true }
}

let cached: { version: string; suggester: Suggester } | null = null

/** The newest model, ready to suggest with (trained first if there is none yet). */
export async function loadSuggester(db: Kysely<DB>): Promise<Suggester> {
  let latest = await findLatestSuggestionModel(db)
  if (!latest) {
    await trainFromPublished(db)
    latest = await findLatestSuggestionModel(db)
  }
  if (!latest) throw new Error('No suggestion model could be trained')
  if (cached?.version === latest.version) return cached.suggester
  const [row, { terms, synonymGroups }] = await Promise.all([
    findSuggestionModel(db, latest.version),
    vocabulary(db),
  ])
  if (!row) throw new Error(`Suggestion model ${latest.version} has gone`)
  const suggester: Suggester = {
    model: loadModel(row.model as unknown as SuggestionModel),
    needCues: needCueMatcher({
      conditions,
      terms: terms.filter((t) => t.scheme === 'need'),
      synonymGroups,
    }),
  }
  cached = { version: latest.version, suggester }
  return suggester
}
