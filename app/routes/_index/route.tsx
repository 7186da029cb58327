import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { findCurrentCall } from '~/db.server'
import { loadHomeSummary } from '~/library/home-summary.server'
import { describeCall } from '~/calls/call-state'
import { Tag } from '~/components/govuk/content'
import { StartIcon } from '~/components/govuk/forms'

export const meta: MetaFunction = () => [
  { title: 'Inclusion in Practice' },
  {
    name: 'description',
    content:
      'Schools and trusts in England share evidence of how they include pupils with SEND in mainstream education.',
  },
]

export async function loader({ context }: LoaderFunctionArgs) {
  const [call, { published, needAreas }] = await Promise.all([
    findCurrentCall(context.services.db, context.services.clock.now()),
    loadHomeSummary(context),
  ])
  return {
    published,
    needAreas,
    call: call
      ? {
          slug: call.slug,
          title: call.title,
          summary: call.summary,
          ...describeCall(call, context.services.clock.now()),
        }
      : null,
  }
}

const stateTags = {
  open: <Tag colour="green">Open</Tag>,
  scheduled: <Tag colour="blue">Opening soon</Tag>,
  closed: <Tag colour="grey">Closed</Tag>,
}

export default function Home() {
  const { call, published, needAreas } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Inclusion in Practice</h1>
        <p className="govuk-body-l">
          The national evidence base of how mainstream schools in England include pupils with
          special educational needs and disabilities (SEND).
        </p>
        <p className="govuk-body">
          Schools, trusts and local-area partnerships tell us what has worked for their pupils.
          Moderators check each account, remove personal details and publish it as a case study, so
          that teachers, SENCOs and parents can learn from it and national SEND policy can draw on
          it.
        </p>

        {call ? (
          <>
            <h2 className="govuk-heading-l">Call for evidence</h2>
            <div className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">{call.title}</h3>
                <div className="govuk-summary-card__actions">{stateTags[call.state]}</div>
              </div>
              <div className="govuk-summary-card__content">
                <p className="govuk-body">{call.summary}</p>
                <dl className="govuk-summary-list govuk-summary-list--no-border">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Opens</dt>
                    <dd className="govuk-summary-list__value">{call.opens}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Closes</dt>
                    <dd className="govuk-summary-list__value">{call.closes}</dd>
                  </div>
                </dl>
                <p className="govuk-body govuk-!-margin-bottom-0">
                  <Link className="govuk-link" to={`/calls/${call.slug}`}>
                    Read about the call for evidence
                  </Link>
                </p>
              </div>
            </div>
          </>
        ) : null}

        <h2 className="govuk-heading-l">Practice library</h2>
        <p className="govuk-body">
          Search {published.toLocaleString('en-GB')} published case studies by need, type of
          practice, phase and region.
        </p>
        <Link
          to="/library"
          role="button"
          draggable={false}
          className="govuk-button govuk-button--start"
          data-module="govuk-button"
        >
          Search the practice library
          <StartIcon />
        </Link>

        <h3 className="govuk-heading-s">Browse by area of need</h3>
        {needAreas.map((area) => (
          <div key={area.label}>
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {area.label}
            </p>
            <ul className="govuk-list govuk-!-margin-bottom-4">
              {area.needs.map((need) => (
                <li key={need.code}>
                  <Link className="govuk-link" to={`/library/needs/${need.code}`}>
                    {need.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}

        <h2 className="govuk-heading-m">If you work on the service</h2>
        <p className="govuk-body">
          Moderators, advisory group members and administrators can{' '}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>
          .
        </p>
      </div>
    </div>
  )
}
