import fc from 'fast-check'
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { expect, test } from 'vitest'
import { BarChart } from '../../app/components/evidence/bar-chart'
import { wrapChartLabel } from '../../app/evidence/chart-label'
import { drawBreakdownChart } from '../../app/evidence/exports/docx-chart.server'

const long = 'Speech, language and communication needs'

test('a long chart label wraps at spaces onto lines that fit, keeping every word', () => {
  expect(wrapChartLabel(long)).toEqual(['Speech, language and communication', 'needs'])
  expect(wrapChartLabel('Hearing impairment')).toEqual(['Hearing impairment'])
  fc.assert(
    fc.property(
      fc.array(fc.stringMatching(/^[A-Za-z,()]{1,20}$/), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 20, max: 40 }),
      (words, width) => {
        const lines = wrapChartLabel(words.join(' '), width)
        expect(lines.join(' ')).toBe(words.join(' '))
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width)
      },
    ),
  )
})

/** The text of each `<text>` element, its `<tspan>` lines joined with spaces. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map(
    (m) =>
      [...m[1]!.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' ') ||
      m[1]!.replace(/<[^>]+>/g, ''),
  )

test('the dashboard chart and the Word chart show a long label whole, on two lines, never cut off', async () => {
  const html = renderToStaticMarkup(
    createElement(BarChart, {
      title: 'Case studies by need',
      bars: [
        { label: long, value: 12 },
        { label: 'Hearing impairment', value: 3 },
      ],
    }),
  )
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)![0]
  expect(texts(svg)).toContain(long)
  expect(svg).not.toContain('…')
  expect(svg.match(/<tspan/g)).toHaveLength(3)

  const chart = await drawBreakdownChart({
    key: 'need',
    title: 'Need',
    figures: [
      { value: 'SLCN', label: long, count: 12, averageStrength: null },
      { value: 'HI', label: 'Hearing impairment', count: 3, averageStrength: null },
    ],
  })
  const word = chart.svg.toString('utf8')
  expect(texts(word)).toContain(long)
  expect(word).not.toContain('…')
})
