import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { applyBulk, MAX_BULK, type BulkAction } from '~/moderation/bulk.server'
import { validateCsrf } from '~/utils/csrf.server'
import { markFormErrors } from '~/utils/form-errors'
import { requireRole } from '~/accounts/session.server'
import { NotificationBanner, Pagination, Table, Tag } from '~/components/govuk/content'
import { Button, ErrorSummary, TextInput } from '~/components/govuk/forms'
import { statusLabels, type SubmissionStatus } from '~/moderation/state-machine'
import { formatLondonDate } from '~/utils/london-time'
import { pageTitle } from '~/utils/page-title'
import { countByStatus, listCalls, listModerators, listQueue, listTaxonomyTerms } from '~/db.server'
import { regions } from '../../reference/regions'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Moderation queue', matches)]

const queueStatuses: SubmissionStatus[] = [
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'rejected',
  'withdrawn',
]
const PAGE_SIZE = 25

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const url = new URL(request.url)
  const asked = url.searchParams.get('status') as SubmissionStatus | null
  const status = asked && queueStatuses.includes(asked) ? asked : 'submitted'
  const mine = url.searchParams.get('mine') === 'yes'
  const flagged = url.searchParams.get('flagged') === 'yes'
  const page = Math.min(Math.max(1, Number(url.searchParams.get('page')) || 1), 10_000)
  const db = context.services.db
  const [terms, calls] = await Promise.all([listTaxonomyTerms(db), listCalls(db)])
  const options = {
    call: calls.map((c) => ({ value: c.id, label: c.title })),
    practice: terms
      .filter((t) => t.scheme === 'practice')
      .map((t) => ({ value: t.code, label: t.label })),
    need: terms.filter((t) => t.scheme === 'need').map((t) => ({ value: t.code, label: t.label })),
    phase: terms
      .filter((t) => t.scheme === 'phase')
      .map((t) => ({ value: t.code, label: t.label })),
    region: regions.map((r) => ({ value: r.code, label: r.name })),
  }
  // A value not on its list is ignored rather than refused: the URL may be old or edited.
  const chosen = Object.fromEntries(
    (Object.keys(options) as (keyof typeof options)[]).map((key) => {
      const value = url.searchParams.get(key) ?? ''
      return [key, options[key].some((o) => o.value === value) ? value : '']
    }),
  ) as Record<keyof typeof options, string>
  const [counts, moderators, queue] = await Promise.all([
    countByStatus(db),
    listModerators(db),
    listQueue(db, {
      status,
      assignedTo: mine ? user.id : undefined,
      flagged,
      callId: chosen.call || undefined,
      practice: chosen.practice || undefined,
      need: chosen.need || undefined,
      phase: chosen.phase || undefined,
      region: chosen.region || undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
  ])
  return {
    isAdmin: user.roles.includes('admin'),
    moderators,
    status,
    mine,
    flagged,
    options,
    chosen,
    page,
    pageCount: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)),
    total: queue.total,
    counts,
    rows: queue.rows.map((row) => ({
      ...row,
      submitted: row.submitted_at ? formatLondonDate(new Date(row.submitted_at)) : '',
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ['moderator'])
  const formData = await request.formData()
  await validateCsrf(request, context, formData)
  const references = formData
    .getAll('selected')
    .filter((v): v is string => typeof v === 'string' && /^IIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(v))
  const fail = (problem: string) => {
    markFormErrors(context)
    return data({ problem, outcomes: [] }, { status: 400 })
  }
  if (references.length === 0) return fail('Select at least one submission')
  if (references.length > MAX_BULK) return fail(`Select ${MAX_BULK} submissions or fewer`)
  const kind = formData.get('bulkAction')
  let action: BulkAction
  if (kind === 'assign') {
    if (!user.roles.includes('admin')) return fail('Only an administrator can assign submissions')
    const assignee = String(formData.get('assignee') ?? '')
    const moderators = await listModerators(context.services.db)
    if (assignee && !moderators.some((m) => m.id === assignee))
      return fail('Choose a moderator to assign them to')
    action = { kind: 'assign', assigneeId: assignee || null }
  } else if (kind === 'tag') {
    const [scheme = '', code = ''] = String(formData.get('tag') ?? '').split(':')
    if (!['practice', 'need', 'phase'].includes(scheme) || !/^[A-Za-z0-9-]{1,64}$/.test(code))
      return fail('Choose a tag to add')
    action = { kind: 'tag', scheme, code }
  } else if (kind === 'reject-duplicate') {
    const duplicateOf = String(formData.get('duplicateOf') ?? '')
      .trim()
      .toUpperCase()
    if (!/^IIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(duplicateOf))
      return fail('Enter the reference of the submission they duplicate, like IIP-7K3M-Q9XD')
    action = { kind: 'reject-duplicate', duplicateOf }
  } else {
    return fail('Choose what to do with the selected submissions')
  }
  const outcomes = await applyBulk(context.services.db, {
    references,
    actorId: user.id,
    action,
    baseUrl: context.services.publicBaseUrl,
  })
  return data({ problem: null, outcomes })
}

export default function ModerationQueue() {
  const actionData = useActionData<typeof action>()
  const {
    isAdmin,
    moderators,
    status,
    mine,
    flagged,
    options,
    chosen,
    page,
    pageCount,
    total,
    counts,
    rows,
  } = useLoaderData<typeof loader>()
  const query = (next: Record<string, string>) => {
    const params = new URLSearchParams({
      status,
      ...(mine ? { mine: 'yes' } : {}),
      ...(flagged ? { flagged: 'yes' } : {}),
      ...Object.fromEntries(Object.entries(chosen).filter(([, v]) => v)),
      ...next,
    })
    return `/moderate?${params}`
  }
  return (
    <>
      {actionData?.problem ? <ErrorSummary errors={{ bulkAction: actionData.problem }} /> : null}
      {actionData && actionData.outcomes.length > 0 ? (
        <NotificationBanner title="Done" success={actionData.outcomes.every((o) => o.ok)}>
          <ul className="govuk-list">
            {actionData.outcomes.map((o) => (
              <li key={o.reference}>
                {o.reference}: {o.message}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-xl">Moderation queue</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/moderate/audit">
          Audit log
        </Link>{' '}
        ·{' '}
        <Link className="govuk-link" to="/moderate/agreement">
          Coding agreement
        </Link>
      </p>
      <nav className="app-status-tabs" aria-label="Submissions by status">
        <ul className="govuk-list app-status-tabs__list">
          {queueStatuses.map((s) => (
            <li key={s}>
              <Link
                className="govuk-link govuk-link--no-visited-state"
                to={`/moderate?status=${s}`}
                aria-current={s === status ? 'page' : undefined}
              >
                {statusLabels[s]} ({(counts[s] ?? 0).toLocaleString('en-GB')})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <input type="hidden" name="status" value={status} />
        <div className="app-queue-filters">
          {(
            [
              ['call', 'Call'],
              ['practice', 'Type of practice'],
              ['need', 'Need'],
              ['phase', 'Phase'],
              ['region', 'Region'],
            ] as const
          ).map(([key, label]) => (
            <div className="govuk-form-group" key={key}>
              <label className="govuk-label" htmlFor={`filter-${key}`}>
                {label}
              </label>
              <select
                className="govuk-select"
                id={`filter-${key}`}
                name={key}
                defaultValue={chosen[key]}
              >
                <option value="">Any</option>
                {options[key].map((o) => (
                  <option value={o.value} key={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="mine"
              name="mine"
              type="checkbox"
              value="yes"
              defaultChecked={mine}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="mine">
              Assigned to me
            </label>
          </div>
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="flagged"
              name="flagged"
              type="checkbox"
              value="yes"
              defaultChecked={flagged}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="flagged">
              Personal data flagged
            </label>
          </div>
        </div>
        <Button secondary>Apply filters</Button>
      </Form>
      <h2 className="govuk-heading-m" role="status">
        {total.toLocaleString('en-GB')} {statusLabels[status].toLowerCase()}{' '}
        {total === 1 ? 'submission' : 'submissions'}, oldest first
      </h2>
      {rows.length > 0 ? (
        <Form method="post">
          <CsrfInput />
          <fieldset className="govuk-fieldset app-bulk">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              With the selected submissions
            </legend>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="bulkAction">
                Action
              </label>
              <select className="govuk-select" id="bulkAction" name="bulkAction" defaultValue="">
                <option value="">Choose an action</option>
                {isAdmin ? <option value="assign">Assign to a moderator</option> : null}
                <option value="tag">Add a tag</option>
                <option value="reject-duplicate">Reject as a duplicate</option>
              </select>
            </div>
            {isAdmin ? (
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="assignee">
                  Moderator (to assign)
                </label>
                <select className="govuk-select" id="assignee" name="assignee" defaultValue="">
                  <option value="">Nobody</option>
                  {moderators.map((m) => (
                    <option value={m.id} key={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="tag">
                Tag (to add)
              </label>
              <select className="govuk-select" id="tag" name="tag" defaultValue="">
                <option value="">Choose a tag</option>
                {(['practice', 'need', 'phase'] as const).map((scheme) => (
                  <optgroup label={scheme} key={scheme}>
                    {options[scheme].map((o) => (
                      <option value={`${scheme}:${o.value}`} key={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <TextInput
              name="duplicateOf"
              label="Duplicate of (to reject)"
              hint="The reference of the submission to keep"
              widthClass="govuk-input--width-10"
            />
            <Button secondary>Apply to selected</Button>
          </fieldset>
          <Table
            caption="Submissions"
            captionSize="hidden"
            head={[
              <span className="govuk-visually-hidden" key="select">
                Select
              </span>,
              'Reference',
              'Practice',
              'Organisation',
              'Sent',
              'Flags',
              'Held by',
            ]}
            rows={rows.map((row) => [
              <div className="govuk-checkboxes govuk-checkboxes--small" key="select">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={`select-${row.reference}`}
                    name="selected"
                    type="checkbox"
                    value={row.reference}
                  />
                  <label
                    className="govuk-label govuk-checkboxes__label"
                    htmlFor={`select-${row.reference}`}
                  >
                    <span className="govuk-visually-hidden">Select {row.reference}</span>
                  </label>
                </div>
              </div>,
              <Link className="govuk-link" to={`/moderate/${row.reference}`} key="link">
                {row.reference}
              </Link>,
              row.title,
              row.organisation_name,
              row.submitted,
              row.personal_data_flagged && !row.personal_data_resolved_at ? (
                <Tag colour="red">Personal data</Tag>
              ) : null,
              row.assignee ?? 'Nobody',
            ])}
          />
        </Form>
      ) : (
        <p className="govuk-body">Nothing here.</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => query({ page: String(p) })} />
    </>
  )
}
