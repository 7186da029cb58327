import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useRef, useState, type FormEvent } from 'react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { EvidencePage } from '~/components/evidence/evidence-page'
import { Button, Choices, ErrorSummary } from '~/components/govuk/forms'
import { evidenceSearchParams, toEvidenceScope } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { downloadWithProgress, type DownloadProgress } from '~/evidence/download-with-progress'
import { DOCX_APPENDIX_LIMIT, EXPORT_FORMATS } from '~/evidence/export.schema'
import { pageTitle } from '~/utils/page-title'
import { countEvidence } from '~/db.server'

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
  const [progress, setProgress] = useState<DownloadProgress | null>(null)
  const [status, setStatus] = useState<'idle' | 'working' | 'done'>('idle')
  const [announcement, setAnnouncement] = useState('')
  const announcedAt = useRef(-1)
  // With JavaScript, the download shows its progress here; without, the form posts as usual.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    if (!new FormData(form).get('format') || status === 'working') return
    event.preventDefault()
    setStatus('working')
    setProgress(null)
    announcedAt.current = -1
    setAnnouncement('Preparing your download')
    downloadWithProgress(form, (p) => {
      setProgress(p)
      const share = p.rows !== null && p.totalRows ? Math.floor((p.rows / p.totalRows) * 4) : -1
      if (share > announcedAt.current) {
        announcedAt.current = share
        setAnnouncement(`${share * 25}% prepared`)
      }
    })
      .then((result) => {
        if (!result.ok) {
          form.submit()
          return
        }
        setStatus('done')
        setAnnouncement(`Your download is ready: ${result.filename}`)
      })
      .catch(() => form.submit())
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <EvidencePage
        title="Export the evidence"
        path="/evidence/export"
        filter={filter}
        options={options}
        description={description}
        problems={problems}
      >
        <p className="govuk-body" data-testid="export-rows">
          The export will hold <strong>{rows.toLocaleString('en-GB')}</strong> case{' '}
          {rows === 1 ? 'study' : 'studies'}, one row each. It is recorded in the audit log with
          your name, the filter and the format.
        </p>
        <Form
          method="post"
          action={`/evidence/download${query ? `?${query}` : ''}`}
          reloadDocument
          onSubmit={onSubmit}
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
                      : format.value === 'docx'
                        ? `The evidence pack in Word, with headings, tables and charts, to edit into your own paper. Its appendix lists the first ${DOCX_APPENDIX_LIMIT.toLocaleString('en-GB')} case studies.`
                        : format.value === 'schools'
                          ? 'Each school with the case studies that cover it. For publication, only schools whose respondents agreed to be named are named.'
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
        <div className="govuk-!-margin-bottom-6" data-testid="export-progress">
          <p className="govuk-visually-hidden" aria-live="polite">
            {announcement}
          </p>
          {status !== 'idle' ? (
            <>
              <label className="govuk-label" htmlFor="export-progress-bar">
                {status === 'done' ? 'Your download is ready' : 'Preparing your download'}
              </label>
              <progress
                id="export-progress-bar"
                className="app-progress"
                max={progress?.totalRows || undefined}
                value={status === 'done' ? progress?.totalRows || 1 : (progress?.rows ?? undefined)}
              />
              <p className="govuk-body-s">
                {progress?.rows !== null && progress?.rows !== undefined && progress.totalRows
                  ? `${progress.rows.toLocaleString('en-GB')} of ${progress.totalRows.toLocaleString('en-GB')} case studies`
                  : `${((progress?.bytes ?? 0) / 1e6).toFixed(1)} MB received`}
              </p>
            </>
          ) : null}
        </div>
        <p className="govuk-body-s">
          Exports stream as they are written, so even the largest starts at once; this page (or,
          without JavaScript, your browser) shows its progress.
        </p>
      </EvidencePage>
    </>
  )
}
