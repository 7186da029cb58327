import type { Kysely } from 'kysely'
import { recordAuditEvent } from '../../db/repositories/audit-events'
import {
  findDraftForSubmission,
  listCaseStudyTagCodes,
  replaceCaseStudyTags,
  updateCaseStudyRating,
} from '../../db/repositories/moderation'
import {
  insertTagSuggestions,
  listTagSuggestions,
  lockOpenSuggestion,
  markSuggestionDecided,
  recordTaggingAgainstSuggestions,
} from '../../db/repositories/tag-suggestions'
import type { DB, Json } from '../../db/types'
import type { SearchService } from '../../search/client'
import { enqueueCaseStudySync } from '../../search/outbox'
import { readAnswers } from '../submissions/answers'
import { loadSuggester } from './model-store.server'
import { EVIDENCE_SCHEME } from './schemes'
import { suggestionVersion, suggestTags, type Suggestion } from './suggest'
import { submissionText } from './texts'

// The moderator's side of suggestions: made and recorded when a moderator claims a submission
// (or asks for them), shown with their reasons, and accepted or dismissed one at a time. A
// suggestion never tags anything by itself; accepting one is a moderator's action, audited like
// any other tagging.

export interface SimilarCaseStudy {
  slug: string
  title: string
  /** `scheme:code` of each of its tags. */
  tags: string[]
}

export interface SuggestionReason {
  phrases: string[]
  /** Published case studies most like the response that carry this term. */
  similar: { slug: string; title: string }[]
}

/** How many published case studies are looked up as the nearest to a response. */
const NEAREST = 5

/**
 * The published case studies nearest to a response, from the library's Meilisearch index: the
 * words that point to the suggestions (most telling first), then the title, as one query from
 * which Meilisearch drops the commonest words until something matches. None if search is away.
 */
export async function findNearestPublished(
  search: SearchService,
  words: readonly string[],
): Promise<SimilarCaseStudy[]> {
  const q = [...new Set(words.flatMap((w) => w.toLowerCase().split(/\s+/)))].slice(0, 10).join(' ')
  if (!q) return []
  try {
    const result = await search.client
      .index<{ slug: string; title: string; tags: { scheme: string; code: string }[] }>(
        search.caseStudiesIndex,
      )
      .search(q, {
        limit: NEAREST,
        attributesToRetrieve: ['slug', 'title', 'tags'],
        matchingStrategy: 'frequency',
      })
    return result.hits.map((h) => ({
      slug: h.slug,
      title: h.title,
      tags: (h.tags ?? []).map((t) => `${t.scheme}:${t.code}`),
    }))
  } catch {
    return []
  }
}

/** Suggestions for a text, each with its reason, and the model that made them. */
export async function suggestForText(
  db: Kysely<DB>,
  search: SearchService,
  input: { text: string; organisationKind?: string | null; title?: string },
) {
  const suggester = await loadSuggester(db)
  const suggestions = suggestTags(suggester, input)
  const words = [
    ...suggestions.filter((s) => s.scheme === 'need').flatMap((s) => s.phrases),
    ...suggestions.filter((s) => s.scheme === 'practice').flatMap((s) => s.phrases),
    ...(input.title ?? '').split(/\s+/).filter((w) => w.length > 3),
  ]
  const nearest = await findNearestPublished(search, words)
  return {
    modelVersion: suggestionVersion(suggester.model.version),
    nearest,
    suggestions: suggestions.map((s) => ({
      ...s,
      reason: {
        phrases: s.phrases,
        similar: nearest
          .filter((n) => n.tags.includes(`${s.scheme}:${s.code}`))
          .map(({ slug, title }) => ({ slug, title })),
      } satisfies SuggestionReason,
    })),
  }
}

/**
 * Makes and records a claimed submission's suggestions, once: a submission that already has
 * them keeps what was shown. Tags nothing.
 */
export async function prepareSuggestions(
  services: { db: Kysely<DB>; search: SearchService },
  input: { submissionId: string; actorId: string },
) {
  const { db } = services
  const existing = await listTagSuggestions(db, input.submissionId)
  if (existing.some((s) => s.source === 'model')) return { made: 0 }
  const submission = await db
    .selectFrom('submissions')
    .select(['original_answers', 'organisation_kind'])
    .where('id', '=', input.submissionId)
    .executeTakeFirstOrThrow()
  const answers = readAnswers(submission.original_answers)
  const made = await suggestForText(db, services.search, {
    text: submissionText(answers),
    organisationKind: submission.organisation_kind,
    title: String(answers.practice?.title ?? ''),
  })
  await db.transaction().execute(async (trx) => {
    await insertTagSuggestions(
      trx,
      input.submissionId,
      made.suggestions.map((s) => ({
        scheme: s.scheme,
        code: s.code,
        confidence: s.confidence,
        score: s.score,
        modelVersion: made.modelVersion,
        reason: s.reason as unknown as Json,
      })),
    )
    // Not an audit event: a machine's hint changes nothing. The rows above are its record, and
    // the review page's history lists them; a moderator's decision on one is audited.
  })
  return { made: made.suggestions.length }
}

