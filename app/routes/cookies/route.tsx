import type { MetaFunction } from '@remix-run/node'
import { ContentPage } from '~/components/content-page'

export const meta: MetaFunction = () => [{ title: 'Cookies - Inclusion in Practice' }]

export default function Cookies() {
  return (
    <ContentPage title="Cookies">
      <p className="govuk-body">
        Inclusion in Practice puts small files (known as ‘cookies’) onto your computer. We only use
        cookies that are essential for the service to work, so we do not ask for your consent. We do
        not use analytics or advertising cookies.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Essential cookies
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Purpose
            </th>
            <th scope="col" className="govuk-table__header">
              Expires
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">iip_csrf</td>
            <td className="govuk-table__cell">
              Protects the forms you send from being forged by other websites
            </td>
            <td className="govuk-table__cell">When you close your browser</td>
          </tr>
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">iip_session</td>
            <td className="govuk-table__cell">Keeps staff signed in</td>
            <td className="govuk-table__cell">8 hours</td>
          </tr>
        </tbody>
      </table>
    </ContentPage>
  )
}
