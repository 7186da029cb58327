import type { MetaFunction } from '@remix-run/node'
import { ContentPage } from '~/components/content-page'
import { Table } from '~/components/govuk/content'

export const meta: MetaFunction = () => [{ title: 'Cookies - Inclusion in Practice' }]

export default function Cookies() {
  return (
    <ContentPage title="Cookies">
      <p className="govuk-body">
        Inclusion in Practice puts small files (known as ‘cookies’) onto your computer. We only use
        cookies that are essential for the service to work, so we do not ask for your consent. We do
        not use analytics or advertising cookies.
      </p>
      <Table
        caption="Essential cookies"
        head={['Name', 'Purpose', 'Expires']}
        rows={[
          [
            'iip_csrf',
            'Protects the forms you send from being forged by other websites',
            'When you close your browser',
          ],
          ['iip_session', 'Keeps staff signed in', '8 hours'],
        ]}
      />
    </ContentPage>
  )
}
