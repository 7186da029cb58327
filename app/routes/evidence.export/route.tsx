import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { EvidenceNav, FilterDescription } from '~/components/evidence/evidence-nav'
import { EvidenceFilterPanel, SelectedEvidenceFilters } from '~/components/evidence/filter-panel'
import { Button, Choices, ErrorSummary } from '~/components/govuk/forms'
import { evidenceSearchParams, toEvidenceScope } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { EXPORT_FORMATS } from '~/evidence/export.schema'
import { pageTitle } from '~/utils/page-title'
import { countEvidence } from '../../../db/repositories/evidence'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { title } = pageTitle('Export the evidence', matches)
  // The form's errors come back through a redirect (the download is a resource route), so this
  // page's own data says whether to lead with "Error:".
  return [{ title: data?.errors.format && !title.startsWith('Error') ? `Error: ${title}` : title }]
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const rows = await countEvidence(context.services.db, toEvidenceScope(page.filter))
  const params = page.url.searchParams
  return {
    filter: page.filter,
    problems: page.problems,
    options: page.options,
    description: page.description,
    rows,
    errors: params.get('error') === 'format' ? { format: 'Select a format' } : {},
    contacts: params.get('contacts') === 'yes',
  }
}

export default function EvidenceExport() {
  const { filter, problems, options, description, rows, errors, contacts } =
    useLoaderData<typeof loader>()
  const query = evidenceSearchParams(filter).toString()
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Evidence</span>
      <h1 className="govuk-heading-l">Export the evidence</h1>
      <EvidenceNav current="/evidence/export" filter={filter} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third app-no-print">
          <EvidenceFilterPanel filter={filter} options={options} action="/evidence/export" />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <SelectedEvidenceFilters filter={filter} options={options} path="/evidence/export" />
          <FilterDescription description={description} problems={problems} />
          <p className="govuk-body" data-testid="export-rows">
            The export will hold <strong>{rows.toLocaleString('en-GB')}</strong> case{' '}
            {rows === 1 ? 'study' : 'studies'}, one row each. It is recorded in the audit log with
            your name, the filter and the format.
          </p>
          <Form
            method="post"
            action={`/evidence/download${query ? `?${query}` : ''}`}
            reloadDocument
          >
            <CsrfInput />
            <Choices
              type="radio"
              name="format"
              legend="Format"
              error={errors.format}
              options={EXPORT_FORMATS.map((format) => ({
                value: format.value,
                label: format.label,
                hint:
                  format.value === 'pdf'
                    ? 'Cover, headline figures, gap map, quotes by area of need, method, caveats, data dictionary, and every case study by reference.'
                    : format.value === 'xlsx'
                      ? 'Sheets: case studies, tags, need by practice, by region.'
                      : format.value === 'csv'
                        ? 'UTF-8, opens in Excel. Multi-valued cells are joined with “; ”.'
                        : undefined,
              }))}
            />
            {filter.audience === 'internal' ? (
              <Choices
                type="checkbox"
                name="contacts"
                legend="Contact details"
                selected={contacts ? ['yes'] : []}
                options={[
                  {
                    value: 'yes',
                    label: 'Include respondents’ names, emails and roles',
                    hint: 'Only for respondents who agreed to be contacted. Handle the file as personal data.',
                  },
                ]}
              />
            ) : null}
            <Button>Download</Button>
          </Form>
          <p className="govuk-body-s">
            Large exports are streamed as they are written, so the download starts at once and your
            browser shows its progress.
          </p>
        </div>
      </div>
    </>
  )
}
