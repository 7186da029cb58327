import type { EvidencePdf } from './document.server'
import { FONTS, pdfText } from './fonts.server'
import { COLOURS } from './palette'
import { currentEmbeddedFont } from './pdfkit-internals.server'

/** What every page carries in its running header and footer. */
export interface Furniture {
  title: string
  /** The Government Security Classification: OFFICIAL or OFFICIAL-SENSITIVE. */
  marking: string
  audience: string
  prepared: string
}

const SIZE = 8

/**
 * Every page's running header (title, security marking, audience) and footer ("Page X of Y",
 * the marking again, the date), all marked as artifacts. "Page X of Y" is written before Y is
 * known, since pages leave memory as they are finished: every page draws Y from one form XObject
 * whose content is written at the end.
 */
export class PageFurniture {
  private drawn = 0
  private readonly pageCount: PDFKit.PDFKitReference

  constructor(
    private readonly pdf: EvidencePdf,
    private readonly furniture: Furniture,
  ) {
    this.pageCount = pdf.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 0, 0] })
  }

  /** Pages so far. */
  get pages() {
    return this.drawn
  }

  draw(): void {
    const { pdf, furniture } = this
    const { doc } = pdf
    this.drawn += 1
    const { width, height, margins } = doc.page
    const right = width - margins.right
    const rule = (y: number) =>
      doc
        .moveTo(margins.left, y)
        .lineTo(right, y)
        .lineWidth(0.5)
        .strokeColor(COLOURS.border)
        .stroke()
    const write = (text: string, x: number | 'centre' | 'right', y: number) => {
      const value = pdfText(text)
      const w = doc.widthOfString(value)
      const at = x === 'centre' ? (width - w) / 2 : x === 'right' ? right - w : x
      doc.text(value, at, y, { lineBreak: false })
    }
    pdf.artifact(() => {
      pdf.use({ font: 'bold', size: 10, colour: COLOURS.text })
      write(furniture.marking, 'centre', 28)
      write(furniture.marking, 'centre', height - 36)
      pdf.use({ font: 'regular', size: SIZE, colour: COLOURS.secondaryText })
      write(furniture.title, margins.left, 30)
      write(furniture.audience, 'right', 30)
      rule(48)
      rule(height - 46)
      const label = `Page ${this.pages} of `
      write(label, margins.left, height - 34)
      this.drawPageCount(margins.left + doc.widthOfString(label), height - 34)
      write(furniture.prepared, 'right', height - 34)
    })
  }

  /** Fills in Y, in the footer's font, once every page has been written. */
  writePageCount(): void {
    const { doc } = this.pdf
    this.pdf.use({ font: 'regular', size: SIZE })
    const font = currentEmbeddedFont(doc)
    const total = String(this.pages)
    const [glyphs] = font.encode(total)
    const scale = SIZE / FONTS.regular.unitsPerEm
    const data = this.pageCount.data as unknown as Record<string, unknown>
    data.BBox = [
      0,
      FONTS.regular.descent * scale,
      FONTS.regular.layout(total).advanceWidth * scale,
      FONTS.regular.ascent * scale,
    ]
    data.Resources = { Font: { [font.id]: font.ref() } }
    this.pageCount.end(`BT /${font.id} ${SIZE} Tf <${glyphs.join('')}> Tj ET`)
  }

  private drawPageCount(x: number, y: number) {
    const { doc } = this.pdf
    const baseline = doc.page.height - y - (FONTS.regular.ascent / FONTS.regular.unitsPerEm) * SIZE
    doc.page.xobjects.PageCount = this.pageCount
    doc.save()
    // Back from pdfkit's top-down coordinates to the PDF's own, in which the XObject is drawn.
    doc.transform(1, 0, 0, -1, 0, doc.page.height)
    doc.addContent(`1 0 0 1 ${x.toFixed(2)} ${baseline.toFixed(2)} cm /PageCount Do`)
    doc.restore()
  }
}
