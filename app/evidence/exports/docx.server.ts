import { PassThrough, type Readable } from 'node:stream'
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx'
import { formatLondonDateTime } from '../../utils/london-time'
import { evidenceHref, type EvidenceFilter } from '../evidence-filter'
import { headlineFigures, type Breakdown } from '../figures.server'
import { PACK_CAVEATS, PACK_METHOD, type EvidencePack } from '../pack.server'
import { caseStudiesText, formatCount, noPracticesText } from '../suppression'
import {
  DOCX_STYLES,
  bullet,
  heading,
  link,
  note,
  paragraph,
  quote,
  table,
} from './docx-blocks.server'
import { appendixSection } from './docx-appendix.server'
import { drawBreakdownChart, type ChartImage } from './docx-chart.server'
import { runInto, type ExportSource } from './source.server'

/** The Government Security Classifications marking, in the header of every page. */
export function securityMarking(filter: EvidenceFilter): 'OFFICIAL' | 'OFFICIAL-SENSITIVE' {
  return filter.audience === 'publication' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE'
}

/** Chart width on an A4 portrait page with Word's default margins, in CSS pixels. */
const PAGE_WIDTH_PX = 600

/**
 * The evidence pack as a Word document that a policy team can edit into its own paper: the
 * HTML pack's sections in its order, with Word heading styles, tables with repeating header rows,
 * each breakdown as a chart (SVG with a PNG fallback, with alt text) beside its table, and an
 * appendix of the first case studies by reference.
 */
export function writeEvidenceDocx(
  source: ExportSource,
  pack: EvidencePack,
  rowCount: number,
): Readable {
  const out = new PassThrough()
  runInto(out, async () => {
    const [charts, appendix] = await Promise.all([
      Promise.all(pack.figures.breakdowns.map(drawBreakdownChart)),
      appendixSection(source, rowCount),
    ])
    const marking = securityMarking(source.filter)
    const doc = new Document({
      title: 'Inclusion in Practice: evidence pack',
      subject: 'Evidence of how mainstream schools include pupils with SEND',
      creator: 'Inclusion in Practice',
      lastModifiedBy: 'Inclusion in Practice',
      description: source.description.join('. '),
      styles: DOCX_STYLES,
      sections: [
        { ...pageFurniture(marking), children: packBody(source, pack, charts) },
        {
          ...pageFurniture(marking),
          properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
          children: appendix,
        },
      ],
    })
    out.end(await Packer.toBuffer(doc))
  })
  return out
}

function pageFurniture(marking: string): Pick<ISectionOptions, 'headers' | 'footers'> {
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: marking, bold: true })],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
              }),
            ],
          }),
        ],
      }),
    },
  }
}

const strength = (average: number | null) => (average === null ? 'none rated' : average.toFixed(1))

function breakdownSection(breakdown: Breakdown, chart: ChartImage) {
  const scale = PAGE_WIDTH_PX / chart.width
  const withStrength = breakdown.key !== 'evidence'
  return [
    heading(`By ${breakdown.title.toLowerCase()}`, 2),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: chart.svg,
          fallback: { type: 'png', data: chart.png },
          transformation: {
            width: Math.round(chart.width * scale),
            height: Math.round(chart.height * scale),
          },
          altText: { name: chart.title, title: chart.title, description: chart.description },
        }),
      ],
    }),
    ...table({
      caption: chart.title,
      head: [breakdown.title, 'Case studies', ...(withStrength ? ['Mean evidence strength'] : [])],
      numeric: [1, 2],
      widths: withStrength ? [3, 1, 1] : [3, 1],
      rows: breakdown.figures.map((figure) => [
        figure.label,
        formatCount(figure.count),
        // A suppressed count's strength would describe the one school it hides.
        ...(withStrength
          ? [figure.count === null ? 'not shown' : strength(figure.averageStrength)]
          : []),
      ]),
    }),
  ]
}

function packBody(source: ExportSource, pack: EvidencePack, charts: ChartImage[]) {
  const { gapMap } = pack
  const { publicBaseUrl } = source.context
  return [
    note('Inclusion in Practice'),
    heading('Evidence pack', 'title'),
    paragraph(`Prepared ${formatLondonDateTime(source.generatedAt)} (UK time)`),

    heading('What this pack covers', 1),
    ...source.description.map((line) => bullet(line)),
    paragraph(
      'Open this view again, with the same filter: ',
      link(source.reproduceUrl, source.reproduceUrl),
    ),

    heading('Headline figures', 1),
    ...table({
      caption: 'Headline figures',
      head: ['Figure', 'Value'],
      numeric: [1],
      widths: [3, 1],
      rows: headlineFigures(pack.figures),
    }),
    ...pack.figures.breakdowns.flatMap((breakdown, i) => breakdownSection(breakdown, charts[i]!)),

    heading('Method', 1),
    ...PACK_METHOD.map((line) => paragraph(line)),
    heading('Caveats', 1),
    ...PACK_CAVEATS.map((line) => bullet(line)),

    heading('Evidence gap map', 1),
    ...table({
      caption: 'Case studies by type of practice and need',
      head: [
        'Type of practice',
        ...gapMap.columns.map((column) => `${column.label} (${formatCount(column.total)})`),
        'All needs',
      ],
      numeric: gapMap.columns.map((_, i) => i + 1).concat(gapMap.columns.length + 1),
      widths: [2.5, ...gapMap.columns.map(() => 2), 1.5],
      small: true,
      rows: gapMap.rows.map((row) => [
        row.label,
        ...row.cells.map((cell) =>
          cell.count === 0
            ? 'gap'
            : `${formatCount(cell.count)}, strength ${cell.count === null ? 'not shown' : strength(cell.averageStrength)}`,
        ),
        formatCount(row.total),
      ]),
    }),
    paragraph(
      `Each cell counts case studies tagged with that practice and a need in that area, with their mean evidence strength (0 description only, 4 comparison-group evaluation). “gap” marks a cell with no case studies: ${gapMap.gapCount.toLocaleString('en-GB')} of ${(gapMap.rows.length * gapMap.columns.length).toLocaleString('en-GB')} cells.`,
    ),

    heading('Most common practice by broad area of need', 1),
    ...pack.highlights.flatMap((area) => [
      heading(`${area.label} (${caseStudiesText(area.total)})`, 2),
      ...(area.practices.length === 0 ? [paragraph(noPracticesText(area.total))] : []),
      ...area.practices.flatMap((practice) => [
        heading(`${practice.label}: ${formatCount(practice.count)}`, 3),
        ...practice.quotes.flatMap((q) =>
          quote(q.text, [
            q.slug ? link(q.title, `${publicBaseUrl}/library/${q.slug}`) : new TextRun(q.title),
            new TextRun(` (${q.reference})`),
          ]),
        ),
      ]),
    ]),

    heading('Data dictionary', 1),
    ...table({
      caption: 'The columns of the CSV, XLSX and JSON exports',
      head: ['Column', 'What it holds'],
      widths: [1, 3],
      rows: pack.dictionary.map((entry) => [entry.header, entry.description]),
    }),
    paragraph(
      'The appendix lists the case studies by reference. To work with the case studies themselves, export them as CSV or XLSX: ',
      link(
        'export the evidence',
        `${publicBaseUrl}${evidenceHref('/evidence/export', source.filter)}`,
      ),
      '.',
    ),
  ]
}
