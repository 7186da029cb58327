import { PassThrough, type Readable } from 'node:stream'
import PDFDocument from 'pdfkit'
import { evidenceStrengthLabel } from '../../library/evidence-strength'
import { formatLondonDateTime } from '../../utils/london-time'
import { headlineFigures } from '../figures.server'
import { PACK_CAVEATS, PACK_METHOD, type EvidencePack } from '../pack.server'
import { formatCount } from '../suppression'
import { runInto, whenWritable, type ExportSource } from './source.server'

// The standard PDF fonts encode Windows-1252 only; anything else is replaced rather than
// written as mojibake. The HTML evidence pack carries every character.
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'
export function pdfText(value: string): string {
  let text = ''
  for (const char of value.normalize('NFC')) {
    const code = char.codePointAt(0)!
    if (code === 9 || code === 10) text += char
    else if (code < 32 || (code >= 127 && code < 160)) continue
    else if (code < 256 || WIN_ANSI_EXTRA.includes(char)) text += char
    else text += '?'
  }
  return text
}

const BLUE = '#1d70b8'
const BLACK = '#0b0c0c'
const GREY = '#505a5f'
const MARGIN = 50

type Doc = PDFKit.PDFDocument

function heading(doc: Doc, text: string, size = 16) {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor(BLACK).text(pdfText(text))
  doc.moveDown(0.3).font('Helvetica').fontSize(10)
}

function paragraph(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}) {
  doc.font('Helvetica').fontSize(10).fillColor(BLACK).text(pdfText(text), options).moveDown(0.4)
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage()
}

/** Cell shading by mean evidence strength: pale for weak, dark for strong. */
function strengthShade(average: number | null): string {
  if (average === null) return '#ffffff'
  const shades = ['#f3f7fb', '#d2e2f1', '#a5c5e3', '#6a9fd0', '#3b7fc0']
  return shades[Math.max(0, Math.min(4, Math.round(average)))]!
}

function drawGapMap(doc: Doc, pack: EvidencePack) {
  const { gapMap } = pack
  const labelWidth = 150
  const width = doc.page.width - MARGIN * 2
  const cellWidth = (width - labelWidth) / (gapMap.columns.length + 1)
  const rowHeight = 20
  const headerHeight = 52
  ensureSpace(doc, headerHeight + rowHeight * 3)
  let y = doc.y
  doc.font('Helvetica-Bold').fontSize(7).fillColor(BLACK)
  doc.text('Type of practice', MARGIN, y + headerHeight - 12, { width: labelWidth })
  gapMap.columns.forEach((column, i) => {
    doc.text(pdfText(column.label), MARGIN + labelWidth + i * cellWidth + 2, y, {
      width: cellWidth - 4,
      height: headerHeight,
      align: 'center',
    })
  })
  doc.text(
    'All needs',
    MARGIN + labelWidth + gapMap.columns.length * cellWidth,
    y + headerHeight - 12,
    {
      width: cellWidth,
      align: 'center',
    },
  )
  y += headerHeight
  doc.font('Helvetica').fontSize(8)
  for (const row of gapMap.rows) {
    if (y + rowHeight > doc.page.height - MARGIN) {
      doc.addPage()
      y = doc.y
    }
    doc
      .fillColor(BLACK)
      .text(pdfText(row.label), MARGIN, y + 6, { width: labelWidth - 4, height: rowHeight })
    row.cells.forEach((cell, i) => {
      const x = MARGIN + labelWidth + i * cellWidth
      doc
        .rect(x, y, cellWidth, rowHeight)
        .fillAndStroke(strengthShade(cell.averageStrength), '#b1b4b6')
      doc
        .fillColor(cell.averageStrength !== null && cell.averageStrength >= 3 ? '#ffffff' : BLACK)
        .text(cell.count === 0 ? 'gap' : formatCount(cell.count), x, y + 6, {
          width: cellWidth,
          align: 'center',
        })
    })
    doc
      .fillColor(BLACK)
      .font('Helvetica-Bold')
      .text(formatCount(row.total), MARGIN + labelWidth + row.cells.length * cellWidth, y + 6, {
        width: cellWidth,
        align: 'center',
      })
      .font('Helvetica')
    y += rowHeight
  }
  doc.x = MARGIN
  doc.y = y + 8
  paragraph(
    doc,
    'Each cell counts case studies tagged with that practice and a need in that area. Darker cells have stronger evidence on average (0 description only, 4 comparison-group evaluation). "gap" marks a cell with no case studies.',
    { width },
  )
}

