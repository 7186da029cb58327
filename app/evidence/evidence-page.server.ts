import type { AppLoadContext } from '@remix-run/node'
import { requireRole } from '../accounts/session.server'
import { parseEvidenceFilter } from './evidence-filter'
import { describeEvidenceFilter, loadEvidenceVocabulary } from './vocabulary.server'

/**
 * What every evidence page starts with: the advisory role (administrators too; moderators are
 * turned away, since these pages hold evidence-only responses that are not theirs to publish),
 * the filter from the URL, the labels, and the filter in words.
 */
export async function loadEvidencePage(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, ['advisory'])
  const url = new URL(request.url)
  const { filter, problems } = parseEvidenceFilter(url.searchParams)
  const vocabulary = await loadEvidenceVocabulary(context)
  const { label: _label, ...options } = vocabulary
  return {
    user,
    url,
    filter,
    problems,
    vocabulary,
    options,
    description: describeEvidenceFilter(filter, vocabulary),
  }
}
