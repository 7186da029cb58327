import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  deleteCondition,
  findCondition,
  insertCondition,
  listConditions,
  listNeedTerms,
  lockConditions,
  updateCondition,
  type ConditionRow,
  type ConditionValues,
} from '../../db/repositories/taxonomy-conditions'
import type { DB } from '../../db/types'
import { forgetVocabulary } from '../library/interpretation.server'
import { normaliseName } from '../library/query-understanding'

// The conditions vocabulary, edited by administrators. The library reads it at most a minute
// late (this process forgets its copy at once); no index needs rebuilding.

export type SaveResult =
  | { ok: true; id: number }
  | { ok: false; field: 'name' | 'otherNames' | 'abbreviations' | 'needs'; message: string }

/** Adds an entry (id null) or replaces one; refuses a name another entry already has. */
export async function saveCondition(
  db: Kysely<DB>,
  actorId: string,
  id: number | null,
  values: ConditionValues,
): Promise<SaveResult> {
  const result = await db.transaction().execute(async (trx): Promise<SaveResult> => {
    // One change at a time, so two administrators cannot give two entries one name.
    await lockConditions(trx)
    const entries = await listConditions(trx)
    const before = id === null ? undefined : entries.find((entry) => entry.id === id)
    if (id !== null && !before)
      return { ok: false, field: 'name', message: 'This entry has been removed' }
    const live = new Set(
      (await listNeedTerms(trx)).filter((need) => !need.retiredAt).map((need) => need.code),
    )
    if (values.needs.some((code) => !live.has(code)))
      return { ok: false, field: 'needs', message: 'Select types of need from the list' }
    const mine = [values.name, ...values.otherNames].map(normaliseName)
    const repeated = mine.find((name, i) => mine.indexOf(name) !== i)
    if (repeated)
      return {
        ok: false,
        field: 'otherNames',
        message: `“${repeated}” is the same as the name or another of the other names: enter it once`,
      }
    for (const other of entries) {
      if (other.id === id) continue
      const theirs = [other.name, ...other.otherNames].map(normaliseName)
      const clash = mine.findIndex((name) => theirs.includes(name))
      if (clash >= 0)
        return {
          ok: false,
          field: clash === 0 ? 'name' : 'otherNames',
          message: `“${[values.name, ...values.otherNames][clash]}” is already a name of “${other.name}”. Change that entry, or use another name`,
        }
      const shared = values.abbreviations.find((a) => other.abbreviations.includes(a))
      if (shared)
        return {
          ok: false,
          field: 'abbreviations',
          message: `“${shared}” is already an abbreviation of “${other.name}”. Change that entry, or remove it here`,
        }
    }
    const savedId = id ?? (await insertCondition(trx, values))
    if (id !== null) await updateCondition(trx, id, values)
    await recordAuditEvent(trx, {
      actorId,
      action: id === null ? 'taxonomy.condition_added' : 'taxonomy.condition_changed',
      subjectType: 'taxonomy_condition',
      subjectId: String(savedId),
      before: before ? auditValues(before) : undefined,
      after: auditValues(values),
    })
    return { ok: true, id: savedId }
  })
  if (result.ok) forgetVocabulary(db)
  return result
}

export async function removeCondition(db: Kysely<DB>, actorId: string, id: number) {
  const removed = await db.transaction().execute(async (trx) => {
    await lockConditions(trx)
    const entry = await findCondition(trx, id)
    if (!entry) return false
    await deleteCondition(trx, id)
    await recordAuditEvent(trx, {
      actorId,
      action: 'taxonomy.condition_removed',
      subjectType: 'taxonomy_condition',
      subjectId: String(id),
      before: auditValues(entry),
    })
    return true
  })
  if (removed) forgetVocabulary(db)
  return removed
}

const auditValues = (entry: ConditionValues | ConditionRow) => ({
  name: entry.name,
  kind: entry.kind,
  otherNames: entry.otherNames,
  abbreviations: entry.abbreviations,
  needs: entry.needs,
  note: entry.note,
})
