import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { BackLink, Tag } from '~/components/govuk/content'
import { ErrorSummary } from '~/components/govuk/forms'
import { followUpStatusLabels } from '~/follow-ups/review-state'
import { pageTitle } from '~/utils/page-title'
import { CaseStudyForm } from '../moderate.$reference._index/case-study-form'
import { FollowUpDecisions } from './follow-up-decisions'
import { followUpAction } from './follow-up-action.server'
import { loadFollowUpPage } from './follow-up-review.server'
import { NextVersionReview } from './next-version-review'
import { PublishedBesideUpdate } from './published-beside-update'

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  pageTitle(
    `${loaded?.review ? `${loaded.review.followUp.kind}: ` : 'Updates: '}${loaded?.title ?? loaded?.reference ?? ''} - Moderation`,
    matches,
  ),
]

/** A case study's updates from its school: /moderate/<reference>/follow-up[?round=n]. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['moderator'])
  const round = new URL(request.url).searchParams.get('round')
  return loadFollowUpPage(context, params.reference ?? '', round)
}

export const action = followUpAction

export default function FollowUpReview() {
  const { reference, title, rounds, review } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (!review)
    return (
      <>
        <BackLink to="/moderate/follow-ups">Back to updates</BackLink>
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{title ?? 'No case study yet'}</h1>
        <p className="govuk-body">
          There are no updates from the school yet. Schools that agreed are asked how the practice
          is going 6 and 12 months after their case study is first published.
        </p>
      </>
    )
  const { followUp, caseStudy, draft } = review
  const errors: Record<string, string> = actionData?.errors ?? {}
  const shown = actionData?.current ?? draft
  return (
    <>
      <BackLink to="/moderate/follow-ups">Back to updates</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{followUp.kind}</span>
      <h1 className="govuk-heading-l" id="problem">
        {caseStudy.values.title}
      </h1>
      <p className="govuk-body">
        <Tag colour="blue">{followUpStatusLabels[followUp.status]}</Tag> received{' '}
        {followUp.received || 'not yet'} · held by {followUp.assignee ?? 'nobody'}
        {followUp.publishedVersion ? ` · published as version ${followUp.publishedVersion}` : ''}
      </p>
      {rounds.length > 1 ? (
        <nav aria-label="Updates for this case study">
          <ul className="govuk-list">
            {rounds.map((r) => (
              <li key={r.round}>
                {r.round === followUp.round ? (
                  <strong>{r.kind}</strong>
                ) : (
                  <Link
                    className="govuk-link"
                    to={`/moderate/${reference}/follow-up?round=${r.round}`}
                  >
                    {r.kind}
                  </Link>
                )}{' '}
                ({followUpStatusLabels[r.status].toLowerCase()})
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <FollowUpDecisions />
      <PublishedBesideUpdate />

      {draft && shown ? (
        <>
          <h2 className="govuk-heading-l govuk-!-margin-top-6" id="next-version">
            Next version (version {caseStudy.version + 1})
          </h2>
          <NextVersionReview draft={shown} errors={errors} />
          <h3 className="govuk-heading-m">Text of the next version</h3>
          <CaseStudyForm
            values={actionData?.yours ?? shown.values}
            version={followUp.editVersion}
            stored={actionData?.current?.values ?? null}
            changed={[]}
            findings={review.draftFindings}
            errors={errors}
            organisationNamed={caseStudy.organisationNamed}
          />
        </>
      ) : followUp.status === 'submitted' ? (
        <p className="govuk-body">Claim this update to prepare the case study’s next version.</p>
      ) : null}
    </>
  )
}
