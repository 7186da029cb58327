// `npm run eval:suggestions`: trains the tag suggester as the platform trains it, on the demo
// corpus (standing in for the published case studies) and the 240 hand-written training examples
// the platform ships (app/suggestions/examples/), and measures it on the hand-written held-out set
// in tests/fixtures/suggestions/. Prints precision, recall, F1 and Cohen's kappa per scheme
// against the careful moderator's tags, beside the agreement of two moderators who coded the same
// items independently.
//
// The development set (tests/fixtures/suggestions/dev.ts) is the one to tune on: 60 items by a
// fifth author, who wrote them from the taxonomy alone, without reading the training examples,
// the suggester's cue lists or the demo corpus. Changes are judged on it. The held-out set is
// never trained on or tuned on: it is read only to report figures once a change is made, so that
// they are not flattered by it. Neither set shares an item or a sentence with the training
// examples; that is checked here before anything is scored, and by the unit tests.
//
// The training examples were earlier authors' development items, each set moved into training
// once a newer author's items could measure what that did (app/suggestions/examples/index.ts
// gives the figures). Listing items is for the development set; the held-out items stay unread.
//
//   npm run eval:suggestions                        the table, on the held-out set
//   npm run eval:suggestions -- --json              the figures as JSON
//   npm run eval:suggestions -- --set dev           the table on the development set
//   npm run eval:suggestions -- --set dev --items   every development item's suggestions
//                                                   against its tags
//   npm run eval:suggestions -- --set authors       leave one author out, over the training
//                                                   examples alone (crossValidate below)

import { taxonomyTerms } from '../../app/reference/taxonomy'
import { synonymGroups } from '../../app/reference/synonyms'
import { agreement } from '../../app/moderation/agreement'
import { conditions } from '../../app/reference/conditions'
import {
  codingTags,
  handWrittenExamples,
  handWrittenText,
  handWrittenTrainingExamples,
  type HandWrittenExample,
} from '../../app/suggestions/examples'
import { needCueMatcher } from '../../app/suggestions/need-cues'
import { schemeFigures, type SchemeFigures } from '../../app/suggestions/evaluation'
import { loadModel, trainModel, type TrainingExample } from '../../app/suggestions/model'
import { EVIDENCE_SCHEME, suggestedSchemes } from '../../app/suggestions/schemes'
import { suggestionVersion, suggestTags } from '../../app/suggestions/suggest'
import { caseStudyText } from '../../app/suggestions/texts'
import { buildDemoCaseStudies } from '../../seeds/data/demo-case-studies'
import { heldOutSubmissions, type HeldOutSubmission } from '../fixtures/suggestions/held-out'
import { devSubmissions } from '../fixtures/suggestions/dev'

const argv = process.argv.slice(2)
const args = new Set(argv)
const setName = argv[argv.indexOf('--set') + 1]
const useDev = args.has('--set') && setName === 'dev'
const useAuthors = args.has('--set') && setName === 'authors'
if (args.has('--set') && !useDev && !useAuthors && setName !== 'held-out')
  throw new Error(`--set ${setName ?? ''}: the sets are dev, authors and held-out`)

export function demoTrainingSet(): TrainingExample[] {
  return buildDemoCaseStudies().map((d) => ({
    text: caseStudyText({ ...d, keywords: d.keywords }),
    organisationKind: d.organisationKind,
    tags: [
      ...d.needCodes.map((c) => `need:${c}`),
      ...d.practiceCodes.map((c) => `practice:${c}`),
      ...d.phaseCodes.map((c) => `phase:${c}`),
      `setting:${d.settingCode}`,
    ],
    evidenceStrength: d.evidenceStrength,
  }))
}

/** An item's text as the suggester reads it: the same as the training examples'. */
export function heldOutText(s: HeldOutSubmission) {
  return handWrittenText(s)
}

const tagsOf = codingTags

/**
 * Refuses to score an item that is trained on: one with the id of a hand-written training
 * example, or a sentence of one (any longer than 40 characters, which are not shared by chance).
 */
export function assertNotTrainedOn(
  submissions: readonly HeldOutSubmission[],
  examples: readonly HandWrittenExample[] = handWrittenExamples,
) {
  const ids = new Set(examples.map((s) => s.id))
  const training = examples.map(handWrittenText).join('\n')
  const overlap = submissions.filter(
    (s) =>
      ids.has(s.id) ||
      heldOutText(s)
        .split(/(?<=[.!?])\s+|\n/)
        .some((sentence) => sentence.length > 40 && training.includes(sentence)),
  )
  if (overlap.length > 0)
    throw new Error(`${overlap[0]!.id} and ${overlap.length - 1} more are trained on and scored`)
}

