import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BarChart, DailyChart } from '~/components/evidence/bar-chart'
import { EvidenceNav, FilterDescription } from '~/components/evidence/evidence-nav'
import { EvidenceFilterPanel, SelectedEvidenceFilters } from '~/components/evidence/filter-panel'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { loadEvidenceFigures } from '~/evidence/figures.server'
import { formatCount } from '~/evidence/suppression'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Evidence dashboard', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const figures = await loadEvidenceFigures(context, page.filter, page.vocabulary)
  return {
    filter: page.filter,
    problems: page.problems,
    options: page.options,
    description: page.description,
    figures,
  }
}

export default function EvidenceDashboard() {
  const { filter, problems, options, description, figures } = useLoaderData<typeof loader>()
  const headline = [
    { label: 'Case studies', value: formatCount(figures.total) },
    { label: 'Published', value: formatCount(figures.published) },
    { label: 'Evidence only', value: formatCount(figures.evidenceOnly) },
    { label: 'Schools', value: figures.schools.toLocaleString('en-GB') },
    {
      label: 'Mean evidence strength (0 to 4)',
      value: figures.averageStrength === null ? 'none rated' : figures.averageStrength.toFixed(1),
    },
  ]
  return (
    <>
      <span className="govuk-caption-l">Evidence</span>
      <h1 className="govuk-heading-l">Evidence dashboard</h1>
      <EvidenceNav current="/evidence" filter={filter} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third app-no-print">
          <EvidenceFilterPanel filter={filter} options={options} action="/evidence" />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <SelectedEvidenceFilters filter={filter} options={options} path="/evidence" />
          <FilterDescription description={description} problems={problems} />
          <h2 className="govuk-heading-m">Headline figures</h2>
          <dl className="app-figures" data-testid="headline-figures">
            {headline.map((item) => (
              <div className="app-figures__item" key={item.label}>
                <dt className="govuk-body-s govuk-!-margin-bottom-1">{item.label}</dt>
                <dd className="govuk-heading-l govuk-!-margin-bottom-0" data-figure={item.label}>
                  {item.value}
                </dd>
              </div>
            ))}
          </dl>
          {figures.received ? (
            <>
              <h2 className="govuk-heading-m">Responses received</h2>
              <p className="govuk-body">
                {figures.received.total.toLocaleString('en-GB')} responses sent, in every status,
                for {filter.calls.length > 0 ? 'the chosen calls' : 'all calls'}. Only moderated
                responses become evidence; the figures below count those.
              </p>
              <BarChart
                title="Responses by status"
                unit="responses"
                bars={figures.received.byStatus.map((s) => ({ label: s.label, value: s.count }))}
              />
              <DailyChart title="Responses received per day" days={figures.received.byDay} />
            </>
          ) : null}
          {figures.breakdowns.map((breakdown) => (
            <section key={breakdown.key} aria-labelledby={`breakdown-${breakdown.key}`}>
              <h2 className="govuk-heading-m" id={`breakdown-${breakdown.key}`}>
                By {breakdown.title.toLowerCase()}
              </h2>
              <BarChart
                title={`Case studies by ${breakdown.title.toLowerCase()}`}
                bars={breakdown.figures.map((f) => ({ label: f.label, value: f.count }))}
              />
            </section>
          ))}
        </div>
      </div>
    </>
  )
}
