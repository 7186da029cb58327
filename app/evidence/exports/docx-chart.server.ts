import { renderAsync } from '@resvg/resvg-js'
import { scaleLinear } from 'd3-scale'
import type { Breakdown } from '../figures.server'
import { formatCount } from '../suppression'
import { wrapChartLabel } from '../chart-label'

export interface ChartImage {
  title: string
  /** The chart in words: every bar and its figure, for the image's alt text. */
  description: string
  svg: Buffer
  /** For word processors that cannot show SVG (older Word, some online editors). */
  png: Buffer
  /** In CSS pixels, as drawn. */
  width: number
  height: number
}

const LABEL_WIDTH = 300
const BAR_WIDTH = 300
const ROW_HEIGHT = 26
const LINE_HEIGHT = 15
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 100
const FONT = `font-family="Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"`

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`)
}

export function chartDescription(breakdown: Breakdown): string {
  const bars = breakdown.figures.map((f) => `${f.label} ${formatCount(f.count)}`)
  return `Case studies by ${breakdown.title.toLowerCase()}: ${bars.join(', ')}.`
}

/**
 * A breakdown as a horizontal bar chart, drawn as the dashboard draws it: the figure written
 * beside each bar, and no bar where a count is suppressed. Plain attributes rather than CSS,
 * since Word ignores stylesheets inside an SVG.
 */
function breakdownSvg(breakdown: Breakdown, title: string, description: string) {
  const bars = breakdown.figures
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0))
  const x = scaleLinear().domain([0, max]).range([0, BAR_WIDTH]).nice()
  // Long labels wrap onto more lines, and their row grows to hold them.
  let top = 0
  const laidOut = bars.map((bar) => {
    const lines = wrapChartLabel(bar.label)
    const row = { bar, lines, top, size: Math.max(ROW_HEIGHT, lines.length * LINE_HEIGHT + 10) }
    top += row.size
    return row
  })
  const height = top + 24
  // Counts are whole: no tick at 0.5.
  const ticks = x
    .ticks(4)
    .filter(Number.isInteger)
    .map(
      (tick) =>
        `<g transform="translate(${LABEL_WIDTH + x(tick)},0)">` +
        `<line y1="0" y2="${height - 20}" stroke="#b1b4b6" stroke-width="1"/>` +
        `<text y="${height - 6}" text-anchor="middle" font-size="12" fill="#505a5f" ${FONT}>${tick.toLocaleString('en-GB')}</text></g>`,
    )
  const rows = laidOut.map(({ bar, lines, top, size }) => {
    const width = Math.max(bar.count ? 2 : 0, x(bar.count ?? 0))
    const first = size / 2 + 4 - ((lines.length - 1) * LINE_HEIGHT) / 2
    const label = lines
      .map(
        (line, n) =>
          `<tspan x="${LABEL_WIDTH - 8}" y="${first + n * LINE_HEIGHT}">${escapeXml(line)}</tspan>`,
      )
      .join('')
    return (
      `<g transform="translate(0,${top})">` +
      `<text text-anchor="end" font-size="13" fill="#0b0c0c" ${FONT}>${label}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${(size - (ROW_HEIGHT - 8)) / 2}" width="${width}" height="${ROW_HEIGHT - 8}" fill="#1d70b8"/>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${size / 2 + 4}" font-size="13" fill="#0b0c0c" ${FONT}>${formatCount(bar.count)}</text></g>`
    )
  })
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${ticks.join('')}${rows.join('')}</svg>`
  return { svg, height }
}

/** Draws a breakdown's chart as SVG, and rasterises it at twice its size for the fallback. */
export async function drawBreakdownChart(breakdown: Breakdown): Promise<ChartImage> {
  const title = `Case studies by ${breakdown.title.toLowerCase()}`
  const description = chartDescription(breakdown)
  const { svg, height } = breakdownSvg(breakdown, title, description)
  // Rendered on libuv's thread pool, so the event loop keeps serving while charts are drawn.
  const png = await renderAsync(svg, {
    fitTo: { mode: 'width', value: WIDTH * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    logLevel: 'off',
  })
  return {
    title,
    description,
    svg: Buffer.from(svg, 'utf8'),
    png: png.asPng(),
    width: WIDTH,
    height,
  }
}
