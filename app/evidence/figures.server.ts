import type { AppLoadContext } from '@remix-run/node'
import {
  evidenceTotals,
  responsesReceived,
  tallyEvidenceBy,
  tallyEvidenceByTag,
  type Tally,
} from '../../db/repositories/evidence-figures'
import { statusLabels, type SubmissionStatus } from '../moderation/state-machine'
import { toEvidenceScope, type EvidenceFilter } from './evidence-filter'
import { formatCount, showTally } from './suppression'
import type { EvidenceVocabulary, Option } from './vocabulary.server'

/** One bar of a breakdown; `count` is null where a public output suppresses it. */
export interface Figure {
  value: string
  label: string
  count: number | null
  averageStrength: number | null
}

export interface Breakdown {
  key: string
  title: string
  figures: Figure[]
}

export interface EvidenceFigures {
  total: number | null
  schools: number | null
  averageStrength: number | null
  published: number | null
  evidenceOnly: number | null
  breakdowns: Breakdown[]
  /** The call's whole pipeline, before moderation; only for the advisory group. */
  received: {
    total: number
    byStatus: { value: string; label: string; count: number }[]
    byDay: { day: string; count: number }[]
  } | null
}

/**
 * Everything the dashboard shows for a filter, from the one evidence query. Every option is
 * listed, with zero where nothing matches, so that gaps show.
 */
export async function loadEvidenceFigures(
  context: AppLoadContext,
  filter: EvidenceFilter,
  vocabulary: EvidenceVocabulary,
): Promise<EvidenceFigures> {
  const { db } = context.services
  const scope = toEvidenceScope(filter)
  const [totals, tags, regions, strengths, statuses, consents, received] = await Promise.all([
    evidenceTotals(db, scope),
    tallyEvidenceByTag(db, scope),
    tallyEvidenceBy(db, scope, 'region'),
    tallyEvidenceBy(db, scope, 'evidence'),
    tallyEvidenceBy(db, scope, 'status'),
    tallyEvidenceBy(db, scope, 'consent'),
    filter.audience === 'internal' ? responsesReceived(db, filter.calls) : null,
  ])
  const shown = (tally: Tally | undefined) => showTally(tally, filter.audience)
  const show = (tally: Tally | undefined) => shown(tally).count
  const figuresOf = (options: Option[], tallies: Tally[]): Figure[] =>
    options.map((option) => {
      const { count, averageStrength } = shown(tallies.find((t) => t.key === option.value))
      return { value: option.value, label: option.label, count, averageStrength }
    })
  const ofScheme = (scheme: string) => tags.filter((t) => t.scheme === scheme)
  const { facets, areas } = vocabulary
  const unrated = strengths.find((t) => t.key === '')
  const total = shown(totals.total)
  return {
    total: total.count,
    // A suppressed total comes from one school: saying "1 school" would undo the suppression.
    schools: total.suppressed ? null : totals.schools,
    averageStrength: total.averageStrength,
    published: show(statuses.find((t) => t.key === 'published')),
    evidenceOnly: show(consents.find((t) => t.key === 'evidence-only')),
    breakdowns: [
      {
        key: 'area',
        title: 'Broad area of need',
        figures: figuresOf(areas, ofScheme('need_area')),
      },
      { key: 'need', title: 'Need', figures: figuresOf(facets.need, ofScheme('need')) },
      {
        key: 'practice',
        title: 'Type of practice',
        figures: figuresOf(facets.practice, ofScheme('practice')),
      },
      { key: 'phase', title: 'Phase', figures: figuresOf(facets.phase, ofScheme('phase')) },
      { key: 'setting', title: 'Setting', figures: figuresOf(facets.setting, ofScheme('setting')) },
      { key: 'region', title: 'Region', figures: figuresOf(facets.region, regions) },
      {
        key: 'evidence',
        title: 'Strength of evidence',
        figures: [
          ...figuresOf(facets.evidence, strengths),
          {
            value: 'unrated',
            label: 'Not yet rated',
            count: show(unrated),
            averageStrength: null,
          },
        ],
      },
    ],
    received: received && {
      total: received.byStatus.reduce((sum, s) => sum + s.count, 0),
      byStatus: received.byStatus.map((s) => ({
        value: s.key,
        label: statusLabels[s.key as SubmissionStatus] ?? s.key,
        count: s.count,
      })),
      byDay: withEmptyDays(received.byDay),
    },
  }
}

/** Days with no responses are days too: fill them in between the first and the last. */
export function withEmptyDays(days: { day: string; count: number }[]) {
  if (days.length === 0) return []
  const counts = new Map(days.map((d) => [d.day, d.count]))
  const filled: { day: string; count: number }[] = []
  const last = days[days.length - 1]!.day
  for (let date = new Date(`${days[0]!.day}T00:00:00Z`); ; date.setUTCDate(date.getUTCDate() + 1)) {
    const day = date.toISOString().slice(0, 10)
    filled.push({ day, count: counts.get(day) ?? 0 })
    if (day >= last || filled.length > 3660) break
  }
  return filled
}

/** The headline figures as label and value, shared by the dashboard, the pack and the PDF. */
export function headlineFigures(figures: EvidenceFigures): [string, string][] {
  return [
    ['Case studies', formatCount(figures.total)],
    ['Published in the library', formatCount(figures.published)],
    ['Evidence only (not published)', formatCount(figures.evidenceOnly)],
    ['Schools', formatCount(figures.schools)],
    [
      'Mean evidence strength (0 to 4)',
      figures.total === null
        ? 'not shown (fewer than 5 case studies)'
        : figures.averageStrength === null
          ? 'none rated'
          : figures.averageStrength.toFixed(1),
    ],
  ]
}
