import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { requestRebuild, searchIndexStatus } from '~/admin/search-index.server'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, SummaryList, Tag } from '~/components/govuk/content'
import { Button } from '~/components/govuk/forms'
import { validateCsrf } from '~/utils/csrf.server'
import { formatLondonDateTime } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Search index', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const status = await searchIndexStatus(context)
  const r = status.rebuild
  return {
    ...status,
    rebuild: r && {
      requestedBy: r.requested_by_name ?? 'someone',
      requestedAt: formatLondonDateTime(new Date(r.requested_at)),
      state: r.finished_at
        ? r.error
          ? 'failed'
          : 'finished'
        : r.started_at
          ? 'running'
          : 'waiting',
      total: r.total,
      indexed: r.indexed,
      error: r.error,
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  await requestRebuild(context.services.db, user.id)
  throw redirect('/admin/search')
}

export default function SearchIndex() {
  const { published, indexed, backlog, failures, rebuild } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  const busy = rebuild?.state === 'running' || rebuild?.state === 'waiting'
  // With JavaScript, a rebuild's progress updates by itself; without, "Refresh" does it.
  useEffect(() => {
    if (!busy) return
    const timer = window.setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 2000)
    return () => window.clearInterval(timer)
  }, [busy, revalidator])
  const inStep = indexed !== null && indexed === published && backlog.pending === 0
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin">Back to administration</BackLink>
        <span className="govuk-caption-l">Administration</span>
        <h1 className="govuk-heading-l">Search index</h1>
        <SummaryList
          rows={[
            { key: 'Published case studies (Postgres)', value: published.toLocaleString('en-GB') },
            {
              key: 'Documents in the search index',
              value:
                indexed === null ? (
                  <Tag colour="red">Search unavailable</Tag>
                ) : (
                  <>
                    {indexed.toLocaleString('en-GB')}{' '}
                    {inStep ? (
                      <Tag colour="green">In step</Tag>
                    ) : (
                      <Tag colour="yellow">Catching up</Tag>
                    )}
                  </>
                ),
            },
            {
              key: 'Changes waiting for the index',
              value:
                backlog.pending === 0
                  ? 'None'
                  : `${backlog.pending.toLocaleString('en-GB')} (oldest ${backlog.oldestAgeSeconds} seconds)`,
            },
            {
              key: 'Changes that have failed and are being retried',
              value:
                failures.failing === 0
                  ? 'None'
                  : `${failures.failing.toLocaleString('en-GB')}: ${failures.latestError ?? ''}`,
            },
          ]}
        />
        <h2 className="govuk-heading-m">Rebuild</h2>
        <p className="govuk-body">
          A rebuild fills a fresh index from Postgres and swaps it in when it is complete, so the
          library keeps searching the old one meanwhile. Use it after changing search settings, or
          if the index has drifted.
        </p>
        <div aria-live="polite" data-testid="rebuild-status">
          {rebuild ? (
            <>
              <p className="govuk-body">
                {rebuild.state === 'finished'
                  ? `The last rebuild, asked for by ${rebuild.requestedBy} at ${rebuild.requestedAt}, finished: ${rebuild.indexed.toLocaleString('en-GB')} case studies indexed.`
                  : rebuild.state === 'failed'
                    ? `The last rebuild, asked for at ${rebuild.requestedAt}, failed: ${rebuild.error}. The library kept its index.`
                    : rebuild.state === 'waiting'
                      ? `A rebuild asked for by ${rebuild.requestedBy} at ${rebuild.requestedAt} is about to start.`
                      : `Rebuilding: ${rebuild.indexed.toLocaleString('en-GB')} of ${(rebuild.total ?? 0).toLocaleString('en-GB')} case studies indexed.`}
              </p>
              {rebuild.state === 'running' ? (
                <progress
                  className="app-progress"
                  max={rebuild.total || 1}
                  value={rebuild.indexed}
                  aria-label="Rebuild progress"
                />
              ) : null}
            </>
          ) : (
            <p className="govuk-body">The index has not been rebuilt from this page yet.</p>
          )}
        </div>
        {busy ? (
          <p className="govuk-body">
            <a className="govuk-link" href="/admin/search">
              Refresh
            </a>
          </p>
        ) : (
          <Form method="post">
            <CsrfInput />
            <Button>Rebuild the search index</Button>
          </Form>
        )}
      </div>
    </div>
  )
}
