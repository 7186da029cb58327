import type { Paragraph, Table } from 'docx'
import type { EvidenceRow } from '../../../db/repositories/evidence-rows'
import { evidenceStrengthLabel } from '../../library/evidence-strength'
import { evidenceHref } from '../evidence-filter'
import { DOCX_APPENDIX_LIMIT } from '../export.schema'
import { heading, link, paragraph, table, tableTextSize, type Cell } from './docx-blocks.server'
import type { ExportSource } from './source.server'

/**
 * The Word pack's appendix: the filter's case studies by reference, read through the same cursor
 * (and, for publication, the same boundary guard) as every export. A Word document is built in
 * memory, so it stops after the first DOCX_APPENDIX_LIMIT and says where the rest are.
 */
export async function appendixSection(
  source: ExportSource,
  rowCount: number,
): Promise<(Paragraph | Table)[]> {
  const rows: EvidenceRow[] = []
  let more = false
  for await (const row of source.rows()) {
    if (rows.length === DOCX_APPENDIX_LIMIT) {
      // Leaving the loop closes the cursor.
      more = true
      break
    }
    rows.push(row)
  }
  return appendixBody(source, rows, more ? rowCount : null)
}

function appendixBody(source: ExportSource, rows: EvidenceRow[], capped: number | null) {
  const { publicBaseUrl } = source.context
  const exportUrl = `${publicBaseUrl}${evidenceHref('/evidence/export', source.filter)}`
  const labels = (row: EvidenceRow, scheme: string) =>
    row.tags
      .filter((tag) => tag.scheme === scheme)
      .map((tag) => tag.label)
      .join('; ')
  const linkTo = (row: EvidenceRow): Cell => {
    if (row.status !== 'published') return 'not published'
    const url = `${publicBaseUrl}/library/${row.slug}`
    return [link(url, url, tableTextSize({ small: true }))]
  }
  return [
    heading('Appendix: case studies in this pack', 1),
    ...(capped === null
      ? []
      : [
          paragraph(
            `This appendix lists the first ${rows.length.toLocaleString('en-GB')} of the ${capped.toLocaleString('en-GB')} case studies in this filter, in reference order. The other ${(capped - rows.length).toLocaleString('en-GB')} are in the CSV and XLSX exports of the same filter: `,
            link('export the evidence', exportUrl),
            '.',
          ),
        ]),
    ...(rows.length === 0
      ? [paragraph('No case studies match this filter.')]
      : table({
          caption: 'Case studies by reference',
          head: ['Reference', 'Title', 'Type of practice', 'Need', 'Evidence strength', 'Link'],
          widths: [2, 4, 3, 3, 2, 3],
          small: true,
          rows: rows.map((row) => [
            row.reference,
            row.title,
            labels(row, 'practice'),
            labels(row, 'need'),
            evidenceStrengthLabel(row.evidence_strength),
            linkTo(row),
          ]),
        })),
  ]
}
