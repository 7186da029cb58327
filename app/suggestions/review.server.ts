import type { Kysely } from 'kysely'
import { listTagSuggestions } from '../../db/repositories/tag-suggestions'
import { listTaxonomyTerms } from '../../db/repositories/taxonomy'
import type { DB } from '../../db/types'
import { evidenceStrengthLevels } from '../reference/taxonomy'
import { formatLondonDateTime } from '../utils/london-time'
import { EVIDENCE_SCHEME, schemeNames, suggestedSchemes } from './schemes'
import type { SuggestionReason } from './suggestions.server'

// What the review page shows of suggestions: the open ones, scheme by scheme, with their
// reasons, and the record of every one shown and what was done with it.

const decisionWords: Record<string, string> = {
  accepted: 'accepted',
  dismissed: 'dismissed',
  tagged: 'tagged without a suggestion',
}

export async function loadSuggestionsForReview(
  db: Kysely<DB>,
  submissionId: string,
  tagged: readonly string[],
) {
  const [rows, terms] = await Promise.all([
    listTagSuggestions(db, submissionId),
    listTaxonomyTerms(db),
  ])
  const labels = new Map(terms.map((t) => [`${t.scheme}:${t.code}`, t.label]))
  for (const level of evidenceStrengthLevels)
    labels.set(`${EVIDENCE_SCHEME}:${level.value}`, `${level.value}: ${level.label}`)
  const labelOf = (scheme: string, code: string) => labels.get(`${scheme}:${code}`) ?? code
  const schemeOf = (scheme: string) => schemeNames[scheme as keyof typeof schemeNames] ?? scheme
  const model = rows.filter((r) => r.source === 'model')
  const open = model
    .filter((r) => r.decision === null)
    .map((r) => {
      const reason = (r.reason ?? {}) as Partial<SuggestionReason>
      return {
        id: r.id,
        scheme: r.scheme,
        code: r.code,
        label: labelOf(r.scheme, r.code),
        confidence: r.confidence as 'likely' | 'possible',
        phrases: reason.phrases ?? [],
        similar: reason.similar ?? [],
        alreadyTagged: tagged.includes(`${r.scheme}:${r.code}`),
      }
    })
  return {
    made: model.length > 0,
    modelVersion: model[0]?.model_version ?? null,
    groups: [...suggestedSchemes, EVIDENCE_SCHEME]
      .map((scheme) => ({
        scheme,
        name: schemeOf(scheme),
        suggestions: open.filter((s) => s.scheme === scheme),
      }))
      .filter((g) => g.suggestions.length > 0),
    history: rows.map((r) => ({
      at: formatLondonDateTime(new Date(r.decided_at ?? r.shown_at)),
      scheme: schemeOf(r.scheme),
      label: labelOf(r.scheme, r.code),
      suggested: r.source === 'model',
      confidence: r.confidence,
      modelVersion: r.model_version,
      decision: r.decision ? (decisionWords[r.decision] ?? r.decision) : 'not decided yet',
      by: r.decided_by_name,
    })),
  }
}
