import { Link, useLoaderData } from '@remix-run/react'
import { SummaryList } from '~/components/govuk/content'
import { practiceStatusLabels } from '~/follow-ups/review-state'
import { evidenceStrengthLabel } from '~/library/evidence-strength'
import { publishedTexts } from '~/privacy/published-fields'
import type { loader } from './route'

/** The case study as the library shows it now, beside what the school says now. */
export function PublishedBesideUpdate() {
  const { caseStudy, answers, findings } = useLoaderData<typeof loader>().review!
  const texts = publishedTexts(caseStudy.values).filter((t) => t.text)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">
          As published (version {caseStudy.version}
          {caseStudy.status === 'published' ? '' : ', not in the library now'})
        </h2>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/library/${caseStudy.slug}`}>
            See it in the library
          </Link>{' '}
          · first published {caseStudy.published}
        </p>
        <SummaryList
          rows={[
            {
              key: 'Strength of evidence',
              value: evidenceStrengthLabel(caseStudy.evidenceStrength),
            },
            { key: 'Practice', value: practiceStatusLabels[caseStudy.practiceStatus] },
            ...texts.map((t) => ({
              key: t.label,
              value: <span className="app-preserve-lines">{t.text}</span>,
            })),
          ]}
        />
        {caseStudy.versions.length > 0 ? (
          <>
            <h3 className="govuk-heading-s">Earlier versions</h3>
            <ul className="govuk-list">
              {caseStudy.versions.map((v) => (
                <li key={v.number}>
                  Version {v.number}, {v.date}
                  {v.changeSummary ? `: ${v.changeSummary}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">What the school says now</h2>
        {findings.length > 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <div className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Possible personal data in the school’s answers (never published as it is):
              <ul className="govuk-list">
                {findings.map((f, i) => (
                  <li key={i}>
                    {f.kind} “{f.match}” in {f.where}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <SummaryList
          rows={answers.map((row) => ({
            key: row.label,
            value: <span className="app-preserve-lines">{row.value}</span>,
          }))}
        />
      </div>
    </div>
  )
}