function termsOf(scheme: string) {
  return taxonomyTerms.filter((t) => t.scheme === scheme).map((t) => `${scheme}:${t.code}`)
}

export function evaluate(
  submissions: readonly HeldOutSubmission[] = heldOutSubmissions,
  setLabel = 'held-out set',
) {
  const { model, results } = suggestFor(submissions, handWrittenExamples)
  return { model, set: setLabel, ...figuresOf(results) }
}

/**
 * Leave one author out, over the training examples alone: four times, the suggester is trained
 * on the demo corpus and three authors' examples and scored on the fourth's (the examples are in
 * authors' order, 60 each). A check of a change to the scoring that reads neither the development
 * set nor the held-out set, and is four times their size; it says how a suggester trained on
 * three authors does on a new one, so it reads a little lower than one trained on all four.
 */
export function crossValidate() {
  const authors = [0, 1, 2, 3].map((a) => handWrittenExamples.slice(a * 60, a * 60 + 60))
  if (authors.flat().length !== handWrittenExamples.length)
    throw new Error('The training examples are no longer four authors of 60: update crossValidate')
  const folds = authors.map((scored) =>
    suggestFor(
      scored,
      handWrittenExamples.filter((s) => !scored.includes(s)),
    ),
  )
  return {
    // Four models: the first named, each trained on the same number of examples.
    model: folds[0]!.model,
    set: 'each author’s training examples, trained on the other three (leave one author out)',
    ...figuresOf(folds.flatMap((fold) => fold.results)),
  }
}

function suggestFor(
  submissions: readonly HeldOutSubmission[],
  examples: readonly HandWrittenExample[],
) {
  const known = new Set(taxonomyTerms.map((t) => `${t.scheme}:${t.code}`))
  for (const s of submissions)
    for (const tag of [...tagsOf(s.gold), ...(s.second ? tagsOf(s.second) : [])])
      if (!known.has(tag)) throw new Error(`${s.id}: ${tag} is not in the taxonomy`)
  assertNotTrainedOn(submissions, examples)

  const demo = demoTrainingSet()
  const handWritten = handWrittenTrainingExamples(examples)
  const training = [...demo, ...handWritten]
  const model = loadModel(trainModel(training, taxonomyTerms, synonymGroups))
  const needCues = needCueMatcher({
    conditions,
    terms: taxonomyTerms.filter((t) => t.scheme === 'need'),
    synonymGroups,
  })
  const results = submissions.map((s) => {
    const suggestions = suggestTags(
      { model, needCues },
      {
        text: heldOutText(s),
        organisationKind: s.organisationKind,
      },
    )
    return { item: s, suggestions }
  })
  return {
    model: {
      version: suggestionVersion(model.version),
      trainedOn: training.length,
      demoCaseStudies: demo.length,
      handWrittenExamples: handWritten.length,
    },
    results,
  }
}

type Results = ReturnType<typeof suggestFor>['results']

