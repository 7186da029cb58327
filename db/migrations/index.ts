import type { Migration } from 'kysely'
import * as initialSchema from './2026-11-22T0600-initial-schema'
import * as caseStudyTagsCoveringIndex from './2026-11-22T0900-case-study-tags-covering-index'
import * as callForEvidence from './2026-11-22T1200-call-for-evidence'
import * as moderation from './2026-11-22T1500-moderation'
import * as doubleCoding from './2026-11-22T1600-double-coding'
import * as duplicatesAndAuditGuard from './2026-11-22T1700-duplicates-and-audit-guard'
import * as retention from './2026-11-22T1900-retention'
import * as searchRebuilds from './2026-11-22T2000-search-rebuilds'
import * as staffAccounts from './2026-11-22T2100-staff-accounts'
import * as signInProtection from './2026-11-22T2200-sign-in-protection'
import * as searchSynonyms from './2026-11-22T2300-search-synonyms'
import * as personalDataGuarantee from './2026-12-07T0100-personal-data-guarantee'
import * as searchOutboxParking from './2026-12-07T0300-search-outbox-parking'
import * as referenceData from './2026-12-07T0500-reference-data'
import * as followUps from './2026-12-07T0600-follow-ups'
import * as conditions from './2026-12-07T0700-conditions'
import * as conditionsData from './2026-12-07T0710-conditions-data'
import * as tagSuggestions from './2026-12-07T0800-tag-suggestions'
import * as publishedCountIndex from './2026-12-07T0900-published-count-index'

// Listed explicitly (not read from the folder) so migrations run the same under tsx, vitest and
// bundlers. A unit test checks that every file in this folder is listed here, in name order.
export const migrations: Record<string, Migration> = {
  '2026-11-22T0600-initial-schema': initialSchema,
  '2026-11-22T0900-case-study-tags-covering-index': caseStudyTagsCoveringIndex,
  '2026-11-22T1200-call-for-evidence': callForEvidence,
  '2026-11-22T1500-moderation': moderation,
  '2026-11-22T1600-double-coding': doubleCoding,
  '2026-11-22T1700-duplicates-and-audit-guard': duplicatesAndAuditGuard,
  '2026-11-22T1900-retention': retention,
  '2026-11-22T2000-search-rebuilds': searchRebuilds,
  '2026-11-22T2100-staff-accounts': staffAccounts,
  '2026-11-22T2200-sign-in-protection': signInProtection,
  '2026-11-22T2300-search-synonyms': searchSynonyms,
  '2026-12-07T0100-personal-data-guarantee': personalDataGuarantee,
  '2026-12-07T0300-search-outbox-parking': searchOutboxParking,
  '2026-12-07T0500-reference-data': referenceData,
  '2026-12-07T0600-follow-ups': followUps,
  '2026-12-07T0700-conditions': conditions,
  '2026-12-07T0710-conditions-data': conditionsData,
  '2026-12-07T0800-tag-suggestions': tagSuggestions,
  '2026-12-07T0900-published-count-index': publishedCountIndex,
}
