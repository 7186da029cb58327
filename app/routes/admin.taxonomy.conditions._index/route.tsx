import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { BackLink, NotificationBanner, Table } from '~/components/govuk/content'
import { pageTitle } from '~/utils/page-title'
import { listConditions, listNeedTerms } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [
  pageTitle('Conditions and everyday phrases', matches),
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  const { db } = context.services
  const [entries, needs] = await Promise.all([listConditions(db), listNeedTerms(db)])
  const labels = new Map(needs.map((need) => [need.code, need.label]))
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      alsoMatches: [
        ...entry.otherNames,
        ...entry.abbreviations.map((abbreviation) => `${abbreviation} (in capitals only)`),
      ],
      needs: entry.needs.map((code) => labels.get(code) ?? code),
      note: entry.note,
    })),
  }
}

const changedText: Record<string, string> = {
  added: 'The entry was added.',
  changed: 'The entry was changed.',
  removed: 'The entry was removed.',
}

export default function Conditions() {
  const { entries } = useLoaderData<typeof loader>()
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
        <h1 className="govuk-heading-l">Conditions and everyday phrases</h1>
        <p className="govuk-body">
          Conditions, diagnoses and the everyday words parents and teachers use for them, each
          pointing at the types of need the school census records them under. When someone searches
          the practice library for one, they also see practice for its types of need, after the case
          studies that mention it: “muscular dystrophy” shows practice for physical disability.
        </p>
        <p className="govuk-body">
          Place each where the DfE school census guidance on recording SEN type places it. Where the
          guidance is unclear, choose every type of need that could apply and say why in the note.
        </p>
        <p className="govuk-body">
          <Link
            className="govuk-button govuk-!-margin-bottom-4"
            to="/admin/taxonomy/conditions/new"
          >
            Add an entry
          </Link>
        </p>
        <Table
          caption={`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`}
          head={['Condition or phrase', 'Types of need', 'Also found by', 'Action']}
          rows={entries.map((entry) => [
            <>
              {entry.kind === 'phrase' ? `‘${entry.name}’` : entry.name}
              {entry.note ? (
                <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
                  {entry.note}
                </span>
              ) : null}
            </>,
            entry.needs.join(', '),
            entry.alsoMatches.join(', '),
            <Link className="govuk-link" to={`/admin/taxonomy/conditions/${entry.id}`} key="change">
              Change<span className="govuk-visually-hidden"> {entry.name}</span>
            </Link>,
          ])}
        />
      </div>
    </div>
  )
}
