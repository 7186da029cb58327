import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/accounts/session.server'
import { Table } from '~/components/govuk/content'
import { pageTitle } from '~/utils/page-title'
import { listSchemes } from '~/db.server'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Taxonomy', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ['admin'])
  return { schemes: await listSchemes(context.services.db) }
}

export default function Taxonomy() {
  const { schemes } = useLoaderData<typeof loader>()
  return (
    <>
      <span className="govuk-caption-l">Administration</span>
      <h1 className="govuk-heading-l">Taxonomy</h1>
      <Table
        caption="Schemes"
        captionSize="hidden"
        head={['Scheme', 'What it is for', 'Terms']}
        numeric={[2]}
        rows={schemes.map((s) => [
          <Link className="govuk-link" to={`/admin/taxonomy/${s.code}`} key="name">
            {s.name}
          </Link>,
          s.description,
          String(s.terms ?? 0),
        ])}
      />
      <h2 className="govuk-heading-m">Conditions and everyday phrases</h2>
      <p className="govuk-body">
        Conditions, diagnoses and everyday phrases, like muscular dystrophy or “won’t go to school”,
        and the types of need the library shows practice for when someone searches for them.{' '}
        <Link className="govuk-link" to="/admin/taxonomy/conditions">
          Change conditions and everyday phrases
        </Link>
      </p>
      <h2 className="govuk-heading-m">Search synonyms</h2>
      <p className="govuk-body">
        Words and phrases that find each other in the practice library, like “ASD” and autism.{' '}
        <Link className="govuk-link" to="/admin/taxonomy/synonyms">
          Change search synonyms
        </Link>
      </p>
    </>
  )
}
