import PDFDocument from 'pdfkit'
import { FONTS, pdfText, type FontName } from './fonts.server'
import { COLOURS } from './palette'
import { PageFurniture, type Furniture } from './furniture.server'
import { forgetLaidOutWords } from './pdfkit-internals.server'

export type Doc = PDFKit.PDFDocument
export type Struct = PDFKit.PDFStructureElement
/** pdfkit 0.19's options for table cells and figures, which its type definitions lack. */
export type StructOptions = {
  alt?: string
  scope?: 'Row' | 'Column'
  bbox?: [number, number, number, number]
  placement?: 'Block' | 'Inline'
}

export interface Style {
  font: FontName
  size: number
  colour: string
}

export const BODY: Style = { font: 'regular', size: 10, colour: COLOURS.text }
export const LINE_GAP = 2
const MARGINS = { top: 74, bottom: 66, left: 56, right: 56 }
const HEADING_SIZES = { 1: 26, 2: 17, 3: 12.5 }
// Pages between emptyings of pdfkit's cache of shaped words: often enough that the cache stays
// small, rarely enough that common words are not shaped again on every page.
const FORGET_WORDS_EVERY = 20

/**
 * A tagged A4 document written page by page as a stream: every piece of content is either in the
 * structure tree (headings, paragraphs, lists, tables, figures) or marked as an artifact (the
 * running header and footer), so a screen reader reads it in order and skips the furniture.
 */
export class EvidencePdf {
  readonly doc: Doc
  readonly root: Struct
  private style: Style = BODY
  private layout: 'portrait' | 'landscape' = 'portrait'
  private outlineSection: PDFKit.PDFOutline | null = null
  private readonly furniture: PageFurniture

