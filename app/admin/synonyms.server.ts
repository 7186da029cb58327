import type { AppLoadContext } from '@remix-run/node'
import { sql, type Kysely } from 'kysely'
import { addJob } from '../../db/job-queue'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  deleteSynonymGroup,
  findSynonymGroup,
  insertSynonymGroup,
  listSynonymGroups,
  updateSynonymGroup,
} from '../../db/repositories/search-synonyms'
import type { DB } from '../../db/types'
import type { SearchService } from '../../search/client'
import { toMeilisearchSynonyms, waitOk } from '../../search/index-settings'

// Search synonyms, edited by administrators. Postgres holds them; every change queues a job that
// applies the whole set to Meilisearch (retried while Meilisearch is away), and index rebuilds
// and app starts apply them too.

export const SYNONYMS_TASK = 'search_synonyms'

export type SaveResult = { ok: true; id: number } | { ok: false; field: 'terms'; message: string }

/** Adds a group (id null) or replaces one's terms; refuses a term another group already has. */
export async function saveSynonymGroup(
  db: Kysely<DB>,
  actorId: string,
  id: number | null,
  terms: string[],
): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    // One change at a time, so two administrators cannot put one term in two groups.
    await sql`SELECT pg_advisory_xact_lock(hashtext('search synonyms'))`.execute(trx)
    const groups = await listSynonymGroups(trx)
    const before = id === null ? undefined : groups.find((group) => group.id === id)
    if (id !== null && !before)
      return { ok: false, field: 'terms', message: 'This group has been removed' }
    for (const other of groups) {
      if (other.id === id) continue
      const shared = terms.find((term) => other.terms.includes(term))
      if (shared)
        return {
          ok: false,
          field: 'terms',
          message: `“${shared}” is already in the group “${describeGroup(other.terms)}”. Remove it from this group, or change that one`,
        }
    }
    const savedId = id ?? (await insertSynonymGroup(trx, terms))
    if (id !== null) await updateSynonymGroup(trx, id, terms)
    await recordAuditEvent(trx, {
      actorId,
      action: id === null ? 'search.synonyms_added' : 'search.synonyms_changed',
      subjectType: 'search_synonym_group',
      subjectId: String(savedId),
      before: before ? { terms: before.terms } : undefined,
      after: { terms },
    })
    await queueApply(trx)
    return { ok: true, id: savedId }
  })
}

export async function removeSynonymGroup(db: Kysely<DB>, actorId: string, id: number) {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('search synonyms'))`.execute(trx)
    const group = await findSynonymGroup(trx, id)
    if (!group) return false
    await deleteSynonymGroup(trx, id)
    await recordAuditEvent(trx, {
      actorId,
      action: 'search.synonyms_removed',
      subjectType: 'search_synonym_group',
      subjectId: String(id),
      before: { terms: group.terms },
    })
    await queueApply(trx)
    return true
  })
}

/** One pending job at most: a burst of edits is applied once, with whatever is saved by then. */
const queueApply = (db: Kysely<DB>) =>
  addJob(db, SYNONYMS_TASK, {}, { jobKey: SYNONYMS_TASK, maxAttempts: 25 })

/** The job: applies every saved group to the live index. */
export async function applySynonymsToSearch(db: Kysely<DB>, search: SearchService) {
  const groups = await listSynonymGroups(db)
  await waitOk(
    search.client
      .index(search.caseStudiesIndex)
      .updateSynonyms(toMeilisearchSynonyms(groups.map((group) => group.terms)))
      .waitTask({ timeout: 120_000 }),
  )
  return { groups: groups.length }
}

export type SynonymsState = 'in-use' | 'waiting' | 'search-unavailable'

/** The groups, and whether search is using exactly these yet. */
export async function synonymsStatus(context: AppLoadContext) {
  const { db, search } = context.services
  const groups = await listSynonymGroups(db)
  const wanted = canonical(toMeilisearchSynonyms(groups.map((group) => group.terms)))
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
