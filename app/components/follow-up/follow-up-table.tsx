import { Link } from '@remix-run/react'
import { Tag } from '../govuk/content'

export interface FollowUpRow {
  id: string
  /** Its review page. */
  href: string
  kind: string
  title: string
  received: string
  assignee: string | null
  flagged: boolean
}

/** Schools' updates as queue rows: the kind ("Follow-up, 6 months"), the case study, who holds it. */
export function FollowUpTable({ rows, caption }: { rows: FollowUpRow[]; caption?: string }) {
  if (rows.length === 0) return <p className="govuk-body">There are no updates here.</p>
  return (
    <table className="govuk-table">
      {caption ? (
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      ) : null}
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Kind
          </th>
          <th scope="col" className="govuk-table__header">
            Case study
          </th>
          <th scope="col" className="govuk-table__header">
            Received
          </th>
          <th scope="col" className="govuk-table__header">
            Held by
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            <td className="govuk-table__cell">
              <Tag colour="purple">{row.kind}</Tag>
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={row.href}>
                {row.title}
              </Link>
              {row.flagged ? (
                <>
                  {' '}
                  <Tag colour="red">Possible personal data</Tag>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">{row.received}</td>
            <td className="govuk-table__cell">{row.assignee ?? 'Nobody'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
