import type { Readable, Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { caseStudiesText, formatCount, noPracticesText } from '../../suppression'
import type { EvidencePack, Quote } from '../../pack.server'
import { whenWritable, type ExportSource } from '../source.server'
import { BODY, type EvidencePdf, type Struct } from './document.server'
import { COLOURS } from './palette'
import { PdfTable } from './table.server'

// The parts of the evidence summary after its opening pages: quotes, the figures as tables, the
// data dictionary and the appendix of every case study.

/**
 * Waits until the reader has taken what has been written so far (or has gone away). pdfkit keeps
 * writing into its own buffer while the pipe to the reader is paused, so a slow reader is felt
 * here rather than as memory: both the document's buffer and the reader's must have room.
 */
export async function whenTaken(pdf: EvidencePdf, out: Writable) {
  const doc = pdf.doc as unknown as Readable
  while (!out.destroyed && doc.readableLength > doc.readableHighWaterMark) {
    if (out.writableNeedDrain) await whenWritable(out)
    else await nextTurn()
  }
}

const quoted = (text: string) => `“${text.replace(/^["“]+|["”]+$/g, '')}”`

/** A respondent's words, attributed by the case study's title; a link where it is published. */
function writeQuote(pdf: EvidencePdf, parent: Struct, quote: Quote, publicBaseUrl: string) {
  const { doc } = pdf
  const indent = 14
  const attribution = `From the case study “${quote.title}”${quote.slug ? '' : ' (not published)'}`
  pdf.use(BODY)
  const width = pdf.contentWidth - indent
  const height =
    doc.heightOfString(quoted(quote.text), { width }) +
    doc.heightOfString(attribution, { width }) +
    (quote.slug ? 20 : 8)
  pdf.ensureSpace(height)
  const top = doc.y
  const block = pdf.group(parent, 'BlockQuote')
  pdf.paragraph(block, quoted(quote.text), { indent, gap: 2 })
  pdf.paragraph(block, attribution, {
    indent,
    style: { size: 9, colour: COLOURS.secondaryText },
    gap: 2,
  })
  if (quote.slug) {
    const url = `${publicBaseUrl}/library/${quote.slug}`
    pdf.link(block, url, url, {
      indent,
      description: `“${quote.title}” in the Inclusion in Practice library`,
    })
  }
  block.end()
  pdf.artifact(() => doc.rect(pdf.left, top, 3, doc.y - top - 6).fill(COLOURS.border))
  doc.y += 4
}

export async function writeHighlights(
  pdf: EvidencePdf,
  pack: EvidencePack,
  source: ExportSource,
  out: Writable,
) {
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Most common practice by broad area of need')
  pdf.paragraph(
    section,
    'For each broad area of need, the types of practice most often tagged, with up to two quotes each. Quotes are respondents’ own words from the impact or practice sections of their case studies, attributed by the case study’s title.',
  )
  for (const area of pack.highlights) {
    pdf.heading(section, 3, `${area.label} (${caseStudiesText(area.total)})`)
    if (area.practices.length === 0) pdf.paragraph(section, noPracticesText(area.total))
    for (const practice of area.practices) {
      pdf.paragraph(section, `${practice.label}: ${caseStudiesText(practice.count)}`, {
        style: { font: 'bold' },
        gap: 4,
      })
      for (const quote of practice.quotes) {
        writeQuote(pdf, section, quote, source.context.publicBaseUrl)
      }
    }
    await whenTaken(pdf, out)
  }
  section.end()
}

export function writeFigureTables(pdf: EvidencePdf, pack: EvidencePack) {
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Figures as tables')
  pdf.paragraph(
    section,
    'The figures behind each chart, with the mean evidence strength of the case studies counted (0 description only to 4 comparison-group evaluation).',
  )
  const { received, breakdowns } = pack.figures
  if (received) {
    pdf.heading(section, 3, 'Responses by status', { keepWith: 80 })
    const table = new PdfTable(pdf, section, [
      { header: 'Status', width: 3, rowHeader: true },
      { header: 'Responses', width: 1, align: 'right' },
    ])
    for (const s of received.byStatus) table.row([s.label, s.count.toLocaleString('en-GB')])
    table.end()
  }
  for (const breakdown of breakdowns) {
    pdf.heading(section, 3, `Case studies by ${breakdown.title.toLowerCase()}`, { keepWith: 80 })
    const table = new PdfTable(pdf, section, [
      { header: breakdown.title, width: 3, rowHeader: true },
      { header: 'Case studies', width: 1, align: 'right' },
      { header: 'Mean evidence strength', width: 1.2, align: 'right' },
    ])
    for (const figure of breakdown.figures) {
      const mean =
        figure.count === null
          ? 'not shown'
          : figure.averageStrength === null
            ? 'none rated'
            : figure.averageStrength.toFixed(1)
      table.row([figure.label, formatCount(figure.count), mean])
    }
    table.end()
  }
  section.end()
}

export function writeDictionary(pdf: EvidencePdf, pack: EvidencePack) {
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Data dictionary', { keepWith: 80 })
  pdf.paragraph(section, 'The columns of the CSV, XLSX and JSON exports of the same filter.')
  const table = new PdfTable(pdf, section, [
    { header: 'Column', width: 1, rowHeader: true },
    { header: 'What it holds', width: 2.6 },
  ])
  for (const entry of pack.dictionary) table.row([entry.header, entry.description])
  table.end()
  section.end()
}

/**
 * Every case study in the filter as a table on landscape pages, written as the rows arrive from
 * Postgres: the writer waits while the reader is slow, and gives the event loop a turn every few
 * rows so that a long appendix does not hold up other requests.
 */
export async function writeAppendix(pdf: EvidencePdf, source: ExportSource, out: Writable) {
  pdf.newPage('landscape')
  const section = pdf.group(pdf.root, 'Sect')
  pdf.heading(section, 2, 'Appendix: every case study in this summary', { keepWith: 80 })
  pdf.paragraph(
    section,
    'In reference order. Published case studies can be read at their library address; the others are held as evidence only.',
  )
  const column = (key: string) => {
    const found = source.columns.find((c) => c.key === key)
    if (!found) throw new Error(`The export has no ${key} column`)
    return found
  }
  const [reference, title, practices, needs, strength, url] = [
    'reference',
    'title',
    'practices',
    'need_labels',
    'evidence_strength_label',
    'url',
  ].map(column)
  const table = new PdfTable(
    pdf,
    section,
    [
      // Wide enough for the widest reference (IIP-WWWW-WWWW) on one line.
      { header: 'Reference', width: 96, rowHeader: true },
      { header: 'Title', width: 162 },
      { header: 'Type of practice', width: 120 },
      { header: 'Need', width: 120 },
      { header: 'Evidence strength', width: 92 },
      { header: 'Library address', width: 140 },
    ],
    { size: 8 },
  )
  let count = 0
  for await (const row of source.rows()) {
    if (out.destroyed) return
    const text = (c: typeof reference) => String(c!.value(row, source.context) ?? '')
    const address =
      text(url) || `Not published (${source.context.label('status', row.status).toLowerCase()})`
    table.row([text(reference), text(title), text(practices), text(needs), text(strength), address])
    count++
    if (count % 50 === 0) {
      await whenTaken(pdf, out)
      await nextTurn()
    }
  }
  table.end()
  if (count === 0) pdf.paragraph(section, 'No case studies match this filter.')
  section.end()
}
