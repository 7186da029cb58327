import type { Kysely } from 'kysely'
import { listSuggestionOutcomes } from '../../db/repositories/tag-suggestions'
import type { DB } from '../../db/types'
import { precisionRecall } from './evaluation'
import { suggestedSchemes } from './schemes'

/**
 * How suggested tags fared with moderators, per scheme, over every submission that was shown
 * suggestions: the share accepted, precision (suggested terms the case study has now) and recall
 * (the case study's terms now that had been suggested). The same measures as
 * `npm run eval:suggestions`, on real decisions.
 */
export async function suggestionReport(db: Kysely<DB>) {
  const { shown, final } = await listSuggestionOutcomes(db)
  return suggestedSchemes.map((scheme) => {
    const s = shown.find((r) => r.scheme === scheme)
    const f = final.find((r) => r.scheme === scheme)
    const figures = precisionRecall(s?.shown ?? 0, f?.final ?? 0, s?.kept ?? 0)
    return {
      scheme,
      shown: s?.shown ?? 0,
      accepted: s?.accepted ?? 0,
      dismissed: s?.dismissed ?? 0,
      acceptedShare: s?.shown ? Math.round(((s.accepted ?? 0) / s.shown) * 1000) / 10 : null,
      precision: figures.precision,
      // Final tags that had been suggested, over all final tags.
      recall: f?.final ? Math.round((f.suggested / f.final) * 1000) / 1000 : null,
      finalTags: f?.final ?? 0,
    }
  })
}
