import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '~/components/forms/csrf-input'
import { EvidenceNav, FilterDescription } from '~/components/evidence/evidence-nav'
import { GapMapTable } from '~/components/evidence/gap-map-table'
import { Table } from '~/components/govuk/content'
import { evidenceHref, evidenceSearchParams } from '~/evidence/evidence-filter'
import { loadEvidencePage } from '~/evidence/evidence-page.server'
import { headlineFigures } from '~/evidence/figures.server'
import { PACK_CAVEATS, PACK_METHOD, loadEvidencePack } from '~/evidence/pack.server'
import { caseStudiesText, formatCount, noPracticesText } from '~/evidence/suppression'
import { pageTitle } from '~/utils/page-title'

export const meta: MetaFunction = ({ matches }) => [pageTitle('Evidence pack', matches)]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadEvidencePage(request, context)
  const pack = await loadEvidencePack(context, page.filter, page.vocabulary)
  return {
    filter: page.filter,
    problems: page.problems,
    options: page.options,
    pack,
    headline: headlineFigures(pack.figures),
    method: PACK_METHOD,
    caveats: PACK_CAVEATS,
    reproduceUrl: `${context.services.publicBaseUrl}${evidenceHref('/evidence', page.filter)}`,
  }
}

/** The evidence pack as an accessible web page: the same content as the PDF, bar the appendix. */
export default function EvidencePackPage() {
  const { filter, problems, options, pack, headline, method, caveats, reproduceUrl } =
    useLoaderData<typeof loader>()
  const query = evidenceSearchParams(filter).toString()
  return (
    <>
      <span className="govuk-caption-l">Evidence</span>
      <h1 className="govuk-heading-l">Evidence pack</h1>
      <EvidenceNav current="/evidence/pack" filter={filter} />
      <Form
        method="post"
        action={`/evidence/download${query ? `?${query}` : ''}`}
        reloadDocument
        className="app-no-print"
      >
        <CsrfInput />
        <div className="govuk-button-group">
          <button
            type="submit"
            name="format"
            value="pdf"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
          >
            Download as PDF
          </button>
          <button
            type="submit"
            name="format"
            value="docx"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
          >
            Download as Word document
          </button>
        </div>
      </Form>
      <h2 className="govuk-heading-m">What this pack covers</h2>
      <FilterDescription description={pack.description} problems={problems} />
      <p className="govuk-body">
        Open this view again, with the same filter:{' '}
        <Link className="govuk-link app-break-words" to={evidenceHref('/evidence', filter)}>
          {reproduceUrl}
        </Link>
      </p>
      <h2 className="govuk-heading-m">Headline figures</h2>
      <Table
        caption="Headline figures"
        captionSize="hidden"
        head={['Figure', 'Value']}
        numeric={[1]}
        firstCellIsHeader
        rows={headline}
      />
      <h2 className="govuk-heading-m">Method</h2>
      {method.map((line) => (
        <p className="govuk-body" key={line}>
          {line}
        </p>
      ))}
      <h2 className="govuk-heading-m">Caveats</h2>
      <ul className="govuk-list govuk-list--bullet">
        {caveats.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Evidence gap map</h2>
      <GapMapTable gapMap={pack.gapMap} filter={filter} areas={options.areas} />
      <h2 className="govuk-heading-m">Most common practice by broad area of need</h2>
      {pack.highlights.map((area) => (
        <section key={area.value} aria-labelledby={`area-${area.value}`}>
          <h3 className="govuk-heading-s" id={`area-${area.value}`}>
            {area.label} ({caseStudiesText(area.total)})
          </h3>
          {area.practices.length === 0 ? (
            <p className="govuk-body">{noPracticesText(area.total)}</p>
          ) : (
            <ul className="govuk-list">
              {area.practices.map((practice) => (
                <li key={practice.value}>
                  <strong>
                    {practice.label}: {formatCount(practice.count)}
                  </strong>
                  {practice.quotes.map((quote) => (
                    <blockquote
                      className="govuk-inset-text govuk-!-margin-top-2"
                      key={quote.reference}
                    >
                      <p className="govuk-body app-break-words">“{quote.text}”</p>
                      <footer className="govuk-body-s">
                        From the case study{' '}
                        {quote.slug ? (
                          <Link className="govuk-link" to={`/library/${quote.slug}`}>
                            {quote.title}
                          </Link>
                        ) : (
                          <>{quote.title} (not published)</>
                        )}
                      </footer>
                    </blockquote>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2 className="govuk-heading-m">Data dictionary</h2>
      <Table
        caption="The columns of the CSV, XLSX and JSON exports"
        captionSize="s"
        head={['Column', 'What it holds']}
        firstCellIsHeader
        rows={pack.dictionary.map((entry) => [entry.header, entry.description])}
      />
      <p className="govuk-body">
        The PDF adds an appendix listing every case study, and the Word document one of the first
        2,000, to edit into your own paper. To work with the case studies themselves,{' '}
        <Link className="govuk-link" to={evidenceHref('/evidence/export', filter)}>
          export them
        </Link>
        .
      </p>
    </>
  )
}
