import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { BackLink, Tag } from '~/components/govuk/content'
import { countFollowUpUpdatesForSubmission } from '~/db.server'
import { ErrorSummary } from '~/components/govuk/forms'
import { statusLabels } from '~/moderation/state-machine'
import { loadSuggestionsForReview } from '~/suggestions/review.server'
import { pageTitle } from '~/utils/page-title'
import { AdminTools } from './admin-tools'
import { CaseStudyForm } from './case-study-form'
import { DecisionForm } from './decision-form'
import { NotesAndHistory } from './notes-and-history'
import { OriginalAnswers } from './original-answers'
import { PersonalDataPanel } from './personal-data-panel'
import { reviewAction } from './review-action.server'
import { PrivacyAlerts, RespondentFindings, SampleAndDuplicates } from './review-notices'
import { loadReview } from './review.server'
import { SuggestedTags } from './suggested-tags'
import { TagsForm } from './tags-form'

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  pageTitle(`${loaded ? `${loaded.submission.reference} - ` : ''}Moderation`, matches),
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const review = await loadReview(context, params.reference ?? '')
  return {
    ...review,
    suggested: await loadSuggestionsForReview(
      context.services.db,
      review.submission.id,
      review.draft ? review.tags : [],
    ),
    // Updates the school has sent since publication, reviewed on their own page.
    followUpUpdates: await countFollowUpUpdatesForSubmission(
      context.services.db,
      review.submission.id,
    ),
    isAdmin: user.roles.includes('admin'),
    // The second coder works blind: a link here, never the first coder's tags on their page.
    canSecondCode: review.sampled && review.assignedTo !== user.id,
  }
}

export const action = reviewAction

export default function Review() {
  const review = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { submission, original, draft } = review
  const conflict =
    actionData?.conflict && actionData.yours
      ? { conflict: actionData.conflict, yours: actionData.yours }
      : null
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <>
      <BackLink to="/moderate">Back to the queue</BackLink>
      <ErrorSummary errors={errors} />
      <PrivacyAlerts />
      <span className="govuk-caption-l">{submission.reference}</span>
      <h1 className="govuk-heading-l" id="problem">
        {draft?.title || original.title || 'Untitled submission'}
      </h1>
      <p className="govuk-body">
        <Tag colour="blue">{statusLabels[submission.status]}</Tag> {submission.organisation} · sent{' '}
        {submission.submitted} · held by {submission.assignee ?? 'nobody'} · consent:{' '}
        {submission.publication || 'not given'}
      </p>
      {review.followUpUpdates > 0 ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/moderate/${submission.reference}/follow-up`}>
            Updates from the school ({review.followUpUpdates})
          </Link>
        </p>
      ) : null}

      <DecisionForm />

      <RespondentFindings />

      <SampleAndDuplicates />
      <AdminTools />

      <div className="govuk-grid-row">
        <OriginalAnswers />
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Case study to publish</h2>
          {draft ? (
            <>
              <PersonalDataPanel
                findings={review.draftFindings}
                dismissals={review.dismissals}
                errors={errors}
                typed={actionData?.typed ?? null}
              />
              <CaseStudyForm
                values={actionData?.yours ?? draft}
                version={conflict?.conflict.version ?? draft.version}
                stored={conflict?.conflict.current ?? null}
                changed={conflict?.conflict.changed ?? []}
                findings={review.draftFindings}
                errors={errors}
                organisationNamed={draft.organisation_named}
              />
            </>
          ) : (
            <p className="govuk-body">Claim this submission to start its case study.</p>
          )}
        </div>
      </div>

      <SuggestedTags />

      <TagsForm />

      <NotesAndHistory />
    </>
  )
}
