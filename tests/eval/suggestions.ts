// `npm run eval:suggestions`: trains the tag suggester on the demo corpus, the way the platform
// trains it on published case studies, and measures it on the hand-written held-out set in
// tests/fixtures/suggestions/, which it never learns from. Prints precision, recall, F1 and
// Cohen's kappa per scheme against the careful moderator's tags, beside the agreement of two
// moderators who coded the same items independently.
//
// The development set (tests/fixtures/suggestions/dev.ts) is a second hand-written set, for
// tuning: cue phrases, weights and cut-offs are judged on it, and the held-out set is read only
// to report figures once tuning is done, so that they are not flattered by it. Neither is
// trained on, except in one experiment: `--train-with dev12` adds the first two authors' items
// (dev-1 to dev-120) to the demo corpus, to see whether hand-written examples carry to a third
// author's wording, and so it scores only the third author's items (`--set dev3`). Listing items
// is for the development set; the held-out items stay unread.
//
//   npm run eval:suggestions                        the table, on the held-out set
//   npm run eval:suggestions -- --json              the figures as JSON
//   npm run eval:suggestions -- --set dev           the table on the development set
//   npm run eval:suggestions -- --set dev2          the table on the second author's part of it
//   npm run eval:suggestions -- --set dev3          the table on the third author's part of it
//                                                   (written without reading the suggester's cues)
//   npm run eval:suggestions -- --set dev --items   every development item's suggestions
//                                                   against its tags
//   npm run eval:suggestions -- --set dev3 --train-with dev12 [--repeat N]
//                                                   the experiment: trained on the demo corpus
//                                                   and dev-1 to dev-120 (each N times, 1 if
//                                                   not given), scored on dev-121 to dev-180

import { taxonomyTerms } from '../../app/reference/taxonomy'
import { synonymGroups } from '../../app/reference/synonyms'
import { agreement } from '../../app/moderation/agreement'
import { conditions } from '../../app/reference/conditions'
import { needCueMatcher } from '../../app/suggestions/need-cues'
import { schemeFigures, type SchemeFigures } from '../../app/suggestions/evaluation'
import { loadModel, trainModel, type TrainingExample } from '../../app/suggestions/model'
import { EVIDENCE_SCHEME, suggestedSchemes } from '../../app/suggestions/schemes'
import { suggestionVersion, suggestTags } from '../../app/suggestions/suggest'
import { caseStudyText } from '../../app/suggestions/texts'
import { buildDemoCaseStudies } from '../../seeds/data/demo-case-studies'
import {
  heldOutSubmissions,
  type Coding,
  type HeldOutSubmission,
} from '../fixtures/suggestions/held-out'
import {
  devFirstAuthor,
  devSecondAuthor,
  devSubmissions,
  devThirdAuthor,
} from '../fixtures/suggestions/dev'

const argv = process.argv.slice(2)
const args = new Set(argv)
const setName = argv[argv.indexOf('--set') + 1]
const useDev = args.has('--set') && (setName === 'dev' || setName === 'dev2' || setName === 'dev3')
if (args.has('--set') && !useDev && setName !== 'held-out')
  throw new Error(`--set ${setName ?? ''}: the sets are dev, dev2, dev3 and held-out`)

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

export function heldOutText(s: HeldOutSubmission) {
  return [s.title, s.challenge, s.dayToDay, s.keyFactors, s.advice, s.whatChanged, s.howYouKnow]
    .filter(Boolean)
    .join('\n')
}

const tagsOf = (c: Coding) => [
  ...c.need.map((x) => `need:${x}`),
  ...c.practice.map((x) => `practice:${x}`),
  ...c.phase.map((x) => `phase:${x}`),
  ...c.setting.map((x) => `setting:${x}`),
]

/** Hand-written items as training examples: their text, and the careful moderator's tags. */
export function handWrittenTrainingSet(
  items: readonly HeldOutSubmission[],
  repeat = 1,
): TrainingExample[] {
  const once = items.map((s) => ({
    text: heldOutText(s),
    organisationKind: s.organisationKind,
    tags: tagsOf(s.gold),
    evidenceStrength: s.gold.evidenceStrength,
  }))
  return Array.from({ length: repeat }, () => once).flat()
}

/** Hand-written items added to the demo corpus for training, for the `--train-with` experiment. */
export interface ExtraTraining {
  name: string
  items: readonly HeldOutSubmission[]
  /** How many times each item counts. */
  repeat: number
}

