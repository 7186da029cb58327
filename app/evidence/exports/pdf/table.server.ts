import { COLOURS } from './palette'
import { pdfText } from './fonts.server'
import { BODY, type EvidencePdf, type Struct } from './document.server'

export interface TableColumn {
  header: string
  /** A share of the table's width; the shares of all columns are scaled to fill it. */
  width: number
  align?: 'left' | 'right'
  /** Cells in this column name their row (tagged TH with row scope, set in bold). */
  rowHeader?: boolean
}

const PADDING = { x: 5, y: 4 }

/**
 * A table written row by row, as rows arrive: each row is measured and moved whole to the next
 * page if it does not fit, where the header row is drawn again. Tagged Table, THead and TR/TH,
 * then one TBody of TR/TD per page, so that each page's rows leave memory with the page.
 */
export class PdfTable {
  private readonly table: Struct
  private body: Struct | null = null
  private readonly widths: number[]
  private readonly size: number

  constructor(
    private readonly pdf: EvidencePdf,
    parent: Struct,
    private readonly columns: TableColumn[],
    options: { size?: number } = {},
  ) {
    this.size = options.size ?? 9
    const shares = columns.reduce((sum, c) => sum + c.width, 0)
    this.widths = columns.map((c) => (c.width / shares) * pdf.contentWidth)
    this.table = pdf.group(parent, 'Table')
    const head = pdf.group(this.table, 'THead')
    this.header(head)
    head.end()
  }

  row(values: string[]): void {
    const { pdf } = this
    const { doc } = pdf
    const cells = values.map((value) => pdfText(value))
    const height = this.measure(cells)
    if (doc.y + height > doc.page.maxY()) {
      this.endBody()
      pdf.newPage()
      this.header(null)
    }
    this.body ??= pdf.group(this.table, 'TBody')
    const top = doc.y
    pdf.artifact(() => this.rule(top + height, 0.5, COLOURS.border))
    const row = pdf.group(this.body, 'TR')
    cells.forEach((text, i) => {
      const column = this.columns[i]!
      pdf.tag(
        row,
        column.rowHeader ? 'TH' : 'TD',
        () => this.cell(text, i, top, height, column.rowHeader ? 'bold' : 'regular'),
        column.rowHeader ? { scope: 'Row' } : {},
      )
    })
    row.end()
    doc.x = pdf.left
    doc.y = top + height
  }

  end(): void {
    this.endBody()
    this.table.end()
    this.pdf.doc.y += 12
    this.pdf.use(BODY)
  }

  private endBody() {
    this.body?.end()
    this.body = null
  }

  /** The header row: tagged the first time, an artifact when repeated on a later page. */
  private header(head: Struct | null) {
    const { pdf } = this
    const { doc } = pdf
    const cells = this.columns.map((c) => pdfText(c.header))
    const height = this.measure(cells, 'bold')
    pdf.ensureSpace(height + 3 * (this.size + 8))
    const top = doc.y
    pdf.artifact(() => {
      doc.rect(pdf.left, top, pdf.contentWidth, height).fill(COLOURS.lightGrey)
      this.rule(top + height, 1.25, COLOURS.text)
    })
    const draw = (i: number) => this.cell(cells[i]!, i, top, height, 'bold')
    if (head) {
      const row = pdf.group(head, 'TR')
      cells.forEach((_, i) => pdf.tag(row, 'TH', () => draw(i), { scope: 'Column' }))
      row.end()
    } else {
      pdf.artifact(() => cells.forEach((_, i) => draw(i)))
    }
    doc.x = pdf.left
    doc.y = top + height
  }

  // A cell that fits on one line skips pdfkit's line wrapper, which is most of a row's cost.
  private measure(cells: string[], font: 'regular' | 'bold' = 'regular') {
    const { pdf } = this
    const { doc } = pdf
    let tallest = 0
    cells.forEach((text, i) => {
      pdf.use({ ...BODY, size: this.size, font: this.columns[i]!.rowHeader ? 'bold' : font })
      const width = this.widths[i]! - 2 * PADDING.x
      const height =
        doc.widthOfString(text) <= width
          ? doc.currentLineHeight(true)
          : doc.heightOfString(text, { width })
      tallest = Math.max(tallest, height)
    })
    return tallest + 2 * PADDING.y
  }

  private cell(text: string, i: number, top: number, height: number, font: 'regular' | 'bold') {
    const { pdf } = this
    const { doc } = pdf
    const x = pdf.left + this.widths.slice(0, i).reduce((sum, w) => sum + w, 0) + PADDING.x
    const width = this.widths[i]! - 2 * PADDING.x
    const align = this.columns[i]!.align ?? 'left'
    pdf.use({ ...BODY, size: this.size, font })
    const oneLine = doc.widthOfString(text)
    if (oneLine <= width) {
      const at = align === 'right' ? x + width - oneLine : x
      doc.text(text, at, top + PADDING.y, { lineBreak: false })
      return
    }
    // The height stops a cell from ever starting a page of its own.
    doc.text(text, x, top + PADDING.y, { width, height: height - PADDING.y, align })
  }

  private rule(y: number, width: number, colour: string) {
    const { pdf } = this
    pdf.doc
      .moveTo(pdf.left, y)
      .lineTo(pdf.left + pdf.contentWidth, y)
      .lineWidth(width)
      .strokeColor(colour)
      .stroke()
  }
}
