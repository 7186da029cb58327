import type { AppLoadContext } from '@remix-run/node'
import { evidenceGapCells } from '../../db/repositories/evidence-figures'
import { listEvidenceToQuote } from '../../db/repositories/evidence-rows'
import { exportColumns } from './exports/columns'
import { toEvidenceScope, type EvidenceFilter } from './evidence-filter'
import { loadEvidenceFigures, type EvidenceFigures } from './figures.server'
import type { GapMap } from './gap-map'
import { loadGapMap } from './gap-map.server'
import { withoutIdentifiers } from '../privacy/public-boundary.server'
import { shownCount } from './suppression'
import { describeEvidenceFilter, type EvidenceVocabulary } from './vocabulary.server'

export interface Quote {
  reference: string
  title: string
  text: string
  /** Set only for published case studies, which a reader can open. */
  slug: string | null
}

export interface AreaHighlight {
  value: string
  label: string
  total: number | null
  practices: { value: string; label: string; count: number | null; quotes: Quote[] }[]
}

export interface EvidencePack {
  description: string[]
  figures: EvidenceFigures
  gapMap: GapMap
  highlights: AreaHighlight[]
  dictionary: { header: string; description: string }[]
}

export const PACK_METHOD = [
  'Schools, trusts and local areas answered the call for evidence in their own words. Moderators read each response, removed personal data, tagged it against the taxonomy (needs, types of practice, phase, setting) and rated how well its impact is evidenced, from 0 (description only) to 4 (comparison-group evaluation).',
  'The figures count case studies: one case study is one response, however many schools it covers. A case study tagged with several needs or practices is counted once under each, so breakdowns add up to more than the total.',
  'Every figure, table and export of the same filter comes from the same query, so they agree.',
]

export const PACK_CAVEATS = [
  'Responses are self-selected: schools chose to respond, so the evidence shows what is possible, not how common it is.',
  'Evidence strength rates what each school told us about its impact. It is not an independent evaluation.',
  'A gap in the map means no case study in this filter was tagged with that practice and need. It does not mean that the practice does not happen or does not work.',
  'In outputs for publication, counts of 1 to 4 case studies that all come from one school are shown as “fewer than 5”.',
]

const QUOTE_LENGTH = 240

/**
 * A short quote in the respondent's own words: the first sentence of the case study's impact
 * section (or, if that is empty, of its practice section), cut at a word. Both start from the
 * respondent's answers; the summary is the moderator's, so it is never quoted.
 */
export function shortQuote(impact: string, practice: string): string {
  const text = (impact.trim() || practice.trim()).replace(/\s+/g, ' ')
  const sentence = text.match(/^.+?[.!?](\s|$)/)?.[0]?.trim() ?? text
  if (sentence.length <= QUOTE_LENGTH) return sentence
  return `${sentence.slice(0, QUOTE_LENGTH).replace(/\s+\S*$/, '')}…`
}

/**
 * Everything in the evidence pack except the appendix (which the PDF streams): the filter in
 * words, the headline figures, the gap map, and for each broad area of need its most common
 * practices with short quotes.
 */
export async function loadEvidencePack(
  context: AppLoadContext,
  filter: EvidenceFilter,
  vocabulary: EvidenceVocabulary,
): Promise<EvidencePack> {
  const { db } = context.services
  const scope = toEvidenceScope(filter)
  const [figures, gapMap, areaCells] = await Promise.all([
    loadEvidenceFigures(context, filter, vocabulary),
    loadGapMap(context, filter, vocabulary, []),
    evidenceGapCells(db, scope, 'area'),
  ])
  const areaFigures = figures.breakdowns.find((b) => b.key === 'area')?.figures ?? []
  const areaTotal = (value: string) => {
    const figure = areaFigures.find((f) => f.value === value)
    return figure ? figure.count : 0
  }
  const highlights = await Promise.all(
    vocabulary.areas.map(async (area) => {
      const top = areaCells
        .filter((cell) => cell.need === area.value && shownCount(cell, filter.audience) !== null)
        .sort((a, b) => b.count - a.count || a.practice.localeCompare(b.practice))
        .slice(0, 3)
      const practices = await Promise.all(
        top.map(async (cell) => {
          const rows = await listEvidenceToQuote(
            db,
            {
              ...scope,
              alsoTags: { need: area.needs.map((n) => n.value), practice: [cell.practice] },
            },
            2,
          )
          return {
            value: cell.practice,
            label: vocabulary.label('practice', cell.practice),
            count: shownCount(cell, filter.audience),
            quotes: (filter.audience === 'publication'
              ? await withoutIdentifiers(db, rows)
              : rows
            ).map((row) => ({
              reference: row.reference,
              title: row.title,
              text: shortQuote(row.impact, row.practice),
              slug: row.status === 'published' ? row.slug : null,
            })),
          }
        }),
      )
      return {
        value: area.value,
        label: area.label,
        // Null where suppressed: the figure's own decision, never turned into a zero.
        total: areaTotal(area.value),
        practices,
      }
    }),
  )
  return {
    description: describeEvidenceFilter(filter, vocabulary),
    figures,
    gapMap,
    highlights,
    dictionary: exportColumns(false).map((c) => ({ header: c.header, description: c.description })),
  }
}
