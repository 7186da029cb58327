import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { Tag } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import type { loader } from './route'

const confidenceWords = { likely: 'Likely', possible: 'Possible' } as const

/**
 * Suggested tags for the claimed submission, each with its reason. Accepting one ticks it in the
 * tags below; dismissing it keeps it off. Plain forms, one per suggestion, so that it works
 * without JavaScript. Nothing is tagged until a moderator accepts.
 */
export function SuggestedTags() {
  const { draft, suggested } = useLoaderData<typeof loader>()
  if (!draft) return null
  return (
    <section aria-labelledby="suggested-tags">
      <h2 className="govuk-heading-m" id="suggested-tags">
        Suggested tags
      </h2>
      {!suggested.made ? (
        <Form method="post">
          <CsrfInput />
          <p className="govuk-body">No tags have been suggested for this submission yet.</p>
          <Button secondary name="intent" value="suggest-tags">
            Suggest tags
          </Button>
        </Form>
      ) : suggested.groups.length === 0 ? (
        <p className="govuk-body">Every suggestion has been accepted or dismissed.</p>
      ) : (
        <>
          <p className="govuk-body">
            Suggestions from the words of the response and the published case studies most like it.
            They are a hint: accept the ones that are right and dismiss the rest. Nothing is tagged
            until you accept it.
          </p>
          {suggested.groups.map((group) => (
            <div key={group.scheme} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s">{group.name}</h3>
              <ul className="govuk-list">
                {group.suggestions.map((s) => (
                  <li key={s.id} className="govuk-!-margin-bottom-4">
                    <p className="govuk-body govuk-!-margin-bottom-1">
                      <strong>{s.label}</strong>{' '}
                      <Tag colour={s.confidence === 'likely' ? 'green' : 'yellow'}>
                        {confidenceWords[s.confidence]}
                      </Tag>
                      {s.alreadyTagged ? (
                        <span className="govuk-hint govuk-!-display-inline"> (already tagged)</span>
                      ) : null}
                    </p>
                    {s.phrases.length > 0 ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        The response says:{' '}
                        {s.phrases.map((p, i) => (
                          <span key={p}>
                            {i > 0 ? ', ' : ''}“{p}”
                          </span>
                        ))}
                      </p>
                    ) : null}
                    {s.similar.length > 0 ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        Tagged the same in published case studies like it:{' '}
                        {s.similar.map((c, i) => (
                          <span key={c.slug}>
                            {i > 0 ? '; ' : ''}
                            <Link className="govuk-link" to={`/library/${c.slug}`}>
                              {c.title}
                            </Link>
                          </span>
                        ))}
                      </p>
                    ) : null}
                    <Form method="post" className="govuk-button-group govuk-!-margin-bottom-0">
                      <CsrfInput />
                      <input type="hidden" name="suggestion" value={s.id} />
                      <Button secondary name="intent" value="suggestion:accept">
                        Accept<span className="govuk-visually-hidden"> {s.label}</span>
                      </Button>
                      <Button secondary name="intent" value="suggestion:dismiss">
                        Dismiss<span className="govuk-visually-hidden"> {s.label}</span>
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="govuk-hint">Suggested by model {suggested.modelVersion}.</p>
        </>
      )}
    </section>
  )
}

/** Every suggestion shown for this submission, and what was done with it. */
export function SuggestionHistory() {
  const { suggested } = useLoaderData<typeof loader>()
  if (suggested.history.length === 0) return null
  return (
    <>
      <h3 className="govuk-heading-s">Suggested tags</h3>
      <ul className="govuk-list">
        {suggested.history.map((h, i) => (
          <li key={i}>
            {h.at}:{' '}
            {h.suggested
              ? `${h.scheme} “${h.label}” suggested (${h.confidence}, model ${h.modelVersion}) — ${h.decision}${h.by ? ` by ${h.by}` : ''}`
              : `${h.scheme} “${h.label}” ${h.decision}${h.by ? ` by ${h.by}` : ''}`}
          </li>
        ))}
      </ul>
    </>
  )
}
