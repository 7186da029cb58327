import type { MeiliSearch, Settings } from 'meilisearch'
import { synonymGroupDefinitions } from '../app/reference/synonyms'

/** A group as a list of terms that find each other, or with abbreviations that only find them. */
export type SynonymGroupInput =
  readonly string[] | { terms: readonly string[]; oneWay?: readonly string[] }

/**
 * Every term in a group finds every other: Meilisearch wants that spelled out per word. A one-way
 * term (an abbreviation that is also an everyday word) finds the group's terms, and none of them
 * finds it.
 */
export function toMeilisearchSynonyms(
  groups: readonly SynonymGroupInput[],
): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  const add = (term: string, found: string[]) => {
    synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...found.filter((t) => t !== term)])]
  }
  for (const group of groups) {
    const { terms: listed, oneWay = [] } = 'terms' in group ? group : { terms: group }
    const terms = [...new Set(listed.map((term) => term.toLowerCase()))]
    for (const term of terms) add(term, terms)
    for (const abbreviation of oneWay) add(abbreviation.toLowerCase(), terms)
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
    // "Still running": a follow-up may say the practice has stopped.
    'practiceStatus',
  ],
  sortableAttributes: ['publishedAt', 'title', 'lastReviewedAt'],
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  // Counts are exact up to this many hits (paged searches count exhaustively): well above the corpus.
  pagination: { maxTotalHits: 1_000_000 },
  // No typos on words under 5 letters: a typo turns an abbreviation into another word
  // ("adhd" into "add", "elsa" into "else"). Two typos from 9 letters, the engine's default.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  stopWords,
  synonyms: toMeilisearchSynonyms(synonymGroupDefinitions),
}

/**
 * Creates the index if needed and applies the settings kept in code, with these synonyms (the
 * app passes the administrators' from Postgres; tests and benchmarks use the seed's).
 */
export async function applyCaseStudySettings(
  client: MeiliSearch,
  indexName: string,
  synonyms: readonly SynonymGroupInput[] = synonymGroupDefinitions,
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