function termsOf(scheme: string) {
  return taxonomyTerms.filter((t) => t.scheme === scheme).map((t) => `${scheme}:${t.code}`)
}

export function evaluate(
  submissions: readonly HeldOutSubmission[] = heldOutSubmissions,
  setLabel = 'held-out set',
  extra: ExtraTraining | null = null,
) {
  const known = new Set(taxonomyTerms.map((t) => `${t.scheme}:${t.code}`))
  for (const s of submissions)
    for (const tag of [...tagsOf(s.gold), ...(s.second ? tagsOf(s.second) : [])])
      if (!known.has(tag)) throw new Error(`${s.id}: ${tag} is not in the taxonomy`)
  const trainedOnIds = new Set(extra?.items.map((s) => s.id))
  const overlap = submissions.filter((s) => trainedOnIds.has(s.id))
  if (overlap.length > 0)
    throw new Error(`${overlap[0]!.id} and ${overlap.length - 1} more are trained on and scored`)

  const demo = demoTrainingSet()
  const training = extra ? [...demo, ...handWrittenTrainingSet(extra.items, extra.repeat)] : demo
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
    model: {
      version: suggestionVersion(model.version),
      trainedOn: demo.length,
      extra: extra && { name: extra.name, items: extra.items.length, repeat: extra.repeat },
    },
    set: setLabel,
    heldOut: submissions.length,
    doubleCoded: doubled.length,
    schemes,
    likely,
    humans,
    evidence,
    results,
  }
}

const pct = (x: number | null) => (x === null ? '   –' : x.toFixed(2).padStart(5))

function extraNote(extra: { name: string; items: number; repeat: number } | null) {
  if (!extra) return ''
  const times = extra.repeat === 1 ? '' : `, each ${extra.repeat} times`
  return ` and ${extra.items} hand-written items (${extra.name}${times})`
}

/** The `--train-with` and `--repeat` options, refused where a trained-on item would be scored. */
function extraTraining(): ExtraTraining | null {
  const value = (flag: string) => (args.has(flag) ? argv[argv.indexOf(flag) + 1] : undefined)
  const trainWith = value('--train-with')
  const repeatText = value('--repeat')
  if (!args.has('--train-with')) {
    if (args.has('--repeat')) throw new Error('--repeat goes with --train-with dev12')
    return null
  }
  if (trainWith !== 'dev12')
    throw new Error(`--train-with ${trainWith ?? ''}: the only hand-written training set is dev12`)
  if (setName !== 'dev3' || !args.has('--set'))
    throw new Error(
      '--train-with dev12 trains on dev-1 to dev-120: use it with --set dev3, which scores none',
    )
  const repeat = repeatText === undefined ? 1 : Number(repeatText)
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new Error(`--repeat ${repeatText ?? ''}: give a whole number of times, 1 or more`)
  return { name: 'dev12', items: [...devFirstAuthor, ...devSecondAuthor], repeat }
}

function print(report: ReturnType<typeof evaluate>) {
  const out: string[] = []
  out.push(
    `Tag suggestions: model ${report.model.version}, trained on ${report.model.trainedOn} demo case studies${extraNote(report.model.extra)}; ${report.set} of ${report.heldOut} hand-written submissions (${report.doubleCoded} coded twice).`,
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
  out.push(
    '',
    `Beside two moderators (the ${report.doubleCoded} items coded twice, independently):`,
    'scheme      moderators’ kappa  agreement   suggester’s kappa on the same items',
  )
  for (const h of report.humans)
    out.push(
      `${h.scheme.padEnd(10)}            ${pct(h.kappa)}     ${String(h.percent).padStart(5)}%               ${pct(h.suggesterKappa)}`,
    )
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
  if (args.has('--items') && !useDev)
    throw new Error('--items lists the development set only: add --set dev, dev2 or dev3')
  const extra = extraTraining()
  const report = !useDev
    ? evaluate()
    : setName === 'dev2'
      ? evaluate(devSecondAuthor, 'development set, second author')
      : setName === 'dev3'
        ? evaluate(devThirdAuthor, 'development set, third author', extra)
        : evaluate(devSubmissions, 'development set')
  if (args.has('--json')) {
    const { results: _results, ...figures } = report
    console.log(JSON.stringify(figures, null, 2))
  } else print(report)
}
