import { evidenceStrengthLabel } from '../../../library/evidence-strength'
import type { GapMap } from '../../gap-map'
import { formatCount } from '../../suppression'
import { BODY, type EvidencePdf, type Struct } from './document.server'
import { pdfText } from './fonts.server'
import { COLOURS, GAP_HATCH, STRENGTH_SHADES, textColourOn } from './palette'

const LABEL_WIDTH = 138
const PADDING = 4
const SIZE = 8
const HEADER_SIZE = 7.5

type Cell = { text: string; fill: string | 'gap'; bold?: boolean; size?: number }

/** The shade of a cell: by mean evidence strength, or hatched where there are no case studies. */
export function gapCellFill(cell: { count: number | null; averageStrength: number | null }) {
  if (cell.count === 0) return 'gap' as const
  return STRENGTH_SHADES[Math.max(0, Math.min(4, Math.round(cell.averageStrength ?? 0)))]!
}

/**
 * The evidence gap map on one page: practice rows by broad-area columns (each label with its
 * total in brackets), each cell's count on a
 * shade of its mean evidence strength (text colour chosen for at least 4.5:1), gaps hatched and
 * labelled "gap", suppressed counts written "fewer than 5". Labels wrap and each row is as tall
 * as its tallest label. Tagged as a table with row and column headers; then a legend.
 */
export function drawGapMap(pdf: EvidencePdf, parent: Struct, gapMap: GapMap) {
  const { doc } = pdf
  if (gapMap.columns.length === 0) {
    pdf.paragraph(parent, 'There are no broad areas of need to map.')
    return
  }
  const columnWidth = (pdf.contentWidth - LABEL_WIDTH) / gapMap.columns.length
  const widths = [LABEL_WIDTH, ...gapMap.columns.map(() => columnWidth)]
  const lefts = widths.map((_, i) => pdf.left + widths.slice(0, i).reduce((a, w) => a + w, 0))

  const measure = (cells: Cell[]) => {
    let tallest = 0
    cells.forEach((cell, i) => {
      pdf.use({ ...BODY, size: cell.size ?? SIZE, font: cell.bold ? 'bold' : 'regular' })
      const height = doc.heightOfString(cell.text, { width: widths[i]! - 2 * PADDING })
      tallest = Math.max(tallest, height)
    })
    return Math.max(20, tallest + 2 * PADDING)
  }

  const drawCell = (cell: Cell, i: number, top: number, height: number) => {
    const background = cell.fill === 'gap' ? COLOURS.white : cell.fill
    pdf.use({
      ...BODY,
      size: cell.size ?? SIZE,
      font: cell.bold ? 'bold' : 'regular',
      colour: textColourOn(background),
    })
    const width = widths[i]! - 2 * PADDING
    const textHeight = doc.heightOfString(cell.text, { width })
    doc.text(cell.text, lefts[i]! + PADDING, top + (height - textHeight) / 2, {
      width,
      height,
      align: i === 0 ? 'left' : 'center',
    })
  }

  const shade = (cell: Cell, i: number, top: number, height: number) => {
    if (cell.fill === COLOURS.white) return
    const [x, y, w, h] = [lefts[i]! + 1, top + 1, widths[i]! - 2, height - 2]
    if (cell.fill !== 'gap') {
      doc.rect(x, y, w, h).fill(cell.fill)
      // The palest shade needs an edge to be seen as a cell at all.
      if (STRENGTH_SHADES.includes(cell.fill)) {
        doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(COLOURS.border).stroke()
      }
      return
    }
    doc.save().rect(x, y, w, h).clip()
    for (let d = -h; d < w; d += 6) {
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d + h, y)
        .lineWidth(0.75)
        .strokeColor(GAP_HATCH)
        .stroke()
    }
    doc.restore()
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(COLOURS.border).stroke()
    // A white patch behind the word keeps the hatching from crossing its letters.
    pdf.use({ ...BODY, size: SIZE })
    const word = doc.widthOfString(cell.text) + 6
    doc.rect(x + (w - word) / 2, y + h / 2 - 6, word, 12).fill(COLOURS.white)
  }

  const row = (group: Struct | null, cells: Cell[], header: boolean) => {
    const height = measure(cells)
    if (doc.y + height > doc.page.maxY()) {
      pdf.newPage()
      row(null, headerCells, true)
    }
    const top = doc.y
    pdf.artifact(() => cells.forEach((cell, i) => shade(cell, i, top, height)))
    if (group) {
      const tr = pdf.group(group, 'TR')
      cells.forEach((cell, i) =>
        pdf.tag(
          tr,
          header || i === 0 ? 'TH' : 'TD',
          () => drawCell(cell, i, top, height),
          header ? { scope: 'Column' } : i === 0 ? { scope: 'Row' } : {},
        ),
      )
      tr.end()
    } else {
      pdf.artifact(() => cells.forEach((cell, i) => drawCell(cell, i, top, height)))
    }
    if (header) {
      pdf.artifact(() =>
        doc
          .moveTo(pdf.left, top + height)
          .lineTo(pdf.left + pdf.contentWidth, top + height)
          .lineWidth(1.25)
          .strokeColor(COLOURS.text)
          .stroke(),
      )
    }
    doc.x = pdf.left
    doc.y = top + height
  }

  // Column headers are set small enough that no word is broken inside a narrow column.
  const headerSize = fittingSize(
    pdf,
    gapMap.columns.map((c) => pdfText(c.label)),
    columnWidth - 2 * PADDING,
  )
  const headerCells: Cell[] = [
    { text: 'Type of practice (total)', fill: COLOURS.lightGrey, bold: true, size: headerSize },
    ...gapMap.columns.map((column) => ({
      text: `${pdfText(column.label)} (${formatCount(column.total)})`,
      fill: COLOURS.lightGrey,
      bold: true,
      size: headerSize,
    })),
  ]
  const table = pdf.group(parent, 'Table')
  const head = pdf.group(table, 'THead')
  row(head, headerCells, true)
  head.end()
  const body = pdf.group(table, 'TBody')
  for (const practice of gapMap.rows) {
    row(
      body,
      [
        {
          text: `${pdfText(practice.label)} (${formatCount(practice.total)})`,
          fill: COLOURS.white,
        },
        ...practice.cells.map((cell) => ({
          text: cell.count === 0 ? 'gap' : formatCount(cell.count),
          fill: gapCellFill(cell),
        })),
      ],
      false,
    )
  }
  body.end()
  table.end()
  doc.y += 10
  drawLegend(pdf, parent)
}

