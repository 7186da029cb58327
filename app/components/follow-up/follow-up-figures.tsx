import type { FollowUpFigures } from '~/follow-ups/figures'

const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1))

/** The evidence dashboard's follow-ups: a living library's invitations and re-rated evidence. */
export function FollowUpFiguresSection({ figures }: { figures: FollowUpFigures }) {
  const rows: [string, string][] = [
    ['Follow-up invitations sent', figures.sent.toLocaleString('en-GB')],
    ['Answered', figures.answered.toLocaleString('en-GB')],
    ['Published as new versions', figures.published.toLocaleString('en-GB')],
    [
      'Change in evidence strength, first publication to latest version',
      figures.meanChange === null ? 'None yet' : `${signed(figures.meanChange)} on average`,
    ],
  ]
  return (
    <section aria-labelledby="follow-ups" data-testid="follow-up-figures">
      <h2 className="govuk-heading-m" id="follow-ups">
        Follow-ups
      </h2>
      <p className="govuk-body">
        Schools that agreed are asked how their practice is going 6 and 12 months after first
        publication. These figures cover every call.
      </p>
      <dl className="govuk-summary-list">
        {rows.map(([label, value]) => (
          <div className="govuk-summary-list__row" key={label}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value" data-figure={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {figures.reRated > 0 ? (
        <p className="govuk-body">
          Of {figures.reRated} case {figures.reRated === 1 ? 'study' : 'studies'} re-rated at a
          follow-up, {figures.stronger} now {figures.stronger === 1 ? 'has' : 'have'} stronger
          evidence, {figures.same} the same and {figures.weaker} weaker.
        </p>
      ) : null}
    </section>
  )
}