export type SuggestionDecisionResult = { ok: true } | { ok: false; status: number; message: string }

/**
 * A moderator accepts or dismisses one suggestion. Accepting adds the term to the case study's
 * tags (or sets the suggested evidence rating), in the same transaction as the decision.
 */
export async function decideSuggestion(
  db: Kysely<DB>,
  input: {
    submissionId: string
    suggestionId: string
    actorId: string
    decision: 'accepted' | 'dismissed'
  },
): Promise<SuggestionDecisionResult> {
  const draft = await findDraftForSubmission(db, input.submissionId)
  if (!draft) return { ok: false, status: 409, message: 'Claim this submission before tagging it' }
  return db.transaction().execute(async (trx): Promise<SuggestionDecisionResult> => {
    const suggestion = await lockOpenSuggestion(trx, input.submissionId, input.suggestionId)
    if (!suggestion) return { ok: false, status: 404, message: 'There is no such suggestion' }
    if (suggestion.decision)
      return { ok: false, status: 409, message: 'This suggestion has already been decided' }
    if (input.decision === 'accepted') {
      const current = await trx
        .selectFrom('case_studies')
        .select(['status', 'keywords', 'evidence_strength'])
        .where('id', '=', draft.id)
        .forUpdate()
        .executeTakeFirstOrThrow()
      const before = await listCaseStudyTagCodes(trx, draft.id)
      const tags = before.map((t) => ({ scheme: t.scheme, code: t.code }))
      let evidenceStrength = current.evidence_strength
      if (suggestion.scheme === EVIDENCE_SCHEME) {
        evidenceStrength = Number(suggestion.code)
        await updateCaseStudyRating(trx, draft.id, {
          keywords: current.keywords,
          evidenceStrength,
        })
      } else {
        if (!tags.some((t) => t.scheme === suggestion.scheme && t.code === suggestion.code))
          tags.push({ scheme: suggestion.scheme, code: suggestion.code })
        const unknown = await replaceCaseStudyTags(trx, draft.id, tags)
        if (unknown.length > 0)
          return {
            ok: false,
            status: 409,
            message:
              'This term has been retired since it was suggested: tag the case study by hand',
          }
      }
      await recordAuditEvent(trx, {
        actorId: input.actorId,
        action: 'case_study.tagged',
        subjectType: 'case_study',
        subjectId: draft.id,
        before: {
          tags: before.map((t) => `${t.scheme}:${t.code}`),
          evidenceStrength: current.evidence_strength,
        },
        after: {
          tags: tags.map((t) => `${t.scheme}:${t.code}`),
          evidenceStrength,
          acceptedSuggestion: input.suggestionId,
        },
      })
      if (current.status === 'published') await enqueueCaseStudySync(trx, [draft.id])
    }
    await markSuggestionDecided(trx, input.suggestionId, input.decision, input.actorId)
    await recordAuditEvent(trx, {
      actorId: input.actorId,
      action: `submission.suggestion_${input.decision}`,
      subjectType: 'submission',
      subjectId: input.submissionId,
      after: {
        suggestion: `${suggestion.scheme}:${suggestion.code}`,
        confidence: suggestion.confidence,
        modelVersion: suggestion.model_version,
      },
    })
    return { ok: true }
  })
}

/**
 * After the tagging form is saved: ticked suggestions count as accepted, and terms nobody
 * suggested are recorded as the moderator's own. Nothing to record where nothing was suggested.
 */
export async function recordTaggingDecisions(
  db: Kysely<DB>,
  input: { submissionId: string; actorId: string; tags: { scheme: string; code: string }[] },
) {
  const shown = await listTagSuggestions(db, input.submissionId)
  const model = shown.find((s) => s.source === 'model')
  if (!model) return
  await db.transaction().execute((trx) =>
    recordTaggingAgainstSuggestions(trx, {
      ...input,
      modelVersion: model.model_version,
    }),
  )
}

export type { Suggestion }