/** The largest size up to HEADER_SIZE (not below 6.5pt) at which every word fits the width. */
function fittingSize(pdf: EvidencePdf, labels: string[], width: number) {
  pdf.use({ ...BODY, font: 'bold', size: 1 })
  const widest = Math.max(
    ...labels.flatMap((l) => l.split(/\s+/)).map((w) => pdf.doc.widthOfString(w)),
  )
  return Math.max(6.5, Math.min(HEADER_SIZE, Math.floor((width / widest) * 10) / 10))
}

function drawLegend(pdf: EvidencePdf, parent: Struct) {
  const { doc } = pdf
  const items: [string | 'gap', string][] = [
    ...STRENGTH_SHADES.map((fill, level): [string, string] => [
      fill,
      `${level}: ${evidenceStrengthLabel(level)}`,
    ]),
    ['gap', 'gap: no case studies'],
  ]
  const rows = Math.ceil(items.length / 2)
  const half = pdf.contentWidth / 2
  pdf.ensureSpace(rows * 15 + 70)
  pdf.paragraph(parent, 'Key: shade by mean evidence strength of the case studies in the cell', {
    style: { font: 'bold', size: 9 },
    gap: 4,
  })
  const top = doc.y
  const list = pdf.group(parent, 'L')
  items.forEach(([fill, text], i) => {
    const x = pdf.left + (i < rows ? 0 : half)
    const y = top + (i % rows) * 15
    pdf.artifact(() => {
      if (fill !== 'gap') {
        doc.rect(x, y + 1, 16, 10).fill(fill)
        doc
          .rect(x, y + 1, 16, 10)
          .lineWidth(0.5)
          .strokeColor(COLOURS.border)
          .stroke()
        return
      }
      doc
        .rect(x, y + 1, 16, 10)
        .lineWidth(0.5)
        .strokeColor(COLOURS.border)
        .stroke()
      doc
        .moveTo(x + 3, y + 11)
        .lineTo(x + 13, y + 1)
        .lineWidth(0.75)
        .strokeColor(GAP_HATCH)
        .stroke()
    })
    const item = pdf.group(list, 'LI')
    pdf.tag(item, 'LBody', () => {
      pdf.use({ ...BODY, size: 8.5 })
      doc.text(pdfText(text), x + 22, y, { width: half - 26, lineBreak: false })
    })
    item.end()
  })
  list.end()
  doc.x = pdf.left
  doc.y = top + rows * 15 + 6
  pdf.paragraph(
    parent,
    'Each cell counts case studies tagged with that type of practice and a need in that broad area; the figure in brackets after a label is its total. A case study can count in several cells. “fewer than 5” marks a count of 1 to 4 case studies from a single school, withheld in outputs for publication.',
    { style: { size: 9 } },
  )
}