  constructor(furniture: Furniture, info: { subject: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      autoFirstPage: false,
      tagged: true,
      pdfVersion: '1.7',
      lang: 'en-GB',
      displayTitle: true,
      info: { Title: furniture.title, Author: 'Inclusion in Practice', Subject: info.subject },
    })
    for (const [name, font] of Object.entries(FONTS)) {
      // pdfkit 0.20 takes a parsed fontkit font; its type definitions predate that.
      this.doc.registerFont(name, font as unknown as ArrayBuffer)
    }
    this.furniture = new PageFurniture(this, furniture)
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
    this.doc.on('pageAdded', () => this.startPage())
    this.newPage()
  }

  get left() {
    return this.doc.page.margins.left
  }

  get contentWidth() {
    const { width, margins } = this.doc.page
    return width - margins.left - margins.right
  }

  get atTopOfPage() {
    return this.doc.y <= this.doc.page.margins.top + 1
  }

  use(style: Partial<Style>): this {
    this.style = { ...this.style, ...style }
    this.doc.font(this.style.font).fontSize(this.style.size).fillColor(this.style.colour)
    return this
  }

  newPage(layout = this.layout): void {
    this.layout = layout
    this.doc.addPage({ size: 'A4', layout, margins: MARGINS })
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.newPage()
  }

  /** A structure element under `parent`, holding what `draw` writes. */
  tag(parent: Struct, type: string, draw: () => void, options: StructOptions = {}): Struct {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw)
    parent.add(element)
    return element
  }

  /** An empty structure element under `parent`, for children added later; end it when done. */
  group(parent: Struct, type: string): Struct {
    const element = this.doc.struct(type)
    parent.add(element)
    return element
  }

  /** Decoration that assistive technology should skip: rules, shading, repeated headers. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact')
    draw()
    this.doc.endMarkedContent()
  }

  heading(parent: Struct, level: 1 | 2 | 3, text: string, options: { keepWith?: number } = {}) {
    const { doc } = this
    const value = pdfText(text)
    this.use({ font: 'bold', size: HEADING_SIZES[level], colour: COLOURS.text })
    const height = doc.heightOfString(value, { width: this.contentWidth })
    const before = this.atTopOfPage ? 0 : level === 2 ? 16 : 10
    this.ensureSpace(before + height + (options.keepWith ?? 40))
    if (!this.atTopOfPage) doc.y += before
    if (level === 2) this.outlineSection = doc.outline.addItem(value)
    if (level === 3) (this.outlineSection ?? doc.outline).addItem(value)
    this.tag(parent, `H${level}`, () =>
      doc.text(value, this.left, doc.y, { width: this.contentWidth }),
    )
    doc.y += level === 3 ? 4 : 8
    this.use(BODY)
  }

  paragraph(
    parent: Struct,
    text: string,
    options: { style?: Partial<Style>; indent?: number; gap?: number } = {},
  ) {
    const { doc } = this
    const indent = options.indent ?? 0
    const width = this.contentWidth - indent
    const value = pdfText(text)
    this.use({ ...BODY, ...options.style })
    const height = doc.heightOfString(value, { width, lineGap: LINE_GAP })
    // A paragraph longer than a few lines may run on to the next page; a short one moves whole.
    this.ensureSpace(Math.min(height, 4 * doc.currentLineHeight(true)))
    this.tag(parent, 'P', () =>
      doc.text(value, this.left + indent, doc.y, { width, lineGap: LINE_GAP }),
    )
    doc.y += options.gap ?? 6
  }

  /** "Label: value" lines, the value in bold. */
  figures(parent: Struct, rows: [string, string][]) {
    const { doc } = this
    for (const [label, value] of rows) {
      this.use({ ...BODY, size: 11 })
      const lineHeight = doc.currentLineHeight(true)
      this.ensureSpace(lineHeight)
      const y = doc.y
      this.tag(parent, 'P', () => {
        const text = `${pdfText(label)}: `
        doc.text(text, this.left, y, { lineBreak: false })
        const x = this.left + doc.widthOfString(text)
        this.use({ font: 'bold' })
        doc.text(pdfText(value), x, y, { width: this.contentWidth - (x - this.left) })
      })
      doc.y = Math.max(doc.y, y + lineHeight) + 4
      doc.x = this.left
    }
    this.use(BODY)
  }

  bullets(parent: Struct, items: string[]) {
    const { doc } = this
    const indent = 14
    const width = this.contentWidth - indent
    const list = this.group(parent, 'L')
    for (const item of items) {
      const value = pdfText(item)
      this.use(BODY)
      this.ensureSpace(doc.heightOfString(value, { width, lineGap: LINE_GAP }))
      const entry = this.group(list, 'LI')
      const y = doc.y
      this.tag(entry, 'Lbl', () => doc.text('•', this.left + 2, y, { lineBreak: false }))
      this.tag(entry, 'LBody', () =>
        doc.text(value, this.left + indent, y, { width, lineGap: LINE_GAP }),
      )
      entry.end()
      doc.y += 4
    }
    list.end()
    doc.y += 4
  }

  /** A link whose annotation describes where it goes, for screen readers (PDF/UA 7.18.5). */
  link(
    parent: Struct,
    text: string,
    url: string,
    options: { description: string; indent?: number },
  ) {
    const { doc } = this
    const x = this.left + (options.indent ?? 0)
    const width = this.contentWidth - (options.indent ?? 0)
    const value = pdfText(text)
    this.use({ ...BODY, colour: COLOURS.blue })
    const height = doc.heightOfString(value, { width })
    this.ensureSpace(height)
    const y = doc.y
    const paragraph = this.group(parent, 'P')
    const link = this.group(paragraph, 'Link')
    link.add(() => doc.text(value, x, y, { width, underline: true }))
    const annotation = { structParent: link, Contents: new String(pdfText(options.description)) }
    doc.link(x, y, Math.min(width, doc.widthOfString(value)), height, url, annotation as object)
    link.end()
    paragraph.end()
    doc.y = y + height + 6
    this.use(BODY)
  }

  /** Writes the page count into every page's footer, closes the structure tree and the file. */
  finish(): void {
    this.furniture.writePageCount()
    this.root.end()
    this.doc.end()
  }

  // Runs whenever a page is added, by us or by pdfkit when text runs on: the furniture is drawn
  // in the middle of whatever was being written, which then carries on as it was.
  private startPage() {
    const { doc } = this
    const saved = { x: doc.x, y: doc.y, style: this.style }
    this.furniture.draw()
    if (this.furniture.pages % FORGET_WORDS_EVERY === 0) forgetLaidOutWords(doc)
    this.use(saved.style)
    doc.x = saved.x
    doc.y = saved.y
  }
}
