import { Table } from '~/components/govuk/content'
import type { suggestionReport } from '~/suggestions/agreement.server'

type Row = Awaited<ReturnType<typeof suggestionReport>>[number]

const figure = (x: number | null) => (x === null ? '–' : x.toFixed(2))

/** Suggested tags measured on moderators' real decisions, beside the coders' agreement above. */
export function SuggestionFigures({
  rows,
  names,
}: {
  rows: readonly Row[]
  names: Record<string, string>
}) {
  return (
    <>
      <h2 className="govuk-heading-m" id="suggested-tags">
        Suggested tags
      </h2>
      <p className="govuk-body">
        How the tags suggested on review pages fared with moderators: the share of suggestions
        accepted, precision (of the terms suggested, the share the case study has now) and recall
        (of the case study’s terms now, the share that had been suggested). The command{' '}
        <code>npm run eval:suggestions</code> gives the same measures on a held-out set of
        hand-written submissions.
      </p>
      <Table
        caption="Suggested tags by scheme"
        captionSize="hidden"
        head={['Scheme', 'Suggested', 'Accepted', 'Dismissed', 'Precision', 'Recall']}
        numeric={[1, 2, 3, 4, 5]}
        firstCellIsHeader
        rows={rows.map((r) => [
          `Suggested ${(names[r.scheme] ?? r.scheme).toLowerCase()}`,
          r.shown.toLocaleString('en-GB'),
          r.acceptedShare === null
            ? '–'
            : `${r.accepted.toLocaleString('en-GB')} (${r.acceptedShare}%)`,
          r.dismissed.toLocaleString('en-GB'),
          figure(r.precision),
          figure(r.recall),
        ])}
      />
    </>
  )
}
