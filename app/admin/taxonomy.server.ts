import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findMaxTermPosition,
  findTermForAdmin,
  insertTaxonomyTerm,
  listTaggedCaseStudyIds,
  listTermOrder,
  retagCaseStudies,
  setTermPosition,
  setTermRetiredAt,
  updateTermText,
} from '../../db/repositories/taxonomy'
import type { DB } from '../../db/types'
import { enqueueCaseStudySync } from '../../search/outbox'
import { forgetFacetOptions } from '../library/facet-options.server'
import { forgetHomeSummary } from '../library/home-summary.server'

export type TermResult = { ok: true } | { ok: false; field: string; message: string }

/**
 * Runs a change to the taxonomy in one transaction; then this instance's library pages and home
 * page read the taxonomy again at once (other instances within FACET_OPTIONS_TTL_MS).
 */
async function inTransaction<T>(db: Kysely<DB>, change: (trx: Kysely<DB>) => Promise<T>) {
  const result = await db.transaction().execute(change)
  forgetFacetOptions(db)
  forgetHomeSummary(db)
  return result
}

/** Every published case study a change touches is re-indexed through the outbox. */
async function reindexTagged(trx: Kysely<DB>, termId: number) {
  await enqueueCaseStudySync(trx, await listTaggedCaseStudyIds(trx, termId))
}

export async function addTerm(
  db: Kysely<DB>,
  actorId: string,
  scheme: string,
  term: { code: string; label: string; description: string },
): Promise<TermResult> {
  return inTransaction(db, async (trx) => {
    if (await findTermForAdmin(trx, scheme, term.code))
      return { ok: false, field: 'code', message: 'This scheme already has a term with this code' }
    const max = await findMaxTermPosition(trx, scheme)
    const id = await insertTaxonomyTerm(trx, scheme, term, (max ?? 0) + 1)
    await recordAuditEvent(trx, {
      actorId,
      action: 'taxonomy.term_added',
      subjectType: 'taxonomy_term',
      subjectId: String(id),
      after: { scheme, ...term },
    })
    return { ok: true }
  })
}

/** Renames or redescribes a term; case studies tagged with it are re-indexed. */
export async function editTerm(
  db: Kysely<DB>,
  actorId: string,
  scheme: string,
  code: string,
  term: { label: string; description: string },
): Promise<TermResult> {
  return inTransaction(db, async (trx) => {
    const before = await findTermForAdmin(trx, scheme, code)
    if (!before) return { ok: false, field: 'label', message: 'This term no longer exists' }
    await updateTermText(trx, before.id, term)
    await reindexTagged(trx, before.id)
    await recordAuditEvent(trx, {
      actorId,
      action: 'taxonomy.term_edited',
      subjectType: 'taxonomy_term',
      subjectId: String(before.id),
      before: { label: before.label, description: before.description },
      after: term,
    })
    return { ok: true }
  })
}

/** A retired term stays on case studies that have it but cannot be chosen for new tagging. */
export async function setTermRetired(
  db: Kysely<DB>,
  actorId: string,
  scheme: string,
  code: string,
  retired: boolean,
) {
  await inTransaction(db, async (trx) => {
    const term = await findTermForAdmin(trx, scheme, code)
    if (!term) return
    await setTermRetiredAt(trx, term.id, retired ? new Date() : null)
    await recordAuditEvent(trx, {
      actorId,
      action: retired ? 'taxonomy.term_retired' : 'taxonomy.term_restored',
      subjectType: 'taxonomy_term',
      subjectId: String(term.id),
    })
  })
}

/** Moves a term one place up or down in its scheme's order. */
export async function moveTerm(
  db: Kysely<DB>,
  scheme: string,
  code: string,
  direction: 'up' | 'down',
) {
  await inTransaction(db, async (trx) => {
    const terms = await listTermOrder(trx, scheme)
    const i = terms.findIndex((t) => t.code === code)
    const j = direction === 'up' ? i - 1 : i + 1
    if (i < 0 || j < 0 || j >= terms.length) return
    ;[terms[i], terms[j]] = [terms[j]!, terms[i]!]
    for (const [position, term] of terms.entries()) await setTermPosition(trx, term.id, position)
  })
}

/**
 * Merges one term into another: every case study tagged with the first is tagged with the
 * second instead, the first is retired, and every case study touched is re-indexed through the
 * outbox — one transaction, audited with how many case studies moved.
 */
export async function mergeTerms(
  db: Kysely<DB>,
  actorId: string,
  scheme: string,
  fromCode: string,
  intoCode: string,
): Promise<TermResult> {
  return inTransaction(db, async (trx) => {
    const from = await findTermForAdmin(trx, scheme, fromCode)
    const into = await findTermForAdmin(trx, scheme, intoCode)
    if (!from || !into || from.id === into.id)
      return { ok: false, field: 'into', message: 'Select a different term to merge into' }
    if (into.retired_at)
      return { ok: false, field: 'into', message: 'Select a term that is not retired' }
    const moved = await retagCaseStudies(trx, from.id, into.id)
    await setTermRetiredAt(trx, from.id, new Date())
    await enqueueCaseStudySync(trx, moved)
    await recordAuditEvent(trx, {
      actorId,
      action: 'taxonomy.terms_merged',
      subjectType: 'taxonomy_term',
      subjectId: String(from.id),
      before: { code: fromCode },
      after: { mergedInto: intoCode, caseStudies: moved.length },
    })
    return { ok: true }
  })
}
