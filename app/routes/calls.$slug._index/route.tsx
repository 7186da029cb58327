import { randomBytes } from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { callState, describeCall } from '~/calls/call-state'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Honeypot } from '~/components/response/honeypot'
import { NotificationBanner } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { checkForBots, enforceLimits } from '~/submissions/abuse.server'
import { startRespondentSession } from '~/submissions/respondent-session.server'
import { callClosedPage, problemPage, requireCall } from '~/submissions/response-access.server'
import { startResponse } from '~/submissions/response.server'
import { validateCsrf } from '~/utils/csrf.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.title} - Inclusion in Practice`
      : 'Page not found - Inclusion in Practice',
  },
]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const call = await requireCall(context, params.slug)
  return {
    slug: call.slug,
    title: call.title,
    summary: call.summary,
    description: call.description,
    ...describeCall(call, context.services.clock.now()),
    // One per page view: the draft it starts is found again if the form is sent twice.
    startToken: randomBytes(24).toString('base64url'),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const call = await requireCall(context, params.slug)
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const state = callState(call, context.services.clock.now())
  if (state === 'closed') callClosedPage(call)
  if (state === 'scheduled')
    problemPage(403, 'This call for evidence has not opened yet', [
      `It opens at ${describeCall(call, context.services.clock.now()).opens} (UK time). Come back then to start your response.`,
    ])
  const startToken = formData.get('startToken')
  if (
    checkForBots(context, formData) === 'honeypot' ||
    typeof startToken !== 'string' ||
    !/^[A-Za-z0-9_-]{20,64}$/.test(startToken)
  ) {
    problemPage(400, 'Your response could not be started', [
      'Go back to the start page, reload it and press Start now again.',
    ])
  }
  const { env } = context.services
  // Per browser (its form token) and, more generously, per network address: many schools behind
  // one trust or council address are not held back by each other.
  await enforceLimits(
    context,
    [
      {
        name: 'start-browser',
        key: String(formData.get('csrf')),
        points: 10,
        durationSeconds: 3600,
      },
      {
        name: 'start-address',
        key: context.clientAddress,
        points: env.RATE_LIMIT_STARTS_PER_HOUR,
        durationSeconds: 3600,
      },
    ],
    'start a response',
  )
  const started = await startResponse(context.services.db, call, startToken)
  if (!started) throw redirect(`/calls/${call.slug}`)
  const cookie = await startRespondentSession(context, started.id, call.closes_at)
  throw redirect(`/calls/${call.slug}/response`, { headers: { 'Set-Cookie': cookie } })
}

export default function CallPage() {
  const call = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Call for evidence</span>
        <h1 className="govuk-heading-xl">{call.title}</h1>
        {call.state !== 'open' ? (
          <NotificationBanner>
            <p className="govuk-notification-banner__heading">
              {call.state === 'closed'
                ? `This call for evidence closed at ${call.closes}.`
                : `This call for evidence opens at ${call.opens}.`}
            </p>
          </NotificationBanner>
        ) : null}
        <p className="govuk-body-l">{call.summary}</p>
        <p className="govuk-body">{call.description}</p>
        <h2 className="govuk-heading-m">Who can respond</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>schools and colleges</li>
          <li>multi-academy trusts, for one school or several</li>
          <li>local authorities and local-area SEND partnerships</li>
          <li>other organisations that support inclusion in mainstream schools</li>
        </ul>
        <h2 className="govuk-heading-m">When</h2>
        <p className="govuk-body">
          The call opens at {call.opens} and closes at {call.closes} (UK time).
        </p>
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">It takes about an hour. You will be asked for:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>your name, role and work email address</li>
          <li>your school’s URN or name, or the schools your trust or local authority covers</li>
          <li>the story of your practice: the challenge, what you do, what made it work</li>
          <li>the difference it made and how you know, with any figures you have</li>
          <li>the name of the headteacher or chief executive who approved your response</li>
        </ul>
        <p className="govuk-body">
          You can save your answers and come back later through a link we email to you. You can
          attach up to 5 supporting files (PDF, Word, Excel, PowerPoint, JPEG or PNG, up to 10MB
          each). Do not include pupils’ names or other details that could identify a child.
        </p>
        {call.state === 'open' ? (
          <>
            <Form method="post">
              <CsrfInput />
              <Honeypot />
              <input type="hidden" name="startToken" value={call.startToken} />
              <Button isStartButton preventDoubleClick>
                Start now
              </Button>
            </Form>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/calls/${call.slug}/return`}>
                Get a link to a response you have already started
              </Link>
            </p>
          </>
        ) : null}
        <h2 className="govuk-heading-m">What happens to your response</h2>
        <p className="govuk-body">
          Moderators read every response, remove personal details and publish the strongest as case
          studies in the{' '}
          <Link className="govuk-link" to="/library">
            practice library
          </Link>
          . Read the{' '}
          <Link className="govuk-link" to="/privacy">
            privacy notice
          </Link>{' '}
          to find out how we use personal data.
        </p>
      </div>
    </div>
  )
}
