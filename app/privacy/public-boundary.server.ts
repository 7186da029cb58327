import type { Kysely } from 'kysely'
import { recordWithholding } from '../../db/repositories/privacy'
import type { DB } from '../../db/types'
import { enqueueCaseStudySync } from '../../search/outbox'
import { identifiersIn } from './identifiers'

// What the last guard at the public boundary does when it fires: the case study leaves the
// library and staff are told (see ./identifiers.ts for the check itself).

export type Surface = 'search-index' | 'library-page' | 'public-api' | 'export' | 'rescan'

/**
 * Takes a case study out of the library, in the caller's transaction or one of its own: it is
 * unpublished, an audit event and an alert record where and what was found (never the
 * identifier itself), and the index is told to drop it.
 */
export async function withholdCaseStudy(
  db: Kysely<DB>,
  input: { caseStudyId: string; surface: Surface; findings: { path: string; kind: string }[] },
) {
  const run = async (trx: Kysely<DB>) => {
    await recordWithholding(trx, input)
    await enqueueCaseStudySync(trx, [input.caseStudyId])
  }
  if (db.isTransaction) await run(db)
  else await db.transaction().execute(run)
}

/**
 * Passes a public document through the guard: the document if it holds no identifier, else
 * null, with the case study withheld.
 */
export async function guardPublicDocument<T>(
  db: Kysely<DB>,
  caseStudyId: string,
  document: T,
  surface: Surface,
): Promise<T | null> {
  const findings = identifiersIn(document)
  if (findings.length === 0) return document
  await withholdCaseStudy(db, { caseStudyId, surface, findings })
  return null
}

/** Rows for a public surface, less any the guard refuses (those are withheld). */
export async function withoutIdentifiers<T extends { id: string }>(
  db: Kysely<DB>,
  rows: readonly T[],
  surface: Surface = 'export',
): Promise<T[]> {
  const kept: T[] = []
  for (const row of rows) {
    if (await guardPublicDocument(db, row.id, row, surface)) kept.push(row)
  }
  return kept
}

/** The same, for rows streamed from a cursor. */
export async function* guardedRows<T extends { id: string }>(
  db: Kysely<DB>,
  rows: AsyncIterable<T>,
): AsyncIterable<T> {
  for await (const row of rows) {
    if (await guardPublicDocument(db, row.id, row, 'export')) yield row
  }
}
