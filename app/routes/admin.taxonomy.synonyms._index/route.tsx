import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { synonymsStatus, type SynonymsState } from '~/admin/synonyms.server'
import { BackLink, NotificationBanner, Table } from '~/components/govuk/content'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Search synonyms', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  return synonymsStatus(context)
}

const stateText: Record<SynonymsState, string> = {
  'in-use': 'Search is using these synonyms.',
  waiting:
    'Search will use these synonyms within a minute, once the latest change has been applied. Refresh this page to check.',
  'search-unavailable':
    'The search engine is not answering, so these synonyms cannot be applied yet. They are saved, and will be applied when it is back.',
}

const changedText: Record<string, string> = {
  added: 'The group was added.',
  changed: 'The group was changed.',
  removed: 'The group was removed.',
}

export default function Synonyms() {
  const { groups, state } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const changed = changedText[searchParams.get('done') ?? '']
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to="/admin/taxonomy">Back to the taxonomy</BackLink>
        {changed ? (
          <NotificationBanner success title="Success">
            <p className="govuk-notification-banner__heading">{changed}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">Taxonomy</span>
        <h1 className="govuk-heading-l">Search synonyms</h1>
        <p className="govuk-body">
          The words and phrases in each group find each other in the practice library: someone
          searching for one also finds case studies that use another. Use them for the abbreviations
          and everyday words people type, like “ASD” for autism.
        </p>
        <p className="govuk-body">
          An abbreviation that is also an everyday word or is very short, like “TA” for teaching
          assistant, only finds its group: searching for “teaching assistant” does not find “ta”.
        </p>
        <div className="govuk-inset-text" data-synonyms-state={state}>
          {stateText[state]}
        </div>
        <p className="govuk-body">
          <Link className="govuk-button govuk-!-margin-bottom-4" to="/admin/taxonomy/synonyms/new">
            Add a group
          </Link>
        </p>
        <Table
          caption={`${groups.length} ${groups.length === 1 ? 'group' : 'groups'}`}
          head={[
            'Words and phrases that find each other',
            'Abbreviations that only find them',
            'Action',
          ]}
          rows={groups.map((group) => [
            group.terms.join(', '),
            group.oneWay.map((term) => term.toUpperCase()).join(', '),
            <Link className="govuk-link" to={`/admin/taxonomy/synonyms/${group.id}`} key="change">
              Change<span className="govuk-visually-hidden"> the group {group.terms[0]}</span>
            </Link>,
          ])}
        />
      </div>
    </div>
  )
}
