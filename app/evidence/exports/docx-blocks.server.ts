// The pieces the Word evidence pack is built from: Word's own heading, list, quote and caption
// styles (so the navigation pane, a table of contents and a house template all work on it), and
// tables whose header row repeats on every page.
import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx'

const BLACK = '0B0C0C'
const GREY = '505A5F'

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: 'Arial', size: 22, color: BLACK, language: { value: 'en-GB' } },
      paragraph: { spacing: { after: 120 } },
    },
    title: { run: { font: 'Arial', size: 48, bold: true, color: BLACK } },
    heading1: {
      run: { font: 'Arial', size: 36, bold: true, color: BLACK },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
    },
    heading2: {
      run: { font: 'Arial', size: 28, bold: true, color: BLACK },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
    },
    heading3: {
      run: { font: 'Arial', size: 24, bold: true, color: BLACK },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
    caption: {
      run: { font: 'Arial', size: 20, bold: true, color: BLACK },
      paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 80, after: 80 } },
    },
  ],
}

export type Level = 'title' | 1 | 2 | 3
const LEVELS = {
  title: HeadingLevel.TITLE,
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const

export function heading(text: string, level: Level): Paragraph {
  return new Paragraph({ text, heading: LEVELS[level] })
}

export function paragraph(...children: (string | ParagraphChild)[]): Paragraph {
  return new Paragraph({
    children: children.map((child) => (typeof child === 'string' ? new TextRun(child) : child)),
  })
}

export function note(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, color: GREY, size: 20 })] })
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ text, bullet: { level: 0 } })
}

export function quote(text: string, attribution: ParagraphChild[]): Paragraph[] {
  return [
    new Paragraph({ style: 'Quote', children: [new TextRun(`“${text}”`)] }),
    new Paragraph({ style: 'Quote', children: [new TextRun({ text: '— ' }), ...attribution] }),
  ]
}

export function link(text: string, url: string, size?: number): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text, style: 'Hyperlink', size })],
  })
}

/** A cell is text, or runs for a cell that holds a link. */
export type Cell = string | ParagraphChild[]

export interface TableSpec {
  caption: string
  head: string[]
  rows: Cell[][]
  /** Columns of figures, aligned right. */
  numeric?: number[]
  /** Relative column widths; equal if left out. */
  widths?: number[]
  /** Smaller text for long tables (the appendix). */
  small?: boolean
}

/** In half-points, for runs written into a table's cells (links). */
export const tableTextSize = (spec: Pick<TableSpec, 'small'>) => (spec.small ? 18 : 20)

/**
 * A captioned table whose first row is a header row that Word repeats at the top of each page,
 * and whose first column is bold, as the HTML pack's row headers are.
 */
export function table(spec: TableSpec): (Paragraph | Table)[] {
  const size = tableTextSize(spec)
  const widths = spec.widths ?? spec.head.map(() => 1)
  const sum = widths.reduce((a, b) => a + b, 0)
  const cell = (value: Cell, column: number, header: boolean) =>
    new TableCell({
      width: { size: Math.round((widths[column]! / sum) * 100), type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: spec.numeric?.includes(column) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { after: 0 },
          children:
            typeof value === 'string'
              ? [new TextRun({ text: value, bold: header || column === 0, size })]
              : value,
        }),
      ],
    })
  return [
    new Paragraph({ text: spec.caption, style: 'Caption' }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: spec.head.map((text, i) => cell(text, i, true)),
        }),
        ...spec.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((value, i) => cell(value, i, false)),
            }),
        ),
      ],
    }),
    // Word joins two tables that touch; a paragraph keeps them apart and gives room after.
    new Paragraph({ text: '' }),
  ]
}
