import type { AppLoadContext } from '@remix-run/node'
import { evidenceGapCells, tallyEvidenceByTag } from '../../db/repositories/evidence-figures'
import { evidenceTotals } from '../../db/repositories/evidence-figures'
import { toEvidenceScope, type EvidenceFilter } from './evidence-filter'
import { showTally, type TallyToShow } from './suppression'
import type { GapColumn, GapMap } from './gap-map'
import type { EvidenceVocabulary } from './vocabulary.server'

/**
 * Practice types (rows) by needs (columns): broad areas, any of which can be expanded into its
 * need codes. Each cell counts distinct case studies and gives their mean evidence strength.
 */
export async function loadGapMap(
  context: AppLoadContext,
  filter: EvidenceFilter,
  vocabulary: EvidenceVocabulary,
  expanded: string[],
): Promise<GapMap> {
  const { db } = context.services
  const scope = toEvidenceScope(filter)
  const anyExpanded = vocabulary.areas.some((a) => expanded.includes(a.value))
  const [areaCells, codeCells, tags, totals] = await Promise.all([
    evidenceGapCells(db, scope, 'area'),
    anyExpanded ? evidenceGapCells(db, scope, 'code') : Promise.resolve([]),
    tallyEvidenceByTag(db, scope),
    evidenceTotals(db, scope),
  ])
  const show = (tally: TallyToShow | undefined) => showTally(tally, filter.audience).count
  const tagTally = (scheme: string, code: string) =>
    tags.find((t) => t.scheme === scheme && t.key === code)
  const columns = vocabulary.areas.flatMap((area): GapColumn[] =>
    expanded.includes(area.value)
      ? area.needs.map((need) => ({
          value: need.value,
          label: need.label,
          level: 'code',
          area: area.value,
          needs: [need.value],
          total: show(tagTally('need', need.value)),
        }))
      : [
          {
            value: area.value,
            label: area.label,
            level: 'area',
            area: area.value,
            needs: area.needs.map((n) => n.value),
            total: show(tagTally('need_area', area.value)),
          },
        ],
  )
  let gapCount = 0
  const rows = vocabulary.facets.practice.map((practice) => ({
    value: practice.value,
    label: practice.label,
    total: show(tagTally('practice', practice.value)),
    cells: columns.map((column) => {
      const cell = (column.level === 'area' ? areaCells : codeCells).find(
        (c) => c.practice === practice.value && c.need === column.value,
      )
      if (!cell) gapCount++
      const { count, averageStrength } = showTally(cell, filter.audience)
      return { count, averageStrength }
    }),
  }))
  return { total: show(totals.total), columns, rows, gapCount }
}