/**
 * The evidence summary as a PDF: cover with the filter in words, headline figures, method and
 * caveats, the gap map, each broad area's most common practices with short quotes, the data
 * dictionary, and an appendix listing every case study by reference (streamed from Postgres).
 */
export function writeEvidencePdf(source: ExportSource, pack: EvidencePack): Readable {
  const out = new PassThrough()
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: 'Inclusion in Practice: evidence summary', Author: 'Inclusion in Practice' },
  })
  doc.pipe(out)
  runInto(out, async () => {
    const { figures } = pack
    doc.font('Helvetica').fontSize(12).fillColor(GREY).text('Inclusion in Practice')
    doc.font('Helvetica-Bold').fontSize(26).fillColor(BLACK).text('Evidence summary').moveDown(0.5)
    paragraph(doc, `Prepared ${formatLondonDateTime(source.generatedAt)}`)
    heading(doc, 'What this summary covers', 13)
    for (const line of source.description) paragraph(doc, line)
    doc
      .fillColor(BLUE)
      .text(pdfText(source.reproduceUrl), { link: source.reproduceUrl, underline: true })
    doc.moveDown()

    heading(doc, 'Headline figures')
    const headline = headlineFigures(figures)
    for (const [label, value] of headline) paragraph(doc, `${label}: ${value}`)
    const areas = figures.breakdowns.find((b) => b.key === 'area')?.figures ?? []
    heading(doc, 'By broad area of need', 12)
    for (const area of areas) paragraph(doc, `${area.label}: ${formatCount(area.count)}`)

    heading(doc, 'Method')
    for (const line of PACK_METHOD) paragraph(doc, line)
    heading(doc, 'Caveats')
    for (const line of PACK_CAVEATS) paragraph(doc, `• ${line}`)

    doc.addPage()
    heading(doc, 'Evidence gap map')
    drawGapMap(doc, pack)

    doc.addPage()
    heading(doc, 'Most common practice by broad area of need')
    for (const area of pack.highlights) {
      ensureSpace(doc, 80)
      heading(doc, `${area.label} (${formatCount(area.total)} case studies)`, 12)
      if (area.practices.length === 0) paragraph(doc, 'No case studies in this filter.')
      for (const practice of area.practices) {
        doc.font('Helvetica-Bold').fontSize(10).fillColor(BLACK)
        doc.text(pdfText(`${practice.label}: ${formatCount(practice.count)}`)).moveDown(0.2)
        for (const quote of practice.quotes) {
          paragraph(doc, `“${quote.text}” (${quote.reference}, ${quote.title})`, { indent: 12 })
        }
      }
      await whenWritable(out)
    }

    doc.addPage()
    heading(doc, 'Data dictionary')
    for (const entry of pack.dictionary) {
      ensureSpace(doc, 30)
      doc.font('Helvetica-Bold').fontSize(9).text(pdfText(entry.header), { continued: true })
      doc
        .font('Helvetica')
        .text(pdfText(` - ${entry.description}`))
        .moveDown(0.2)
    }

    doc.addPage()
    heading(doc, 'Appendix: every case study in this summary')
    doc.fontSize(8)
    let count = 0
    for await (const row of source.rows()) {
      if (out.destroyed) return
      ensureSpace(doc, 12)
      doc
        .font('Helvetica-Bold')
        .fontSize(8)
        .fillColor(BLACK)
        .text(pdfText(row.reference), { continued: true })
        .font('Helvetica')
        .text(
          pdfText(
            `  ${row.title} (${source.context.label('status', row.status)}; ${evidenceStrengthLabel(row.evidence_strength)})`,
          ),
        )
      count++
      if (count % 100 === 0) await whenWritable(out)
    }
    if (count === 0) paragraph(doc, 'No case studies match this filter.')
    doc.end()
  })
  return out
}
