import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { isComplete } from '~/submissions/answers'
import { requireDraft } from '~/submissions/response-access.server'
import { listReviews } from '~/db.server'
import { NotificationBanner } from '~/components/govuk/content'
import { sections } from '~/submissions/sections'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Your response', matches)]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { call, submission, answers } = await requireDraft(request, context, params.slug)
  const tasks = sections.map((section) => ({
    key: section.key,
    title: section.title,
    optional: section.optional,
    complete: isComplete(answers, section.key),
    started:
      section.key === 'about-you'
        ? Boolean(submission.respondent_email)
        : Boolean(answers[section.key === 'files' ? 'files' : section.key]),
  }))
  // When a moderator has asked for changes, their message heads the task list.
  const asked =
    submission.status === 'changes_requested'
      ? ((await listReviews(context.services.db, submission.id)).find(
          (r) => r.decision === 'request_changes',
        )?.reason ?? '')
      : null
  return {
    asked,
    slug: call.slug,
    title: call.title,
    closes: formatLondonDateTime(call.closes_at),
    reference: submission.reference,
    tasks,
    ready: tasks.every((t) => t.optional || t.complete),
  }
}

export default function TaskList() {
  const { asked, slug, title, closes, reference, tasks, ready } = useLoaderData<typeof loader>()
  const done = tasks.filter((t) => t.complete).length
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{title}</span>
        {asked !== null ? (
          <NotificationBanner title="Changes requested">
            <p className="govuk-notification-banner__heading">
              A moderator has asked you to change your response.
            </p>
            <p className="govuk-body app-preserve-lines">{asked}</p>
            <p className="govuk-body">
              Change your answers, then check them and send your response again.
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-xl">Your response</h1>
        <p className="govuk-body">
          You have completed {done} of {tasks.length} sections. Send your response before{' '}
          <strong>{closes}</strong> (UK time).
        </p>
        <p className="govuk-body">
          Your draft’s reference is <strong>{reference}</strong>. Quote it if you contact us.
        </p>
        <ul className="govuk-task-list">
          {tasks.map((task) => (
            <li className="govuk-task-list__item govuk-task-list__item--with-link" key={task.key}>
              <div className="govuk-task-list__name-and-hint">
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={`/calls/${slug}/response/${task.key}`}
                  aria-describedby={`${task.key}-status`}
                >
                  {task.title}
                </Link>
                {task.optional ? <div className="govuk-task-list__hint">Optional</div> : null}
              </div>
              <div className="govuk-task-list__status" id={`${task.key}-status`}>
                {task.complete ? (
                  'Completed'
                ) : (
                  <strong
                    className={`govuk-tag ${task.started ? 'govuk-tag--light-blue' : 'govuk-tag--blue'}`}
                  >
                    {task.started ? 'In progress' : 'Not yet started'}
                  </strong>
                )}
              </div>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">Check and send</h2>
        {ready ? (
          <p className="govuk-body">
            <Link className="govuk-button" to={`/calls/${slug}/response/check`}>
              Check your answers
            </Link>
          </p>
        ) : (
          <p className="govuk-body">
            Complete every section (files are optional) to check and send your response.
          </p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/calls/${slug}/response/save`}>
            Save and come back later
          </Link>
        </p>
      </div>
    </div>
  )
}
