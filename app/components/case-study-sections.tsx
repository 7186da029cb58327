import { Table } from '~/components/govuk/content'
import type { Measure } from '~/privacy/published-fields'

/** The case study's sections in the order it is read, each with its heading. */
const sections = [
  ['challenge', 'The challenge'],
  ['practice', 'What it looks like in practice'],
  ['impact', 'Impact on children'],
  ['key_factors', 'Key factors that made it work'],
  ['advice', 'Advice to other leaders'],
  ['cost_and_resources', 'Cost and resources'],
] as const

type SectionField = (typeof sections)[number][0]

/**
 * A published case study's text: each section that has any, in paragraphs, with the school's
 * measures under its impact. The same on the case study page and on each of its versions.
 */
export function CaseStudySections({
  caseStudy,
}: {
  caseStudy: Record<SectionField, string | null> & { measures: Measure[] }
}) {
  return sections.map(([field, heading]) => {
    const text = caseStudy[field]
    if (!text) return null
    return (
      <section key={field}>
        <h2 className="govuk-heading-m">{heading}</h2>
        {text.split(/\n{2,}/).map((paragraph, i) => (
          <p className="govuk-body" key={i}>
            {paragraph}
          </p>
        ))}
        {field === 'impact' && caseStudy.measures.length > 0 ? (
          <Table
            caption="Measures reported by the school"
            captionSize="s"
            head={['Measure', 'Before', 'After', 'Period']}
            rows={caseStudy.measures.map((m) => [m.measure, m.before, m.after, m.period])}
            firstCellIsHeader
          />
        ) : null}
      </section>
    )
  })
}
