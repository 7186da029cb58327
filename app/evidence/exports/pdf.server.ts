import { PassThrough, type Readable } from 'node:stream'
import { formatLondonDate, formatLondonDateTime } from '../../utils/london-time'
import type { EvidenceAudience } from '../evidence-filter'
import { headlineFigures } from '../figures.server'
import { PACK_CAVEATS, PACK_METHOD, type EvidencePack } from '../pack.server'
import { drawBarChart } from './pdf/chart.server'
import { BODY, EvidencePdf } from './pdf/document.server'
import { drawGapMap } from './pdf/gap-map.server'
import { COLOURS } from './pdf/palette'
import {
  writeAppendix,
  writeDictionary,
  writeFigureTables,
  writeHighlights,
} from './pdf/sections.server'
import { runInto, type ExportSource } from './source.server'

// Kept at its old address, where the unit tests import it from.
export { pdfText } from './pdf/fonts.server'

export const PDF_TITLE = 'Inclusion in Practice: evidence summary'

/**
 * The Government Security Classification: a summary for publication holds only published case
 * studies with small counts suppressed; the advisory group's holds unpublished evidence.
 */
export function securityMarking(audience: EvidenceAudience) {
  return audience === 'publication' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE'
}

const AUDIENCES: Record<EvidenceAudience, { short: string; long: string; handling: string }> = {
  publication: {
    short: 'For publication',
    long: 'For publication: published case studies only',
    handling:
      'OFFICIAL. Prepared for publication: it holds only case studies published in the library, and counts of 1 to 4 case studies from a single school are shown as “fewer than 5”.',
  },
  internal: {
    short: 'For the advisory group',
    long: 'For the advisory group: includes evidence-only responses',
    handling:
      'OFFICIAL-SENSITIVE. For the advisory group and officials who need it: it includes evidence that schools have not agreed to publish. Do not publish it or share it further. Take figures for publication from a summary prepared for publication.',
  },
}

function writeCover(pdf: EvidencePdf, source: ExportSource, marking: string) {
  const { doc } = pdf
  const audience = AUDIENCES[source.filter.audience]
  const cover = pdf.group(pdf.root, 'Sect')
  doc.y += 40
  pdf.artifact(() => doc.rect(pdf.left, doc.y, pdf.contentWidth, 5).fill(COLOURS.blue))
  doc.y += 22
  pdf.heading(cover, 1, PDF_TITLE)
  pdf.paragraph(cover, audience.long, { style: { size: 15 }, gap: 26 })
  pdf.figures(cover, [
    ['Prepared', `${formatLondonDateTime(source.generatedAt)} (UK time)`],
    ['Audience', audience.short],
    ['Security marking', marking],
  ])
  pdf.heading(cover, 2, 'What this summary covers')
  pdf.bullets(cover, source.description)
  pdf.paragraph(cover, 'The same filter on the evidence dashboard:', { gap: 2 })
  pdf.link(cover, source.reproduceUrl, source.reproduceUrl, {
    description: 'The evidence dashboard with the same filter',
  })

  pdf.use({ ...BODY, size: 10 })
  const width = pdf.contentWidth - 30
  const height = doc.heightOfString(audience.handling, { width }) + 24
  doc.y = Math.max(doc.y + 12, doc.page.maxY() - height)
  const top = doc.y
  pdf.artifact(() => {
    doc.rect(pdf.left, top, pdf.contentWidth, height).fill(COLOURS.lightGrey)
    doc.rect(pdf.left, top, 5, height).fill(COLOURS.text)
  })
  doc.y = top + 12
  pdf.paragraph(cover, audience.handling, { indent: 20 })
  cover.end()
}

function writeSummary(pdf: EvidencePdf, pack: EvidencePack) {
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Headline figures')
  pdf.figures(section, headlineFigures(pack.figures))
  pdf.heading(section, 2, 'Method')
  for (const line of PACK_METHOD) pdf.paragraph(section, line)
  pdf.heading(section, 2, 'Caveats')
  pdf.bullets(section, PACK_CAVEATS)
  section.end()
}

function writeCharts(pdf: EvidencePdf, pack: EvidencePack) {
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Charts')
  pdf.paragraph(
    section,
    'Case studies by each part of the taxonomy. A case study tagged with several values counts under each, so the bars of a chart can add up to more than the total. The figures are given as tables after the quotes.',
  )
  const { received, breakdowns } = pack.figures
  if (received) {
    drawBarChart(pdf, section, {
      title: 'Responses by status',
      bars: received.byStatus.map((s) => ({ label: s.label, value: s.count })),
    })
  }
  for (const breakdown of breakdowns) {
    drawBarChart(pdf, section, {
      title: `Case studies by ${breakdown.title.toLowerCase()}`,
      bars: breakdown.figures.map((f) => ({ label: f.label, value: f.count })),
    })
  }
  section.end()
}

function writeGapMap(pdf: EvidencePdf, pack: EvidencePack) {
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Evidence gap map')
  pdf.paragraph(
    section,
    `Case studies by type of practice and broad area of need. The darker the cell, the stronger its evidence on average. ${pack.gapMap.gapCount.toLocaleString('en-GB')} of ${(pack.gapMap.rows.length * pack.gapMap.columns.length).toLocaleString('en-GB')} cells are gaps.`,
  )
  drawGapMap(pdf, section, pack.gapMap)
  section.end()
}

/**
 * The evidence summary as a tagged PDF for readers outside the service (up to a minister's
 * office): a cover with the filter in words, the date and the security marking (repeated in
 * every page's running header and footer, with "Page X of Y"), headline figures, method and
 * caveats, the dashboard's charts, the gap map, quotes, the figures as tables, the data
 * dictionary, and an appendix of every case study, streamed from Postgres as it is written.
 */
export function writeEvidencePdf(source: ExportSource, pack: EvidencePack): Readable {
  const out = new PassThrough()
  const marking = securityMarking(source.filter.audience)
  const pdf = new EvidencePdf(
    {
      title: PDF_TITLE,
      marking,
      audience: AUDIENCES[source.filter.audience].short,
      prepared: `Prepared ${formatLondonDate(source.generatedAt)} (UK time)`,
    },
    { subject: source.description.join('. ') },
  )
  pdf.doc.pipe(out)
  runInto(out, async () => {
    writeCover(pdf, source, marking)
    pdf.newPage()
    writeSummary(pdf, pack)
    pdf.newPage()
    writeCharts(pdf, pack)
    pdf.newPage()
    writeGapMap(pdf, pack)
    pdf.newPage()
    await writeHighlights(pdf, pack, source, out)
    pdf.newPage()
    writeFigureTables(pdf, pack)
    writeDictionary(pdf, pack)
    await writeAppendix(pdf, source, out)
    pdf.finish()
  })
  return out
}
