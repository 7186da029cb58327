import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useRevalidator, useSearchParams } from '@remix-run/react'
import { useEffect } from 'react'
import { z } from 'zod'
import { requestRebuild, retryParkedChange, searchIndexStatus } from '~/admin/search-index.server'
import { requireRole } from '~/accounts/session.server'
import { CsrfInput } from '~/components/forms/csrf-input'
import { BackLink, NotificationBanner, SummaryList, Table, Tag } from '~/components/govuk/content'
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
    parked: status.parked.map((change) => ({
      caseStudyId: change.case_study_id,
      title: change.title ?? 'A case study since deleted',
      href: change.status === 'published' ? `/library/${change.slug}` : null,
      error: change.last_error ?? 'No detail',
      tries: change.attempts,
      parkedAt: formatLondonDateTime(new Date(change.parked_at!)),
    })),
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

const Rebuild = z.object({ intent: z.literal('rebuild') })
const Retry = z.object({ intent: z.literal('retry'), caseStudyId: z.string().uuid() })
const Intent = z.discriminatedUnion('intent', [Rebuild, Retry])

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['admin'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const parsed = Intent.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new Response('Bad request', { status: 400, statusText: 'Bad Request' })
  if (parsed.data.intent === 'rebuild') {
    await requestRebuild(context.services.db, user.id)
    throw redirect('/admin/search')
  }
  const retried = await retryParkedChange(context.services.db, user.id, parsed.data.caseStudyId)
  throw redirect(`/admin/search?done=${retried ? 'retried' : 'not-parked'}`)
}

const doneText: Record<string, string> = {
  retried: 'The change will be sent to the search index again in a moment.',
  'not-parked': 'That change is no longer set aside: it has been sent again already.',
}

export default function SearchIndex() {
  const { published, indexed, backlog, failures, parked, rebuild } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  const [searchParams] = useSearchParams()
  const done = doneText[searchParams.get('done') ?? '']
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
        {done ? (
          <NotificationBanner success title="Success">
            <p className="govuk-notification-banner__heading">{done}</p>
          </NotificationBanner>
        ) : null}
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
            {
              key: 'Changes the search index refused, set aside',
              value: backlog.parked === 0 ? 'None' : backlog.parked.toLocaleString('en-GB'),
            },
          ]}
        />
        {parked.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Changes set aside</h2>
            <p className="govuk-body">
              The search engine refused these changes each time they were sent, so they were set
              aside rather than hold back the others. Until one is sent again successfully, its case
              study is missing from search results, or out of date there. Correct the cause (for
              example, the search engine&apos;s size limit), then try again.
            </p>
            <Table
              caption={`${parked.length.toLocaleString('en-GB')} ${parked.length === 1 ? 'change' : 'changes'} set aside`}
              captionSize="s"
              head={['Case study', 'Why the search engine refused it', 'Set aside', 'Action']}
              rows={parked.map((change) => [
                change.href ? (
                  <Link className="govuk-link" to={change.href} key="title">
                    {change.title}
                  </Link>
                ) : (
                  change.title
                ),
                <span className="app-break-words" key="error">
                  {change.error}
                </span>,
                `${change.parkedAt}, after ${change.tries} ${change.tries === 1 ? 'try' : 'tries'}`,
                <Form method="post" key="retry">
                  <CsrfInput />
                  <input type="hidden" name="caseStudyId" value={change.caseStudyId} />
                  <Button name="intent" value="retry" secondary>
                    Try again<span className="govuk-visually-hidden"> for {change.title}</span>
                  </Button>
                </Form>,
              ])}
            />
          </>
        ) : null}
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
            <Button name="intent" value="rebuild">
              Rebuild the search index
            </Button>
          </Form>
        )}
      </div>
    </div>
  )
}