function figuresOf(results: Results) {
  const scored = results.map(({ item, suggestions }) => ({
    suggested: suggestions
      .filter((x) => x.scheme !== EVIDENCE_SCHEME)
      .map((x) => `${x.scheme}:${x.code}`),
    chosen: tagsOf(item.gold),
  }))
  const schemes: SchemeFigures[] = suggestedSchemes.map((scheme) =>
    schemeFigures(scheme, scored, termsOf(scheme)),
  )
  const likely = suggestedSchemes.map((scheme) =>
    schemeFigures(
      scheme,
      results.map(({ item, suggestions }) => ({
        suggested: suggestions
          .filter((x) => x.confidence === 'likely' && x.scheme !== EVIDENCE_SCHEME)
          .map((x) => `${x.scheme}:${x.code}`),
        chosen: tagsOf(item.gold),
      })),
      termsOf(scheme),
    ),
  )
  // Two moderators on the items coded twice, and the suggester on those same items.
  const doubled = results.filter(({ item }) => item.second)
  const humans = suggestedSchemes.map((scheme) => ({
    scheme,
    items: doubled.length,
    ...agreement(
      doubled.map(({ item }) => ({
        first: tagsOf(item.gold).filter((t) => t.startsWith(`${scheme}:`)),
        second: tagsOf(item.second!).filter((t) => t.startsWith(`${scheme}:`)),
      })),
      termsOf(scheme),
    ),
    suggesterKappa: schemeFigures(
      scheme,
      doubled.map(({ item, suggestions }) => ({
        suggested: suggestions.map((x) => `${x.scheme}:${x.code}`),
        chosen: tagsOf(item.gold),
      })),
      termsOf(scheme),
    ).kappa,
  }))
  const ratings = results.map(({ item, suggestions }) => ({
    gold: item.gold.evidenceStrength,
    suggested: Number(suggestions.find((x) => x.scheme === EVIDENCE_SCHEME)?.code ?? NaN),
  }))
  const evidence = {
    items: ratings.length,
    exact: ratings.filter((r) => r.suggested === r.gold).length / ratings.length,
    withinOne: ratings.filter((r) => Math.abs(r.suggested - r.gold) <= 1).length / ratings.length,
  }
  return {
    heldOut: results.length,
    doubleCoded: doubled.length,
    schemes,
    likely,
    humans,
    evidence,
    results,
  }
}

const pct = (x: number | null) => (x === null ? '   –' : x.toFixed(2).padStart(5))

function print(report: ReturnType<typeof evaluate>) {
  const out: string[] = []
  out.push(
    `Tag suggestions: model ${report.model.version}, trained on ${report.model.demoCaseStudies} demo case studies and ${report.model.handWrittenExamples} hand-written examples; ${report.set} of ${report.heldOut} hand-written submissions${report.doubleCoded ? ` (${report.doubleCoded} coded twice)` : ''}.`,
    '',
    'Against the careful moderator’s tags (every suggestion, likely or possible, at most 3 a scheme):',
    'scheme      suggested  chosen  kept  precision  recall     F1   kappa',
  )
  for (const s of report.schemes)
    out.push(
      `${s.scheme.padEnd(10)} ${String(s.suggested).padStart(10)} ${String(s.chosen).padStart(7)} ${String(s.kept).padStart(5)}      ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}   ${pct(s.kappa)}`,
    )
  out.push(
    '',
    'Only the suggestions called likely:',
    'scheme      precision  recall     F1   kappa',
  )
  for (const s of report.likely)
    out.push(
      `${s.scheme.padEnd(10)}      ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}   ${pct(s.kappa)}`,
    )
  if (report.doubleCoded > 0) {
    out.push(
      '',
      `Beside two moderators (the ${report.doubleCoded} items coded twice, independently):`,
      'scheme      moderators’ kappa  agreement   suggester’s kappa on the same items',
    )
    for (const h of report.humans)
      out.push(
        `${h.scheme.padEnd(10)}            ${pct(h.kappa)}     ${String(h.percent).padStart(5)}%               ${pct(h.suggesterKappa)}`,
      )
  }
  out.push(
    '',
    `Strength of evidence: the suggested rating is the moderator’s for ${(report.evidence.exact * 100).toFixed(0)}% of items, within one level for ${(report.evidence.withinOne * 100).toFixed(0)}%.`,
  )
  if (args.has('--items'))
    for (const { item, suggestions } of report.results)
      out.push(
        '',
        `${item.id} ${item.title}`,
        `  chosen:    ${tagsOf(item.gold).join(' ')} ev${item.gold.evidenceStrength}`,
        `  suggested: ${suggestions.map((s) => `${s.scheme}:${s.code}(${s.confidence[0]}${s.score.toFixed(2)})`).join(' ')}`,
      )
  console.log(out.join('\n'))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const unknown = argv.filter(
    (a) => a.startsWith('--') && !['--set', '--json', '--items'].includes(a),
  )
  if (unknown.length > 0)
    throw new Error(
      `${unknown.join(' ')}: the options are --set dev, authors or held-out, --json and --items`,
    )
  if (args.has('--items') && !useDev)
    throw new Error('--items lists the development set only: add --set dev')
  const report = useDev
    ? evaluate(devSubmissions, 'development set')
    : useAuthors
      ? crossValidate()
      : evaluate()
  if (args.has('--json')) {
    const { results: _results, ...figures } = report
    console.log(JSON.stringify(figures, null, 2))
  } else print(report)
}
