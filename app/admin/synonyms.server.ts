import type { AppLoadContext } from '@remix-run/node'
import type { Kysely } from 'kysely'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  deleteSynonymGroup,
  findSynonymGroup,
  insertSynonymGroup,
  listSynonymGroups,
  lockSynonymGroups,
  updateSynonymGroup,
} from '../../db/repositories/search-synonyms'
import type { DB } from '../../db/types'
import { noteIndexChanged, type SearchService } from '../../search/client'
import { toMeilisearchSynonyms, waitOk } from '../../search/index-settings'

// Search synonyms, edited by administrators. Postgres holds them; every change queues a job that
// applies the whole set to Meilisearch (retried while Meilisearch is away), and index rebuilds
// and app starts apply them too.

export const SYNONYMS_TASK = 'search_synonyms'

export type SaveResult =
  { ok: true; id: number } | { ok: false; field: 'terms' | 'oneWay'; message: string }

/**
 * Adds a group (id null) or replaces one's terms, and its one-way abbreviations when given (left
 * as they are when not); refuses a term another group already has.
 */
export async function saveSynonymGroup(
  db: Kysely<DB>,
  actorId: string,
  id: number | null,
  terms: string[],
  oneWay?: string[],
): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    // One change at a time, so two administrators cannot put one term in two groups.
    await lockSynonymGroups(trx)
    const groups = await listSynonymGroups(trx)
    const before = id === null ? undefined : groups.find((group) => group.id === id)
    if (id !== null && !before)
      return { ok: false, field: 'terms', message: 'This group has been removed' }
    for (const other of groups) {
      if (other.id === id) continue
      const theirs = [...other.terms, ...other.oneWay]
      for (const field of ['terms', 'oneWay'] as const) {
        const shared = (field === 'terms' ? terms : (oneWay ?? [])).find((term) =>
          theirs.includes(term),
        )
        if (shared)
          return {
            ok: false,
            field,
            message: `“${shared}” is already in the group “${describeGroup(other.terms)}”. Remove it from this group, or change that one`,
          }
      }
    }
    const savedId = id ?? (await insertSynonymGroup(trx, terms, oneWay))
    if (id !== null) await updateSynonymGroup(trx, id, terms, oneWay)
    await recordAuditEvent(trx, {
      actorId,
      action: id === null ? 'search.synonyms_added' : 'search.synonyms_changed',
      subjectType: 'search_synonym_group',
      subjectId: String(savedId),
      before: before ? withOneWay(before.terms, before.oneWay) : undefined,
      after: withOneWay(terms, oneWay ?? before?.oneWay ?? []),
    })
    await queueApply(trx)
    return { ok: true, id: savedId }
  })
}

export async function removeSynonymGroup(db: Kysely<DB>, actorId: string, id: number) {
  return db.transaction().execute(async (trx) => {
    await lockSynonymGroups(trx)
    const group = await findSynonymGroup(trx, id)
    if (!group) return false
    await deleteSynonymGroup(trx, id)
    await recordAuditEvent(trx, {
      actorId,
      action: 'search.synonyms_removed',
      subjectType: 'search_synonym_group',
      subjectId: String(id),
      before: withOneWay(group.terms, group.oneWay),
    })
    await queueApply(trx)
    return true
  })
}

/** What the audit records: the one-way abbreviations only for a group that has them. */
const withOneWay = (terms: string[], oneWay: string[]) =>
  oneWay.length > 0 ? { terms, oneWay } : { terms }

/** One pending job at most: a burst of edits is applied once, with whatever is saved by then. */
const queueApply = (db: Kysely<DB>) =>
  addJob(db, SYNONYMS_TASK, {}, { jobKey: SYNONYMS_TASK, maxAttempts: 25 })

/** The job: applies every saved group to the live index. */
export async function applySynonymsToSearch(db: Kysely<DB>, search: SearchService) {
  const groups = await listSynonymGroups(db)
  await waitOk(
    search.client
      .index(search.caseStudiesIndex)
      .updateSynonyms(toMeilisearchSynonyms(groups))
      .waitTask({ timeout: 120_000 }),
  )
  noteIndexChanged(search)
  return { groups: groups.length }
}

export type SynonymsState = 'in-use' | 'waiting' | 'search-unavailable'

/** The groups, and whether search is using exactly these yet. */
export async function synonymsStatus(context: AppLoadContext) {
  const { db, search } = context.services
  const groups = await listSynonymGroups(db)
  const wanted = canonical(toMeilisearchSynonyms(groups))
  const state: SynonymsState = await search.client
    .index(search.caseStudiesIndex)
    .getSynonyms()
    .then((live) => (canonical(live) === wanted ? 'in-use' : 'waiting'))
    .catch(() => 'search-unavailable' as const)
  return { groups, state }
}

export const describeGroup = (terms: string[]) =>
  terms.length > 4 ? `${terms.slice(0, 4).join(', ')} …` : terms.join(', ')

const canonical = (synonyms: Record<string, string[]>) =>
  JSON.stringify(
    Object.keys(synonyms)
      .sort()
      .map((key) => [key, [...synonyms[key]!].sort()]),
  )
