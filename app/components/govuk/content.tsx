import { Link } from '@remix-run/react'
import { PageLink } from '~/components/page-link'
import type { ReactNode } from 'react'

export function NotificationBanner({
  title = 'Important',
  children,
  success,
}: {
  title?: string
  children: ReactNode
  success?: boolean
}) {
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  )
}

export function Tag({ children, colour }: { children: ReactNode; colour?: string }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>
}

export function SummaryList({ rows }: { rows: { key: string; value: ReactNode }[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** GOV.UK pagination. `hrefFor` builds each page's URL so that the state stays in the URL. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number
  pageCount: number
  hrefFor: (page: number) => string
}) {
  if (pageCount <= 1) return null
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b)
  return (
    <nav className="govuk-pagination" aria-label="Results pages">
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <PageLink className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </PageLink>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {shown.map((p, i) => (
          <PaginationItem
            key={p}
            p={p}
            page={page}
            gapBefore={i > 0 && p - shown[i - 1]! > 1}
            hrefFor={hrefFor}
          />
        ))}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <PageLink className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </PageLink>
        </div>
      ) : null}
    </nav>
  )
}

function PaginationItem({
  p,
  page,
  gapBefore,
  hrefFor,
}: {
  p: number
  page: number
  gapBefore: boolean
  hrefFor: (page: number) => string
}) {
  return (
    <>
      {gapBefore ? (
        <li className="govuk-pagination__item govuk-pagination__item--ellipses">⋯</li>
      ) : null}
      <li
        className={`govuk-pagination__item${p === page ? ' govuk-pagination__item--current' : ''}`}
      >
        <PageLink
          className="govuk-link govuk-pagination__link"
          to={hrefFor(p)}
          aria-label={`Page ${p}`}
          aria-current={p === page ? 'page' : undefined}
        >
          {p}
        </PageLink>
      </li>
    </>
  )
}

/** GOV.UK table. The first cell of each row can be a row header (`firstCellIsHeader`). */
/**
 * A GOV.UK table. `captionSize="hidden"` keeps the caption for screen readers only; `numeric`
 * lists the columns to align as numbers.
 */
export function Table({
  caption,
  captionSize = 'm',
  head,
  rows,
  firstCellIsHeader,
  numeric = [],
}: {
  caption: string
  captionSize?: 's' | 'm' | 'l' | 'hidden'
  head: ReactNode[]
  rows: ReactNode[][]
  firstCellIsHeader?: boolean
  numeric?: number[]
}) {
  const isNumeric = (c: number) => numeric.includes(c)
  return (
    <table className="govuk-table">
      <caption
        className={
          captionSize === 'hidden'
            ? 'govuk-table__caption govuk-visually-hidden'
            : `govuk-table__caption govuk-table__caption--${captionSize}`
        }
      >
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((heading, c) => (
            <th
              scope="col"
              className={`govuk-table__header${isNumeric(c) ? ' govuk-table__header--numeric' : ''}`}
              key={c}
            >
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row, r) => (
          <tr className="govuk-table__row" key={r}>
            {row.map((cell, c) =>
              c === 0 && firstCellIsHeader ? (
                <th scope="row" className="govuk-table__header" key={c}>
                  {cell}
                </th>
              ) : (
                <td
                  className={`govuk-table__cell${isNumeric(c) ? ' govuk-table__cell--numeric' : ''}`}
                  key={c}
                >
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** GOV.UK back link; hidden when printing. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link app-no-print">
      {children}
    </Link>
  )
}
