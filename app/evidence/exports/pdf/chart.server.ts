import { scaleLinear } from 'd3-scale'
import { formatCount } from '../../suppression'
import { BODY, type EvidencePdf, type Struct } from './document.server'
import { pdfText } from './fonts.server'
import { COLOURS } from './palette'

export interface Bar {
  label: string
  /** Null where an output for publication suppresses a small count. */
  value: number | null
}

const LABEL_WIDTH = 180
const VALUE_ROOM = 62
const BAR_HEIGHT = 10
const AXIS_HEIGHT = 16

/** What a screen reader reads instead of the drawing: every bar with its figure. */
export function chartAlt(title: string, bars: Bar[]): string {
  const figures = bars.map((b) => `${b.label} ${formatCount(b.value)}`).join('; ')
  return `Bar chart of ${title.toLowerCase()}: ${figures}.`
}

/**
 * A horizontal bar chart drawn as vectors, like the dashboard's: labels at the left, bars in
 * GOV.UK blue on a scale with gridlines, each bar's figure written beside it ("fewer than 5"
 * where a count is suppressed, with no bar). Tagged as one Figure whose alternative text gives
 * every figure; the heading above it is its title.
 */
export function drawBarChart(
  pdf: EvidencePdf,
  parent: Struct,
  chart: { title: string; bars: Bar[] },
) {
  const { doc } = pdf
  pdf.use({ ...BODY, size: 8.5 })
  const rows = chart.bars.map((bar) => {
    const label = pdfText(bar.label)
    const height = doc.heightOfString(label, { width: LABEL_WIDTH - 10 })
    return { ...bar, label, height: Math.max(18, height + 6) }
  })
  const plotHeight = rows.reduce((sum, row) => sum + row.height, 0)
  const height = plotHeight + AXIS_HEIGHT
  pdf.heading(parent, 3, chart.title, { keepWith: height + 8 })

  const left = pdf.left
  const x0 = left + LABEL_WIDTH
  const plotWidth = pdf.contentWidth - LABEL_WIDTH - VALUE_ROOM
  const top = doc.y + 2
  const max = Math.max(1, ...chart.bars.map((b) => b.value ?? 0))
  const x = scaleLinear().domain([0, max]).range([0, plotWidth]).nice()
  const ticks = x.ticks(5).filter(Number.isInteger)
  pdf.tag(
    parent,
    'Figure',
    () => {
      for (const tick of ticks) {
        const at = x0 + x(tick)
        doc
          .moveTo(at, top)
          .lineTo(at, top + plotHeight)
          .lineWidth(0.5)
          .strokeColor(COLOURS.midGrey)
          .stroke()
        pdf.use({ ...BODY, size: 7.5, colour: COLOURS.secondaryText })
        const label = tick.toLocaleString('en-GB')
        doc.text(label, at - doc.widthOfString(label) / 2, top + plotHeight + 4, {
          lineBreak: false,
        })
      }
      let y = top
      for (const row of rows) {
        pdf.use({ ...BODY, size: 8.5 })
        doc.text(row.label, left, y + 3, { width: LABEL_WIDTH - 10, align: 'right' })
        const length = row.value ? Math.max(1.5, x(row.value)) : 0
        const barTop = y + (row.height - BAR_HEIGHT) / 2
        if (length > 0) doc.rect(x0, barTop, length, BAR_HEIGHT).fill(COLOURS.blue)
        pdf.use({ ...BODY, size: 8.5, font: row.value === null ? 'regular' : 'bold' })
        doc.text(formatCount(row.value), x0 + length + 4, barTop + 0.5, { lineBreak: false })
        y += row.height
      }
      doc
        .moveTo(x0, top)
        .lineTo(x0, top + plotHeight)
        .lineWidth(1)
        .strokeColor(COLOURS.text)
        .stroke()
    },
    {
      alt: chartAlt(chart.title, chart.bars),
      bbox: [left, top, left + pdf.contentWidth, top + height],
      placement: 'Block',
    },
  )
  doc.x = left
  doc.y = top + height + 6
  pdf.use(BODY)
}
