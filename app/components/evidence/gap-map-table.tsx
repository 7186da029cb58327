import { Link } from '@remix-run/react'
import { evidenceHref, type EvidenceFilter } from '~/evidence/evidence-filter'
import type { GapMap } from '~/evidence/gap-map'
import { formatCount } from '~/evidence/suppression'

/** The case studies behind a cell: the filter narrowed to the cell's practice and needs. */
function cellFilter(filter: EvidenceFilter, practice: string, needs: string[]): EvidenceFilter {
  const keep = (chosen: string[], cell: string[]) =>
    chosen.length === 0 ? cell : chosen.filter((value) => cell.includes(value))
  return {
    ...filter,
    facets: {
      ...filter.facets,
      practice: [practice],
      need: keep(filter.facets.need, needs),
    },
  }
}

/**
 * The evidence gap map as a table: practice types by needs, each cell a count (linking to its
 * case studies) with its mean evidence strength in words and by shade; gaps hatched and named.
 */
export function GapMapTable({
  gapMap,
  filter,
  areas,
}: {
  gapMap: GapMap
  filter: EvidenceFilter
  areas: { value: string; label: string }[]
}) {
  const areaLabel = (code: string) => areas.find((a) => a.value === code)?.label ?? code
  return (
    // A wide table scrolls sideways; keyboard users need to be able to focus it to scroll it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="app-gap-map" role="region" aria-label="Evidence gap map" tabIndex={0}>
      <table className="govuk-table govuk-body-s" data-testid="gap-map">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Case studies by type of practice and need
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Type of practice
            </th>
            {gapMap.columns.map((column) => (
              <th scope="col" className="govuk-table__header" key={column.value}>
                {column.label}
                {column.level === 'code' ? (
                  <span className="govuk-visually-hidden"> ({areaLabel(column.area)})</span>
                ) : null}
                <br />
                <span className="govuk-body-s">({formatCount(column.total)})</span>
              </th>
            ))}
            <th scope="col" className="govuk-table__header">
              All needs
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {gapMap.rows.map((row) => (
            <tr className="govuk-table__row" key={row.value}>
              <th scope="row" className="govuk-table__header">
                {row.label}
              </th>
              {row.cells.map((cell, i) => {
                const column = gapMap.columns[i]!
                const shade =
                  cell.count === 0 ? 'gap' : String(Math.round(cell.averageStrength ?? 0))
                return (
                  <td
                    className={`govuk-table__cell app-gap-cell--${shade}`}
                    key={column.value}
                    data-practice={row.value}
                    data-need={column.value}
                  >
                    {cell.count === 0 ? (
                      <span>
                        gap
                        <span className="govuk-visually-hidden">
                          : no case studies of {row.label} for {column.label}
                        </span>
                      </span>
                    ) : (
                      <>
                        <Link
                          className="govuk-link govuk-link--text-colour"
                          to={evidenceHref(
                            '/evidence/case-studies',
                            cellFilter(filter, row.value, column.needs),
                          )}
                        >
                          {formatCount(cell.count)}
                          <span className="govuk-visually-hidden">
                            {' '}
                            case studies of {row.label} for {column.label}
                          </span>
                        </Link>
                        <br />
                        <span className="govuk-!-font-size-14">
                          strength{' '}
                          {cell.averageStrength === null
                            ? 'unrated'
                            : cell.averageStrength.toFixed(1)}
                        </span>
                      </>
                    )}
                  </td>
                )
              })}
              <td className="govuk-table__cell govuk-!-font-weight-bold">
                {formatCount(row.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
