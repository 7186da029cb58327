import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BarChart, DailyChart } from '~/components/evidence/bar-chart'
import { EvidencePage } from '~/components/evidence/evidence-page'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { headlineFigures, loadEvidenceFigures } from '~/evidence/figures.server'
import { pageTitle } from '~/utils/page-title'
import { FollowUpFiguresSection } from '~/components/follow-up/follow-up-figures'
import { loadFollowUpFigures } from '~/follow-ups/figures.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Evidence dashboard', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const figures = await loadEvidenceFigures(context, page.filter, page.vocabulary)
  const followUps = await loadFollowUpFigures(context.services.db)
  return {
    followUps,
    filter: page.filter,
    problems: page.problems,
    options: page.options,
    description: page.description,
    figures,
    headline: headlineFigures(figures),
  }
}

export default function EvidenceDashboard() {
  const { filter, problems, options, description, figures, headline, followUps } =
    useLoaderData<typeof loader>()
  return (
    <EvidencePage
      title="Evidence dashboard"
      path="/evidence"
      filter={filter}
      options={options}
      description={description}
      problems={problems}
    >
      <h2 className="govuk-heading-m">Headline figures</h2>
      <dl className="app-figures" data-testid="headline-figures">
        {headline.map(([label, value]) => (
          <div className="app-figures__item" key={label}>
            <dt className="govuk-body-s govuk-!-margin-bottom-1">{label}</dt>
            <dd className="govuk-heading-l govuk-!-margin-bottom-0" data-figure={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <FollowUpFiguresSection figures={followUps} />
      {figures.received ? (
        <>
          <h2 className="govuk-heading-m">Responses received</h2>
          <p className="govuk-body">
            {figures.received.total.toLocaleString('en-GB')} responses sent, in every status, for{' '}
            {filter.calls.length > 0 ? 'the chosen calls' : 'all calls'}. Only moderated responses
            become evidence; the figures below count those.
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
    </EvidencePage>
  )
}
