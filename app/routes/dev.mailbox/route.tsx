import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { createEmailTransport, readMailbox } from '~/notifications/transport.server'
import { notFound } from '~/utils/responses.server'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Development mailbox', matches)]

/**
 * Emails the platform would have sent, when no GOV.UK Notify key is configured (the embedded
 * default). Never in production: there, Notify is required and this page does not exist.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const { env } = context.services
  if (env.NODE_ENV === 'production' || createEmailTransport(env).kind !== 'mailbox') notFound()
  return { messages: await readMailbox(env) }
}

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Development mailbox</h1>
        <p className="govuk-body">
          With no GOV.UK Notify key configured, emails are kept here instead of being sent. Newest
          first.
        </p>
        {messages.length === 0 ? <p className="govuk-body">No emails yet.</p> : null}
        {messages.map((message) => (
          <details className="govuk-details" key={message.id}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {message.subject} — to {message.to}
              </span>
            </summary>
            <div className="govuk-details__text app-preserve-lines">
              {message.body.split(/(https?:\/\/\S+)/).map((part, index) =>
                /^https?:\/\//.test(part) ? (
                  <a className="govuk-link" href={part} key={index}>
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </div>
          </details>
        ))}
      </div>
    </div>
  )
}
