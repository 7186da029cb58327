// How the app reaches search: the client's type, the outbox that keeps the index in step with
// Postgres, and the rebuild. The client itself arrives with each request (context.services.search).
export type { SearchService } from '../search/client'
export type { CaseStudyDocument } from '../search/documents'
export { toMeilisearchSynonyms, waitOk } from '../search/index-settings'
export { enqueueCaseStudySync, outboxBacklog } from '../search/outbox'
export { rebuildCaseStudyIndex } from '../search/reindex'
