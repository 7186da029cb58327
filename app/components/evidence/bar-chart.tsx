import { scaleLinear } from 'd3-scale'
import { useId } from 'react'
import { wrapChartLabel } from '~/evidence/chart-label'

export interface Bar {
  label: string
  /** Null where an output for publication suppresses a small count. */
  value: number | null
}

const format = (value: number | null) =>
  value === null ? 'fewer than 5' : value.toLocaleString('en-GB')

/**
 * A horizontal bar chart drawn on the server as SVG: a title and description for assistive
 * technology, the figures written beside the bars, and the same figures as a table. Works without
 * JavaScript and prints.
 */
export function BarChart({
  title,
  description,
  bars,
  unit = 'case studies',
}: {
  title: string
  description?: string
  bars: Bar[]
  unit?: string
}) {
  const id = useId()
  const labelWidth = 300
  const chartWidth = 360
  const rowHeight = 26
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0))
  const lineHeight = 16
  const x = scaleLinear().domain([0, max]).range([0, chartWidth]).nice()
  // Long labels wrap onto more lines, and their row grows to hold them.
  let top = 0
  const rows = bars.map((bar) => {
    const lines = wrapChartLabel(bar.label)
    const row = { bar, lines, top, height: Math.max(rowHeight, lines.length * lineHeight + 10) }
    top += row.height
    return row
  })
  const height = top + 24
  const summary =
    description ??
    `${title}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join(', ')} ${unit}.`
  return (
    <figure className="app-chart govuk-!-margin-0 govuk-!-margin-bottom-6">
      {/* First (or last) in the figure, as HTML requires: the table below follows the chart. */}
      <figcaption className="govuk-visually-hidden">{title}</figcaption>
      <svg
        className="app-chart__svg"
        viewBox={`0 0 ${labelWidth + chartWidth + 80} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {x.ticks(4).map((tick) => (
          <g key={tick} transform={`translate(${labelWidth + x(tick)},0)`}>
            <line y1={0} y2={height - 20} className="app-chart__grid" />
            <text y={height - 6} textAnchor="middle" className="app-chart__tick">
              {tick.toLocaleString('en-GB')}
            </text>
          </g>
        ))}
        {rows.map(({ bar, lines, top, height: rowSize }) => (
          <g key={bar.label} transform={`translate(0,${top})`}>
            <text
              x={labelWidth - 8}
              y={rowSize / 2 + 4 - ((lines.length - 1) * lineHeight) / 2}
              textAnchor="end"
              className="app-chart__label"
            >
              {lines.map((line, n) => (
                <tspan key={n} x={labelWidth - 8} dy={n === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x={labelWidth}
              y={(rowSize - (rowHeight - 8)) / 2}
              height={rowHeight - 8}
              width={Math.max(bar.value ? 2 : 0, x(bar.value ?? 0))}
              className="app-chart__bar"
            />
            <text
              x={labelWidth + x(bar.value ?? 0) + 6}
              y={rowSize / 2 + 4}
              className="app-chart__value"
            >
              {format(bar.value)}
            </text>
          </g>
        ))}
      </svg>
      <DataTable
        summary="Show the data as a table"
        caption={title}
        headers={[title, unit[0]!.toUpperCase() + unit.slice(1)]}
        rows={bars.map((bar) => [bar.label, format(bar.value)])}
      />
    </figure>
  )
}

/** Responses per day as columns: the deadline rush shows as the tall ones at the right. */
export function DailyChart({
  title,
  days,
}: {
  title: string
  days: { day: string; count: number }[]
}) {
  const id = useId()
  const width = 640
  const height = 180
  const max = Math.max(1, ...days.map((d) => d.count))
  const y = scaleLinear()
    .domain([0, max])
    .range([0, height - 40])
    .nice()
  const step = days.length > 0 ? (width - 40) / days.length : 0
  const peak = days.reduce<{ day: string; count: number } | null>(
    (best, d) => (best === null || d.count > best.count ? d : best),
    null,
  )
  const total = days.reduce((sum, d) => sum + d.count, 0)
  const description =
    days.length === 0
      ? 'No responses have been received.'
      : `${total.toLocaleString('en-GB')} responses over ${days.length} days from ${days[0]!.day} to ${days[days.length - 1]!.day}; the most in one day was ${peak!.count.toLocaleString('en-GB')} on ${peak!.day}.`
  return (
    <figure className="app-chart govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg
        className="app-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={40} x2={width} y1={height - 20} y2={height - 20} className="app-chart__grid" />
        {y.ticks(3).map((tick) => (
          <text
            key={tick}
            x={34}
            y={height - 20 - y(tick) + 4}
            textAnchor="end"
            className="app-chart__tick"
          >
            {tick.toLocaleString('en-GB')}
          </text>
        ))}
        {days.map((d, i) => (
          <rect
            key={d.day}
            x={40 + i * step + 1}
            width={Math.max(1, step - 2)}
            y={height - 20 - y(d.count)}
            height={y(d.count)}
            className="app-chart__bar"
          />
        ))}
        {days.length > 0 ? (
          <>
            <text x={40} y={height - 4} className="app-chart__tick">
              {days[0]!.day}
            </text>
            <text x={width} y={height - 4} textAnchor="end" className="app-chart__tick">
              {days[days.length - 1]!.day}
            </text>
          </>
        ) : null}
      </svg>
      <p className="govuk-body-s">{description}</p>
      <DataTable
        summary="Show responses per day as a table"
        caption={title}
        headers={['Day', 'Responses']}
        rows={days.map((d) => [d.day, d.count.toLocaleString('en-GB')])}
      />
    </figure>
  )
}

/** A chart's figures as a table, behind a details element: the chart's text alternative. */
function DataTable({
  summary,
  caption,
  headers,
  rows,
}: {
  summary: string
  caption: string
  headers: [string, string]
  rows: [string, string][]
}) {
  return (
    <details className="govuk-details app-no-print">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {headers[0]}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {headers[1]}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map(([label, value]) => (
              <tr className="govuk-table__row" key={label}>
                <th scope="row" className="govuk-table__header">
                  {label}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
