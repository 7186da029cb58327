import type { MeiliSearch, Settings } from 'meilisearch'
import { synonymGroups } from '../app/reference/synonyms'

/** Every term in a group finds every other: Meilisearch wants that spelled out per word. */
export function toMeilisearchSynonyms(
  groups: readonly (readonly string[])[],
): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => term.toLowerCase()))]
    for (const term of terms) {
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...terms.filter((t) => t !== term)])]
    }
  }
  return synonyms
}

// Short function words only: English stop words that carry meaning here ("not", "no", "all")
// are kept, because "no exclusions" and "all pupils" are real queries.
const stopWords = [
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'at',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'it',
  'its',
  'this',
  'that',
  'our',
  'we',
]

export const caseStudySettings: Settings = {
  searchableAttributes: [
    'title',
    'summary',
    'keywords',
    'needLabels',
    'practiceLabels',
    'challenge',
    'practice',
    'impact',
    'keyFactors',
    'advice',
    'organisationName',
    'laName',
    'regionName',
  ],
  filterableAttributes: [
    // To read one case study by slug when Postgres is away.
    'slug',
    'needs',
    'needAreas',
    'practices',
    'phases',
    'settings',
    'outcomes',
    'principles',
    'region',
    'laCode',
    'evidenceStrength',
    'isFictional',
  ],
  sortableAttributes: ['publishedAt', 'title'],
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  // Counts are exact up to this many hits (paged searches count exhaustively): well above the corpus.
  pagination: { maxTotalHits: 1_000_000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  stopWords,
  synonyms: toMeilisearchSynonyms(synonymGroups),
}

/**
 * Creates the index if needed and applies the settings kept in code, with these synonyms (the
 * app passes the administrators' from Postgres; tests and benchmarks use the seed's).
 */
export async function applyCaseStudySettings(
  client: MeiliSearch,
  indexName: string,
  synonyms: readonly (readonly string[])[] = synonymGroups,
): Promise<void> {
  const exists = await client
    .getIndex(indexName)
    .then(() => true)
    .catch(() => false)
  if (!exists)
    await waitOk(client.createIndex(indexName, { primaryKey: 'id' }).waitTask({ timeout: 30_000 }))
  await waitOk(
    client
      .index(indexName)
      .updateSettings({ ...caseStudySettings, synonyms: toMeilisearchSynonyms(synonyms) })
      .waitTask({ timeout: 60_000 }),
  )
}

export async function waitOk(
  task: Promise<{ status: string; error?: { message: string } | null; type?: string }>,
) {
  const done = await task
  if (done.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${done.type ?? ''} ${done.status}: ${done.error?.message ?? 'no detail'}`,
    )
  }
  return done
}
