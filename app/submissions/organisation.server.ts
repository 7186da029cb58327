import type { Kysely } from 'kysely'
import { findEstablishmentsByUrn, findTrustSchoolUrns } from '../../db/repositories/establishments'
import { updateDraftSection } from '../../db/repositories/submissions'
import type { DB } from '../../db/types'
import { withCompleted, type StoredAnswers } from './answers'
import type { OrganisationAnswer } from './organisation.schema'

interface DraftRef {
  submission: { id: string }
  answers: StoredAnswers
}

/** Most a group response may list; the largest trusts and authorities are well under it. */
export const MAX_SCHOOLS = 5_000

function isComplete(kind: string | undefined, name: string | undefined, urns: number[]) {
  if (kind === 'school') return urns.length === 1
  if (kind === 'other') return Boolean(name)
  return Boolean(kind && name && urns.length > 0)
}

async function save(db: Kysely<DB>, draft: DraftRef, organisation: StoredAnswers['organisation']) {
  const o = organisation ?? {}
  await updateDraftSection(
    db,
    draft.submission.id,
    'organisation',
    o,
    withCompleted(draft.answers, 'organisation', isComplete(o.kind, o.name, o.urns ?? [])),
  )
  draft.answers.organisation = o
}

/** Who the response is from. Changing between one school and a group starts the list afresh. */
export async function saveOrganisation(
  db: Kysely<DB>,
  draft: DraftRef,
  answer: OrganisationAnswer,
) {
  const previous = draft.answers.organisation ?? {}
  const wasGroup = previous.kind !== 'school' && previous.kind !== 'other'
  const isGroup = answer.kind !== 'school' && answer.kind !== 'other'
  const keep = previous.kind === answer.kind || (wasGroup && isGroup)
  await save(db, draft, {
    kind: answer.kind,
    name: answer.kind === 'school' ? '' : answer.name,
    urns: answer.kind === 'other' ? [] : keep ? (previous.urns ?? []) : [],
  })
}

export async function chooseSchool(db: Kysely<DB>, draft: DraftRef, urn: number) {
  const [school] = await findEstablishmentsByUrn(db, [urn])
  if (!school) return false
  await save(db, draft, { ...draft.answers.organisation, kind: 'school', urns: [urn] })
  return true
}

/** Adds schools to a group response; returns the URNs that are not in the register. */
export async function addSchools(db: Kysely<DB>, draft: DraftRef, urns: number[]) {
  const found = await findEstablishmentsByUrn(db, urns)
  const known = new Set(found.map((s) => s.urn))
  const current = draft.answers.organisation?.urns ?? []
  const merged = [...new Set([...current, ...found.map((s) => s.urn)])].slice(0, MAX_SCHOOLS)
  await save(db, draft, { ...draft.answers.organisation, urns: merged })
  return urns.filter((urn) => !known.has(urn))
}

export async function addTrustSchools(db: Kysely<DB>, draft: DraftRef, trustUid: string) {
  const urns = await findTrustSchoolUrns(db, trustUid)
  await addSchools(db, draft, urns)
  return urns.length
}

export async function removeSchool(db: Kysely<DB>, draft: DraftRef, urn: number) {
  const urns = (draft.answers.organisation?.urns ?? []).filter((u) => u !== urn)
  await save(db, draft, { ...draft.answers.organisation, urns })
}

export async function removeAllSchools(db: Kysely<DB>, draft: DraftRef) {
  await save(db, draft, { ...draft.answers.organisation, urns: [] })
}
